package zone.dimo.sdk;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;

/**
 * A JSON reader on Moshi's streaming {@link JsonReader} that yields plain Java values with exact
 * numbers (BigInteger / BigDecimal, never double) and ordered objects. Used for typed data, error
 * bodies, login answers and JWT payloads, so that none of them depends on the Content-Type the
 * server chose.
 */
final class ExactJson {
  private ExactJson() {
  }

  /**
   * Reads exactly one JSON object from {@code source}; {@code what} names the document in
   * messages ("typed data", "login answer").
   *
   * @throws IllegalArgumentException naming the JSON path where reading stopped
   */
  static Map<String, Object> readObject(BufferedSource source, String what) {
    JsonReader reader = JsonReader.of(source);
    try {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new IllegalArgumentException(
            "Malformed " + what + " at " + reader.getPath() + ": expected an object but was "
                + reader.peek());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> root = (Map<String, Object>) readValue(reader);
      if (!atEnd(reader)) {
        throw new IllegalArgumentException(
            "Malformed " + what + " at " + reader.getPath()
                + ": unexpected content after the top-level object");
      }
      return root;
    } catch (JsonEncodingException | JsonDataException e) {
      throw new IllegalArgumentException(
          "Malformed " + what + " at " + reader.getPath() + ": " + e.getMessage(), e);
    } catch (EOFException e) {
      throw new IllegalArgumentException(
          "Malformed " + what + " at " + reader.getPath() + ": unexpected end of input", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Could not read " + what + " at " + reader.getPath() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads exactly one JSON object from text, with the same values and the same errors as {@link
   * #readObject(BufferedSource, String)} on its UTF-8 bytes.
   *
   * <p>Plain, well-formed JSON (the form services send) is read straight from the string, which
   * saves the UTF-8 round trip through a buffer and Moshi's byte-wise scanning. Anything else
   * (malformed text, the escapes and literals only Moshi interprets, surrogates, very deep nesting,
   * duplicate keys) is handed to Moshi, so errors keep Moshi's messages and paths.
   *
   * @throws IllegalArgumentException naming the JSON path where reading stopped
   */
  static Map<String, Object> readObject(String json, String what) {
    Map<String, Object> plain = PlainReader.readObject(json);
    if (plain != null) {
      return plain;
    }
    return readObject(new Buffer().writeUtf8(json), what);
  }

  /**
   * A reader for strictly well-formed JSON text that gives up (returns null) at the first thing it
   * does not handle, instead of reporting it; {@link #readObject(String, String)} then lets Moshi
   * read the text. Everything it accepts Moshi accepts too, with the same values: ordered maps,
   * lists, strings, booleans, null, and {@link #exactNumber} numbers.
   */
  static final class PlainReader {
    /** Below Moshi's own nesting limit (255), so that Moshi reports anything deeper. */
    private static final int MAX_DEPTH = 200;
    /** "Not handled here", distinct from JSON null. */
    private static final Object GIVE_UP = new Object();

    private final String text;
    private final int length;
    private int pos;

    private PlainReader(String text) {
      this.text = text;
      this.length = text.length();
    }

    /** The object, or null when Moshi should read the text. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(String text) {
      PlainReader reader = new PlainReader(text);
      reader.skipWhitespace();
      if (reader.pos >= reader.length || text.charAt(reader.pos) != '{') {
        return null;
      }
      Object value = reader.object(1);
      if (value == GIVE_UP) {
        return null;
      }
      reader.skipWhitespace();
      return reader.pos == reader.length ? (Map<String, Object>) value : null;
    }

    private void skipWhitespace() {
      while (pos < length) {
        char c = text.charAt(pos);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          return;
        }
        pos++;
      }
    }

    private Object value(int depth) {
      if (pos >= length) {
        return GIVE_UP;
      }
      char c = text.charAt(pos);
      switch (c) {
        case '{':
          return object(depth + 1);
        case '[':
          return array(depth + 1);
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          return c == '-' || (c >= '0' && c <= '9') ? number() : GIVE_UP;
      }
    }

    private Object object(int depth) {
      if (depth > MAX_DEPTH) {
        return GIVE_UP;
      }
      pos++; // '{'
      Map<String, Object> map = new LinkedHashMap<>();
      skipWhitespace();
      if (pos < length && text.charAt(pos) == '}') {
        pos++;
        return map;
      }
      while (true) {
        if (pos >= length || text.charAt(pos) != '"') {
          return GIVE_UP;
        }
        Object name = string();
        if (name == GIVE_UP) {
          return GIVE_UP;
        }
        skipWhitespace();
        if (pos >= length || text.charAt(pos) != ':') {
          return GIVE_UP;
        }
        pos++;
        skipWhitespace();
        Object value = value(depth);
        if (value == GIVE_UP) {
          return GIVE_UP;
        }
        int size = map.size();
        map.put((String) name, value);
        if (map.size() == size) {
          return GIVE_UP; // duplicate key: Moshi's path reports it with the path
        }
        skipWhitespace();
        if (pos >= length) {
          return GIVE_UP;
        }
        char c = text.charAt(pos++);
        if (c == '}') {
          return map;
        }
        if (c != ',') {
          return GIVE_UP;
        }
        skipWhitespace();
      }
    }

    private Object array(int depth) {
      if (depth > MAX_DEPTH) {
        return GIVE_UP;
      }
      pos++; // '['
      List<Object> list = new ArrayList<>();
      skipWhitespace();
      if (pos < length && text.charAt(pos) == ']') {
        pos++;
        return list;
      }
      while (true) {
        Object value = value(depth);
        if (value == GIVE_UP) {
          return GIVE_UP;
        }
        list.add(value);
        skipWhitespace();
        if (pos >= length) {
          return GIVE_UP;
        }
        char c = text.charAt(pos++);
        if (c == ']') {
          return list;
        }
        if (c != ',') {
          return GIVE_UP;
        }
        skipWhitespace();
      }
    }

    /** A string at the opening quote; plain characters and the standard JSON escapes only. */
    private Object string() {
      int start = ++pos;
      StringBuilder sb = null;
      int chunk = start;
      while (pos < length) {
        char c = text.charAt(pos);
        if (c == '"') {
          String s;
          if (sb == null) {
            s = text.substring(start, pos);
          } else {
            s = sb.append(text, chunk, pos).toString();
          }
          pos++;
          return s;
        }
        if (c < 0x20 || Character.isSurrogate(c)) {
          // Raw control characters and surrogates (which the UTF-8 round trip may alter): Moshi's
          // path decides.
          return GIVE_UP;
        }
        if (c != '\\') {
          pos++;
          continue;
        }
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(text, chunk, pos);
        if (pos + 1 >= length) {
          return GIVE_UP;
        }
        char escaped = text.charAt(pos + 1);
        pos += 2;
        switch (escaped) {
          case '"':
          case '\\':
          case '/':
            sb.append(escaped);
            break;
          case 'b':
            sb.append('\b');
            break;
          case 'f':
            sb.append('\f');
            break;
          case 'n':
            sb.append('\n');
            break;
          case 'r':
            sb.append('\r');
            break;
          case 't':
            sb.append('\t');
            break;
          case 'u':
            {
              if (pos + 4 > length) {
                return GIVE_UP;
              }
              int code = 0;
              for (int i = 0; i < 4; i++) {
                int digit = Character.digit(text.charAt(pos + i), 16);
                if (digit < 0) {
                  return GIVE_UP;
                }
                code = (code << 4) | digit;
              }
              sb.append((char) code);
              pos += 4;
              break;
            }
          default:
            return GIVE_UP;
        }
        chunk = pos;
      }
      return GIVE_UP;
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, pos)) {
        return GIVE_UP;
      }
      pos += word.length();
      return atValueEnd() ? value : GIVE_UP;
    }

    /** A number in the JSON grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private Object number() {
      int start = pos;
      if (text.charAt(pos) == '-') {
        pos++;
      }
      if (pos >= length) {
        return GIVE_UP;
      }
      char c = text.charAt(pos);
      if (c == '0') {
        pos++;
      } else if (c >= '1' && c <= '9') {
        skipDigits();
      } else {
        return GIVE_UP;
      }
      if (pos < length && text.charAt(pos) == '.') {
        pos++;
        if (skipDigits() == 0) {
          return GIVE_UP;
        }
      }
      if (pos < length && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        pos++;
        if (pos < length && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
          pos++;
        }
        if (skipDigits() == 0) {
          return GIVE_UP;
        }
      }
      if (!atValueEnd()) {
        return GIVE_UP;
      }
      try {
        return exactNumber(text.substring(start, pos));
      } catch (JsonDataException outOfRange) {
        return GIVE_UP; // e.g. an exponent BigDecimal cannot hold; Moshi's path reports it
      }
    }

    private int skipDigits() {
      int start = pos;
      while (pos < length && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      return pos - start;
    }

    /** Whether a value may end here: end of text, whitespace or a closing/separating character. */
    private boolean atValueEnd() {
      if (pos >= length) {
        return true;
      }
      char c = text.charAt(pos);
      return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
  }

  private static boolean atEnd(JsonReader reader) throws IOException {
    try {
      return reader.peek() == JsonReader.Token.END_DOCUMENT;
    } catch (JsonEncodingException e) {
      // Strict mode reports a second top-level value as "malformed"; the caller says it better.
      return false;
    }
  }

  static Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (map.containsKey(name)) {
            throw new JsonDataException("duplicate key \"" + name + "\"");
          }
          map.put(name, readValue(reader));
        }
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY: {
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(readValue(reader));
        }
        reader.endArray();
        return list;
      }
      case STRING:
        return reader.nextString();
      case NUMBER:
        return exactNumber(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        reader.nextNull();
        return null;
      default:
        throw new JsonDataException("unexpected " + reader.peek());
    }
  }

  /** JSON number text to BigInteger when integral in form, else BigDecimal; never double. */
  static Number exactNumber(String text) {
    try {
      if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
        return new BigInteger(text);
      }
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new JsonDataException("bad number " + text);
    }
  }
}
