package zone.dimo.sdk.signing;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okio.Okio;

/**
 * Reads the JSON vector files from the test classpath, keeping numbers exact: a JSON number
 * written as an integer becomes a {@link BigInteger}, anything else (fraction, exponent) a {@link
 * BigDecimal}. Objects keep their key order.
 */
public final class TestVectors {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static volatile Map<String, Object> eip712;

  private TestVectors() {}

  /** The parsed {@code eip712-vectors.json}. */
  public static Map<String, Object> eip712() {
    Map<String, Object> result = eip712;
    if (result == null) {
      result = map(read("/eip712-vectors.json"));
      eip712 = result;
    }
    return result;
  }

  /** A top-level list of the EIP-712 vectors, e.g. {@code dimo}, or {@code typedData.positive}. */
  public static List<Map<String, Object>> group(String dottedPath) {
    Object node = eip712();
    for (String part : dottedPath.split("\\.")) {
      node = map(node).get(part);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : (List<?>) node) {
      out.add(map(o));
    }
    return out;
  }

  /** The key entry with the given id ({@code K1_cow} …). */
  public static Map<String, Object> key(String id) {
    for (Map<String, Object> key : group("keys")) {
      if (key.get("id").equals(id)) {
        return key;
      }
    }
    throw new IllegalArgumentException(id);
  }

  public static Object read(String resource) {
    try (InputStream in = TestVectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + resource);
      }
      JsonReader reader = JsonReader.of(Okio.buffer(Okio.source(in)));
      Object value = readValue(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalStateException("trailing data in " + resource);
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), readValue(reader));
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
      case NUMBER: {
        String text = reader.nextString();
        return INTEGER.matcher(text).matches() ? new BigInteger(text) : new BigDecimal(text);
      }
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IllegalStateException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  public static String str(Map<String, Object> m, String key) {
    return (String) m.get(key);
  }

  public static byte[] hex(String s) {
    String digits = s.startsWith("0x") ? s.substring(2) : s;
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  public static String toHex(byte[] bytes) {
    StringBuilder sb = new StringBuilder("0x");
    for (byte b : bytes) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }
}
