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
