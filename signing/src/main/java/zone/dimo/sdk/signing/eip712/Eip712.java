package zone.dimo.sdk.signing.eip712;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.EthSigner;
import zone.dimo.sdk.signing.Keccak256;
import zone.dimo.sdk.signing.internal.Hex;

/**
 * EIP-712 hashing and signing of {@link TypedData}.
 *
 * <p>Encoding rules (strict where libraries disagree): referenced types sorted by name in
 * {@code encodeType}; arrays hashed per level (no flattening), fixed-size arrays length-checked;
 * {@code bytesN} given exactly N bytes and right-padded; {@code bytes} and {@code string} hashed;
 * {@code bool} only from JSON booleans; {@code address} with its EIP-55 checksum checked when mixed
 * case; {@code intN}/{@code uintN} range-checked and given as JSON integers, decimal strings
 * ({@code "-42"}) or hex strings ({@code "0x2a"}, {@code "-0x2a"}) — never fractions, exponents,
 * empty strings or other text; every member present (keys that are not members are ignored). The
 * domain is hashed by the explicit {@code EIP712Domain} type, in its member order.
 *
 * <p>Everything that depends only on the types (encodeType strings, type hashes) is computed once
 * per distinct {@code types} object, and the domain separator once per {@link TypedData}.
 *
 * <p>All methods are thread-safe. Every validation error is an {@link InvalidTypedDataException}
 * whose message starts with the path of the bad value.
 */
public final class Eip712 {
  private static final BigInteger MAX_SAFE_DOUBLE_INTEGER = BigInteger.ONE.shiftLeft(53);

  private Eip712() {}

  /**
   * Returns the {@code encodeType} string of {@code type}: its own signature followed by those of
   * all struct types it references, sorted by name, e.g.
   * {@code Mail(Person from,Person to,string contents)Person(string name,address wallet)}.
   *
   * @param typedData the document whose types to use
   * @param type a struct type defined in it
   * @return the encodeType string
   * @throws NullPointerException if an argument is null
   * @throws InvalidTypedDataException if {@code type} is not defined
   */
  public static String encodeType(TypedData typedData, String type) {
    return struct(typedData, type).encodeType;
  }

  /**
   * Returns {@code keccak256(encodeType(type))}.
   *
   * @param typedData the document whose types to use
   * @param type a struct type defined in it
   * @return a new 32-byte array
   * @throws NullPointerException if an argument is null
   * @throws InvalidTypedDataException if {@code type} is not defined
   */
  public static byte[] typeHash(TypedData typedData, String type) {
    return struct(typedData, type).typeHash.clone();
  }

  /**
   * Returns {@code encodeData(type, data)}: the type hash followed by one 32-byte word per member.
   *
   * @param typedData the document whose types to use
   * @param type a struct type defined in it
   * @param data the struct value: member name to JSON value
   * @return a new array of {@code 32 × (1 + members)} bytes
   * @throws NullPointerException if an argument is null
   * @throws InvalidTypedDataException if {@code type} is not defined or a value does not fit
   */
  public static byte[] encodeData(TypedData typedData, String type, Map<String, ?> data) {
    Objects.requireNonNull(data, "data == null");
    TypeGraph.Struct struct = struct(typedData, type);
    return encodeStruct(typedData.graph(), struct, data, rootPath(typedData, type, data));
  }

  /**
   * Returns {@code hashStruct(type, data) = keccak256(encodeData(type, data))}.
   *
   * @param typedData the document whose types to use
   * @param type a struct type defined in it
   * @param data the struct value: member name to JSON value
   * @return a new 32-byte array
   * @throws NullPointerException if an argument is null
   * @throws InvalidTypedDataException if {@code type} is not defined or a value does not fit
   */
  public static byte[] hashStruct(TypedData typedData, String type, Map<String, ?> data) {
    return Keccak256.hash(encodeData(typedData, type, data));
  }

