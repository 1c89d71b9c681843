package zone.dimo.sdk;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;
import zone.dimo.sdk.signing.internal.Text;

/**
 * A JSON reader on Moshi's streaming {@link JsonReader} that yields plain Java values with exact
 * numbers (BigInteger / BigDecimal, never double) and ordered objects. Used for typed data, error
 * bodies, login answers and JWT payloads, so that none of them depends on the Content-Type the
 * server chose.
 */
final class ExactJson {
  private ExactJson() {
  }

  /** Longest JSON number read; uint256 needs 78 digits, and longer text costs quadratic time. */
  static final int MAX_NUMBER_LENGTH = 1000;
  /** Longest JSON path shown in a message. */
  private static final int MAX_PATH = 120;

  /**
   * Reads exactly one JSON object from {@code source}; {@code what} names the document in
   * messages ("typed data", "login answer").
   *
   * @throws IllegalArgumentException naming the JSON path where reading stopped
   */
  static Map<String, Object> readObject(BufferedSource source, String what) {
    return read(source, what);
  }

  /**
   * Like {@link #readObject} but strictly RFC 8259 where Moshi is lenient, for documents that are
   * signed: the bytes must be well-formed UTF-8 (Okio would otherwise read a bad byte as U+FFFD,
   * and that character would be signed instead of what was sent), strings must not hold raw
   * control characters, and the only escapes are the eight of RFC 8259 and <code>&#92;uXXXX</code>
   * (Moshi also accepts {@code \'}). A violation is reported with its line and column.
   *
   * @throws IllegalArgumentException naming the position or the JSON path of the first problem
   */
  static Map<String, Object> readStrictObject(BufferedSource source, String what) {
    byte[] bytes;
    try {
      bytes = source.readByteArray();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Could not read " + what + ": " + Text.oneLine(String.valueOf(e.getMessage()), 200), e);
    }
    String problem = strictProblem(bytes);
    if (problem != null) {
      throw new IllegalArgumentException("Malformed " + what + " at " + problem);
    }
    return read(new Buffer().write(bytes), what);
  }

