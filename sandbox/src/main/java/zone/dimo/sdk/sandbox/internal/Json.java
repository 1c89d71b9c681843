package zone.dimo.sdk.sandbox.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * A small JSON tree reader/writer on Moshi's streaming API. Objects become {@link LinkedHashMap}s
 * (key order kept, last duplicate wins as in Go), arrays {@link List}s, numbers exact
 * {@link BigDecimal}s. The writer emits maps in iteration order, compact, with nulls, so a
 * handler controls the key order of every answer (the Go service's order).
 */
public final class Json {
  private Json() {}

  /** Thrown when a body is not one complete JSON document. */
  public static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message);
    }
  }

  public static Object parse(byte[] utf8) throws ParseException {
    Buffer buffer = new Buffer().write(utf8);
    JsonReader reader = JsonReader.of(buffer);
    try {
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new ParseException("invalid character after top-level value");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new ParseException(e.getMessage() == null ? "invalid JSON" : e.getMessage());
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          map.remove(name);
          map.put(name, read(reader));
        }
        reader.endObject();
        return map;
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new BigDecimal(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IOException("unexpected token " + reader.peek());
    }
  }

  public static String write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        writer.name(String.valueOf(entry.getKey()));
        write(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof List) {
      writer.beginArray();
      for (Object element : (List<?>) value) {
        write(writer, element);
      }
      writer.endArray();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value(((Boolean) value).booleanValue());
    } else if (value instanceof Number) {
      writer.value((Number) value);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }
}