  /**
   * Returns the domain separator {@code hashStruct("EIP712Domain", domain)}. Domain keys that the
   * {@code EIP712Domain} type does not list (DIMO's {@code "salt": ""}) are not hashed.
   *
   * @param typedData the document
   * @return a new 32-byte array
   * @throws NullPointerException if {@code typedData} is null
   * @throws InvalidTypedDataException if a domain value does not fit its type or is missing
   */
  public static byte[] domainSeparator(TypedData typedData) {
    return domainSeparatorShared(typedData).clone();
  }

  /**
   * Returns the digest to sign: {@code keccak256(0x19 0x01 ‖ domainSeparator ‖
   * hashStruct(primaryType, message))}.
   *
   * @param typedData the document
   * @return a new 32-byte array
   * @throws NullPointerException if {@code typedData} is null
   * @throws InvalidTypedDataException if a value does not fit its type or is missing
   */
  public static byte[] digest(TypedData typedData) {
    Objects.requireNonNull(typedData, "typedData == null");
    byte[] separator = domainSeparatorShared(typedData);
    TypeGraph.Struct primary = typedData.graph().struct(typedData.primaryType());
    byte[] messageHash =
        Keccak256.hash(
            encodeStruct(typedData.graph(), primary, typedData.message(), Path.root("message")));
    byte[] preimage = new byte[66];
    preimage[0] = 0x19;
    preimage[1] = 0x01;
    System.arraycopy(separator, 0, preimage, 2, 32);
    System.arraycopy(messageHash, 0, preimage, 34, 32);
    return Keccak256.hash(preimage);
  }

  /**
   * Signs {@link #digest(TypedData)} with {@code signer}.
   *
   * @param typedData the document
   * @param signer the signer
   * @return the 65-byte signature
   * @throws NullPointerException if an argument is null
   * @throws InvalidTypedDataException if a value does not fit its type or is missing
   * @throws IllegalStateException if the signer's key has been destroyed
   */
  public static EthSignature sign(TypedData typedData, EthSigner signer) {
    Objects.requireNonNull(signer, "signer == null");
    return signer.signDigest(digest(typedData));
  }

  private static byte[] domainSeparatorShared(TypedData typedData) {
    Objects.requireNonNull(typedData, "typedData == null");
    byte[] separator = typedData.cachedDomainSeparator();
    if (separator == null) {
      TypeGraph.Struct domainType = typedData.graph().struct(TypeGraph.DOMAIN);
      separator =
          Keccak256.hash(
              encodeStruct(typedData.graph(), domainType, typedData.domain(), Path.root("domain")));
      typedData.cacheDomainSeparator(separator);
    }
    return separator;
  }

  private static TypeGraph.Struct struct(TypedData typedData, String type) {
    Objects.requireNonNull(typedData, "typedData == null");
    Objects.requireNonNull(type, "type == null");
    TypeGraph.Struct struct = typedData.graph().struct(type);
    if (struct == null) {
      throw new InvalidTypedDataException("types", "unknown type '" + type + "'");
    }
    return struct;
  }

  private static Path rootPath(TypedData typedData, String type, Map<String, ?> data) {
    if (data == typedData.message()) {
      return Path.root("message");
    }
    if (data == typedData.domain()) {
      return Path.root("domain");
    }
    return Path.root(type);
  }

  private static byte[] encodeStruct(
      TypeGraph graph, TypeGraph.Struct struct, Map<?, ?> data, Path path) {
    String[] names = struct.memberNames;
    FieldType[] types = struct.memberTypes;
    byte[] out = new byte[32 * (1 + names.length)];
    System.arraycopy(struct.typeHash, 0, out, 0, 32);
    for (int i = 0; i < names.length; i++) {
      Object value = data.get(names[i]);
      if (value == null) {
        throw path.member(names[i])
            .error(
                (data.containsKey(names[i]) ? "null" : "missing")
                    + " value for member '" + names[i] + "' of type " + types[i].name);
      }
      encodeValue(graph, types[i], value, path, names[i], -1, out, 32 * (1 + i));
    }
    return out;
  }

