package zone.dimo.sdk.wire;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Reads JSON text into plain Java values that keep the JSON type of every value, so a wire
 * assertion tells {@code "7"} from {@code 7}, {@code null} from an absent key, and a hex string
 * from an array of integers. Objects compare without regard to key order (Moshi's field order is
 * not part of the contract); duplicate keys and trailing data are errors.
 */
final class JsonTree {

  /** A JSON number, kept as its literal text. */
  record JsonNumber(String text) {
  }

  /** JSON {@code null}, distinct from an absent key. */
  enum JsonNull {
    INSTANCE
  }

  private JsonTree() {
  }

  static Object parse(String json) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("trailing data after the JSON value: " + json);
      }
      return value;
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (object.put(name, read(reader)) != null) {
            throw new IllegalArgumentException("duplicate key " + name + " at " + reader.getPath());
          }
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY: {
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(read(reader));
        }
        reader.endArray();
        return array;
      }
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new JsonNumber(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        reader.nextNull();
        return JsonNull.INSTANCE;
      default:
        throw new IllegalArgumentException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }
}