  private static Map<String, Object> read(BufferedSource source, String what) {
    JsonReader reader = JsonReader.of(source);
    try {
      if (source.exhausted() || isBlank(source)) {
        throw new IllegalArgumentException("Malformed " + what + ": empty input");
      }
      JsonReader.Token first = reader.peek();
      if (first != JsonReader.Token.BEGIN_OBJECT) {
        throw new IllegalArgumentException(
            "Malformed " + what + " at " + path(reader) + ": expected an object but was "
                + describe(first));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> root = (Map<String, Object>) readValue(reader);
      if (!atEnd(reader)) {
        throw new IllegalArgumentException(
            "Malformed " + what + " at " + path(reader)
                + ": unexpected content after the top-level object");
      }
      return root;
    } catch (JsonEncodingException | JsonDataException e) {
      throw new IllegalArgumentException(
          "Malformed " + what + " at " + path(reader) + ": " + reason(e.getMessage()), e);
    } catch (EOFException e) {
      throw new IllegalArgumentException(
          "Malformed " + what + " at " + path(reader) + ": unexpected end of input", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Could not read " + what + " at " + path(reader) + ": "
              + Text.oneLine(String.valueOf(e.getMessage()), 200), e);
    }
  }

  /** Whether the rest of {@code source} is JSON whitespace only (it is buffered, not consumed). */
  private static boolean isBlank(BufferedSource source) throws IOException {
    BufferedSource peek = source.peek();
    while (!peek.exhausted()) {
      byte b = peek.readByte();
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * Moshi's path without its trailing dot ({@code $.types.} while a name is being read): people
   * read {@code $.types}.
   */
  private static String path(JsonReader reader) {
    String path = reader.getPath();
    if (path.endsWith(".")) {
      path = path.substring(0, path.length() - 1);
    }
    return Text.shortenPath(path, MAX_PATH);
  }

  /**
   * Moshi's message in words for people: without its own copy of the path, and without the advice
   * to call a Java method ({@code JsonReader.setLenient}) that a user of the SDK or the CLI cannot
   * follow.
   */
  static String reason(String moshiMessage) {
    String message = String.valueOf(moshiMessage);
    int at = message.lastIndexOf(" at path ");
    if (at >= 0) {
      message = message.substring(0, at);
    }
    if (message.startsWith("Use JsonReader.setLenient")) {
      return "not valid JSON (only strict RFC 8259 JSON is accepted: double-quoted names and"
          + " strings, no trailing commas, comments, NaN or leading zeros)";
    }
    if (message.startsWith("Expected ")) {
      message = "expected " + message.substring("Expected ".length());
    } else if (message.startsWith("Unterminated ")) {
      message = "unterminated " + message.substring("Unterminated ".length());
    } else if (message.startsWith("Invalid escape sequence")) {
      message = "invalid escape sequence" + message.substring("Invalid escape sequence".length());
    } else if (message.startsWith("Nesting too deep")) {
      message = "nested too deeply";
    }
    return Text.oneLine(message, 200);
  }

  /** A JSON token in words ("an array"), never a Java constant name ({@code BEGIN_ARRAY}). */
  static String describe(JsonReader.Token token) {
    switch (token) {
      case BEGIN_ARRAY:
        return "an array";
      case BEGIN_OBJECT:
        return "an object";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      case END_DOCUMENT:
        return "the end of the input";
      default:
        return "unexpected input";
    }
  }

  /**
   * The first violation of strict RFC 8259 that Moshi lets through, as {@code "line L, column C:
   * reason"}, or null. Columns count characters from 1.
   */
  static String strictProblem(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer text = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, text, true);
    if (result.isError()) {
      return position(bytes, in.position()) + ": not valid UTF-8 (byte 0x"
          + String.format("%02x", bytes[in.position()] & 0xff) + ")";
    }
    decoder.flush(text);
    text.flip();
    boolean inString = false;
    for (int i = 0; i < text.limit(); i++) {
      char c = text.get(i);
      if (!inString) {
        inString = c == '"';
        continue;
      }
      if (c == '"') {
        inString = false;
      } else if (c < 0x20) {
        return charPosition(text, i) + ": raw control character U+" + String.format("%04X", (int) c)
            + " in a string (JSON needs it escaped, e.g. \\n or \\u" + String.format("%04x", (int) c) + ")";
      } else if (c == '\\' && i + 1 < text.limit()) {
        char escaped = text.get(i + 1);
        if ("\"\\/bfnrtu".indexOf(escaped) < 0) {
          return charPosition(text, i) + ": invalid escape sequence \\"
              + Text.shorten(String.valueOf(escaped)) + " (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
        }
        i++;
      }
    }
    return null;
  }

  private static String position(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // Column in characters: count the bytes that start a UTF-8 sequence.
    int column = 1;
    for (int i = lineStart; i < offset; i++) {
      if ((bytes[i] & 0xc0) != 0x80) {
        column++;
      }
    }
    return "line " + line + ", column " + column;
  }

  private static String charPosition(CharBuffer text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.get(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (Character.codePointCount(text, lineStart, index) + 1);
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
            throw new JsonDataException("duplicate key " + Text.quote(name));
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
        throw new JsonDataException("unexpected " + describe(reader.peek()));
    }
  }

  /** JSON number text to BigInteger when integral in form, else BigDecimal; never double. */
  static Number exactNumber(String text) {
    if (text.length() > MAX_NUMBER_LENGTH) {
      throw new JsonDataException(
          "number of " + text.length() + " characters is too long (at most " + MAX_NUMBER_LENGTH + ")");
    }
    try {
      if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
        return new BigInteger(text);
      }
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new JsonDataException("bad number " + Text.shorten(text));
    }
  }
}