  /**
   * Writes the 32-byte encoding of {@code value} at {@code out[offset]}. The value's path is
   * {@code parent.member} or {@code parent[index]}; it is only built for an error message.
   */
  private static void encodeValue(
      TypeGraph graph,
      FieldType type,
      Object value,
      Path parent,
      String member,
      int index,
      byte[] out,
      int offset) {
    switch (type.kind) {
      case FieldType.STRING:
        if (!(value instanceof String)) {
          throw at(parent, member, index).error("expected a string, got " + describe(value));
        }
        hashInto(((String) value).getBytes(StandardCharsets.UTF_8), out, offset);
        return;
      case FieldType.BOOL:
        if (!(value instanceof Boolean)) {
          throw at(parent, member, index)
              .error("expected a JSON boolean for bool, got " + describe(value));
        }
        out[offset + 31] = (byte) (((Boolean) value) ? 1 : 0);
        return;
      case FieldType.ADDRESS:
        encodeAddress(value, parent, member, index, out, offset);
        return;
      case FieldType.BYTES:
        hashInto(hexBytes(value, type, parent, member, index), out, offset);
        return;
      case FieldType.FIXED_BYTES:
        {
          byte[] bytes = hexBytes(value, type, parent, member, index);
          if (bytes.length != type.size) {
            throw at(parent, member, index)
                .error(
                    type.name + " needs exactly " + count(type.size, "byte") + ", got " + bytes.length);
          }
          System.arraycopy(bytes, 0, out, offset, bytes.length);
          return;
        }
      case FieldType.UINT:
      case FieldType.INT:
        encodeInteger(type, value, parent, member, index, out, offset);
        return;
      case FieldType.STRUCT:
        {
          if (!(value instanceof Map)) {
            throw at(parent, member, index)
                .error("expected an object for " + type.name + ", got " + describe(value));
          }
          Path path = at(parent, member, index);
          byte[] encoded = encodeStruct(graph, graph.struct(type.name), (Map<?, ?>) value, path);
          hashInto(encoded, out, offset);
          return;
        }
      case FieldType.ARRAY:
        {
          if (!(value instanceof List)) {
            throw at(parent, member, index)
                .error("expected an array for " + type.name + ", got " + describe(value));
          }
          List<?> list = (List<?>) value;
          if (type.size >= 0 && list.size() != type.size) {
            throw at(parent, member, index)
                .error(
                    type.name + " needs exactly " + count(type.size, "element") + ", got "
                        + list.size());
          }
          Path path = at(parent, member, index);
          byte[] concat = new byte[32 * list.size()];
          for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (element == null) {
              throw path.index(i).error("null element in " + type.name);
            }
            encodeValue(graph, type.element, element, path, null, i, concat, 32 * i);
          }
          hashInto(concat, out, offset);
          return;
        }
      default:
        throw new AssertionError(type.kind);
    }
  }

  private static Path at(Path parent, String member, int index) {
    return member != null ? parent.member(member) : parent.index(index);
  }

  private static void hashInto(byte[] input, byte[] out, int offset) {
    System.arraycopy(Keccak256.hash(input), 0, out, offset, 32);
  }

  private static void encodeAddress(
      Object value, Path parent, String member, int index, byte[] out, int offset) {
    if (!(value instanceof String)) {
      throw at(parent, member, index).error("expected an address string, got " + describe(value));
    }
    Address address;
    try {
      address = Address.fromHex((String) value);
    } catch (IllegalArgumentException e) {
      throw at(parent, member, index).error(e.getMessage());
    }
    System.arraycopy(address.toBytes(), 0, out, offset + 12, 20);
  }

  private static byte[] hexBytes(
      Object value, FieldType type, Path parent, String member, int index) {
    if (!(value instanceof String)) {
      throw at(parent, member, index)
          .error("expected a 0x-prefixed hex string for " + type.name + ", got " + describe(value));
    }
    String s = (String) value;
    if (!Hex.hasPrefix(s)) {
      throw at(parent, member, index)
          .error("expected a 0x-prefixed hex string for " + type.name + ", got \"" + s + "\"");
    }
    byte[] bytes = Hex.decodeOrNull(s, 2);
    if (bytes == null) {
      throw at(parent, member, index)
          .error(
              (s.length() % 2 != 0 ? "odd number of hex digits" : "not a hex string")
                  + " for " + type.name + ": \"" + s + "\"");
    }
    return bytes;
  }

  private static void encodeInteger(
      FieldType type,
      Object value,
      Path parent,
      String member,
      int index,
      byte[] out,
      int offset) {
    BigInteger n = toInteger(value, type, parent, member, index);
    boolean signed = type.kind == FieldType.INT;
    int bits = type.size;
    boolean inRange =
        signed
            ? n.bitLength() <= bits - 1
            : n.signum() >= 0 && n.bitLength() <= bits;
    if (!inRange) {
      throw at(parent, member, index).error(n + " is out of range for " + type.name);
    }
    byte[] magnitude = n.toByteArray(); // two's complement, minimal length
    int length = Math.min(magnitude.length, 32);
    int start = magnitude.length - length;
    if (n.signum() < 0) {
      for (int i = 0; i < 32 - length; i++) {
        out[offset + i] = (byte) 0xff;
      }
    }
    System.arraycopy(magnitude, start, out, offset + 32 - length, length);
  }

  private static BigInteger toInteger(
      Object value, FieldType type, Path parent, String member, int index) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger) {
      return (BigInteger) value;
    }
    if (value instanceof BigDecimal) {
      BigDecimal d = (BigDecimal) value;
      if (d.scale() < 0) {
        throw at(parent, member, index)
            .error("exponent notation is not accepted for " + type.name + ": " + d);
      }
      if (d.scale() > 0) {
        throw at(parent, member, index)
            .error("not an integer for " + type.name + ": " + d.toPlainString());
      }
      return d.unscaledValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d != Math.rint(d)) {
        throw at(parent, member, index).error("not an integer for " + type.name + ": " + d);
      }
      BigInteger n = new BigDecimal(d).toBigIntegerExact();
      if (n.abs().compareTo(MAX_SAFE_DOUBLE_INTEGER) > 0) {
        throw at(parent, member, index)
            .error("floating-point number beyond 2^53 is not exact for " + type.name
                + "; pass it as a decimal or hex string");
      }
      return n;
    }
    if (value instanceof String) {
      String s = (String) value;
      BigInteger n = parseIntegerString(s);
      if (n == null) {
        throw at(parent, member, index)
            .error("expected a decimal or 0x-hex integer string for " + type.name + ", got \"" + s + "\"");
      }
      return n;
    }
    throw at(parent, member, index)
        .error("expected an integer for " + type.name + ", got " + describe(value));
  }

  /** Parses {@code [-]digits} or {@code [-]0x hexdigits}; null for anything else. */
  private static BigInteger parseIntegerString(String s) {
    int i = 0;
    boolean negative = false;
    if (s.startsWith("-")) {
      negative = true;
      i = 1;
    }
    int radix = 10;
    if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
      radix = 16;
      i += 2;
    }
    if (i == s.length()) {
      return null;
    }
    for (int j = i; j < s.length(); j++) {
      char c = s.charAt(j);
      boolean ok = radix == 16 ? Hex.digit(c) >= 0 : (c >= '0' && c <= '9');
      if (!ok) {
        return null;
      }
    }
    BigInteger n = new BigInteger(s.substring(i), radix);
    return negative ? n.negate() : n;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String describe(Object value) {
    if (value instanceof String) {
      return "string \"" + value + "\"";
    }
    if (value instanceof Boolean) {
      return "boolean " + value;
    }
    if (value instanceof Number) {
      return "number " + value;
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    return value.getClass().getName();
  }
}
