package zone.dimo.sdk.sandbox.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request body decoded as Go's {@code json.Unmarshal} into a struct would: an object is
 * required, unknown keys are ignored, keys match case-insensitively, {@code null} leaves a field
 * empty, and a value of the wrong JSON type is a decoding error. Like Fiber's BodyParser, a body
 * whose content type is not JSON is refused ("Unprocessable Entity"); the handlers turn every
 * decoding error into their own 400.
 */
final class JsonBody {
  /** Makes the handler's answer to a body it cannot decode. */
  interface Failure {
    ApiException fail(String detail);
  }

  private final Map<String, Object> fields;
  private final Failure failure;

  private JsonBody(Map<String, Object> fields, Failure failure) {
    this.fields = fields;
    this.failure = failure;
  }

  /**
   * Decodes the body. {@code wrapperKeys} are parameter names from the service's swagger that
   * broken clients send as an enclosing key ({@code {"mintRequest": {...}}}); Go would ignore
   * the key and see empty fields, the sandbox refuses them outright with a 400 that says why.
   */
  static JsonBody parse(SandboxRequest request, Failure failure, String... wrapperKeys) {
    String type = request.mediaType();
    boolean json = type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    if (!json) {
      throw failure.fail("Unprocessable Entity");
    }
    if (request.body().length == 0) {
      throw failure.fail("unexpected end of JSON input");
    }
    Object value;
    try {
      value = Json.parse(request.body());
    } catch (Json.ParseException e) {
      throw failure.fail("invalid character in JSON body: " + e.getMessage());
    }
    if (!(value instanceof Map)) {
      throw failure.fail("json: cannot unmarshal " + kind(value) + " into Go value of type struct");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    for (String wrapper : wrapperKeys) {
      for (String key : map.keySet()) {
        if (key.equalsIgnoreCase(wrapper)) {
          throw ApiException.of(400, "Unexpected key \"" + key + "\": \"" + wrapper
              + "\" is the name of the body parameter, not a wrapper; send its fields at the top level.");
        }
      }
    }
    return new JsonBody(map, failure);
  }

  private Object get(String key) {
    if (fields.containsKey(key)) {
      return fields.get(key);
    }
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The string field, or "" when absent or null (Go's zero value). */
  String string(String key) {
    Object v = get(key);
    if (v == null) {
      return "";
    }
    if (!(v instanceof String)) {
      throw failure.fail("json: cannot unmarshal " + kind(v) + " into Go struct field ." + key + " of type string");
    }
    return (String) v;
  }

  /** The string-array field, or null when absent or null. */
  List<String> strings(String key) {
    Object v = get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List)) {
      throw failure.fail("json: cannot unmarshal " + kind(v) + " into Go struct field ." + key + " of type []string");
    }
    List<String> out = new ArrayList<>();
    for (Object element : (List<?>) v) {
      if (element == null) {
        out.add("");
      } else if (element instanceof String) {
        out.add((String) element);
      } else {
        throw failure.fail("json: cannot unmarshal " + kind(element) + " into Go struct field ." + key + " of type string");
      }
    }
    return out;
  }

  /** An integer field; null when absent or null. */
  BigDecimal integer(String key) {
    Object v = get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof BigDecimal) || !isInteger((BigDecimal) v)) {
      throw failure.fail("json: cannot unmarshal " + kind(v) + " into Go struct field ." + key + " of type int64");
    }
    return (BigDecimal) v;
  }

  /** An integer-array field; null when absent or null. */
  List<BigDecimal> integers(String key) {
    Object v = get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List)) {
      throw failure.fail("json: cannot unmarshal " + kind(v) + " into Go struct field ." + key + " of type []int64");
    }
    List<BigDecimal> out = new ArrayList<>();
    for (Object element : (List<?>) v) {
      if (!(element instanceof BigDecimal) || !isInteger((BigDecimal) element)) {
        throw failure.fail("json: cannot unmarshal " + kind(element) + " into Go struct field ." + key + " of type int64");
      }
      out.add((BigDecimal) element);
    }
    return out;
  }

  /** A nested struct field; null when absent or null (Go leaves the zero struct). */
  JsonBody object(String key) {
    Object v = get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map)) {
      throw failure.fail("json: cannot unmarshal " + kind(v) + " into Go struct field ." + key + " of type struct");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) v;
    return new JsonBody(map, failure);
  }

  /**
   * An array-of-structs field; empty when absent or null. A null element is a zero struct, as
   * in Go.
   */
  List<JsonBody> objects(String key) {
    Object v = get(key);
    List<JsonBody> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof List)) {
      throw failure.fail("json: cannot unmarshal " + kind(v) + " into Go struct field ." + key + " of type []struct");
    }
    for (Object element : (List<?>) v) {
      if (element == null) {
        out.add(new JsonBody(new java.util.LinkedHashMap<String, Object>(), failure));
      } else if (element instanceof Map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) element;
        out.add(new JsonBody(map, failure));
      } else {
        throw failure.fail("json: cannot unmarshal " + kind(element) + " into Go struct field ." + key + " of type struct");
      }
    }
    return out;
  }

  /**
   * A go-ethereum {@code hexutil.Bytes} field: a JSON string {@code "0x…"} of whole bytes. An
   * array of integers (what the published docs show) is a decoding error, as in Go. Empty when
   * absent or null.
   */
  byte[] hexBytes(String key) {
    Object v = get(key);
    if (v == null) {
      return new byte[0];
    }
    if (!(v instanceof String)) {
      throw failure.fail("json: cannot unmarshal " + kind(v) + " into Go struct field ." + key + " of type hexutil.Bytes");
    }
    String s = (String) v;
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw failure.fail("json: cannot unmarshal hex string without 0x prefix into Go struct field ." + key);
    }
    byte[] out = decodeHex(s.substring(2));
    if (out == null) {
      throw failure.fail("json: cannot unmarshal invalid hex string into Go struct field ." + key);
    }
    return out;
  }

  /** Strict hex (even length, hex digits only) without prefix; null if invalid. */
  static byte[] decodeHex(String hex) {
    if (hex.length() % 2 != 0) {
      return null;
    }
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /**
   * go-ethereum's forgiving {@code common.FromHex}: optional 0x, an odd length gets a leading
   * zero, invalid hex gives no bytes.
   */
  static byte[] fromHexLenient(String s) {
    String hex = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    if (hex.length() % 2 == 1) {
      hex = "0" + hex;
    }
    byte[] out = decodeHex(hex);
    return out == null ? new byte[0] : out;
  }

  private static boolean isInteger(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  static String kind(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map) {
      return "object";
    }
    if (v instanceof List) {
      return "array";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    return "number " + v.toString().toLowerCase(Locale.ROOT);
  }
}
