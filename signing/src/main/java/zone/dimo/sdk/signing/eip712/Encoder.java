package zone.dimo.sdk.signing.eip712;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.KeccakDigest;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.Keccak256;
import zone.dimo.sdk.signing.internal.Hex;
import zone.dimo.sdk.signing.internal.Text;

/**
 * Checks typed-data values against their types and converts every atomic value to its 32-byte
 * EIP-712 encoding ({@link Encoded}): numbers, addresses, booleans and {@code bytesN} to their
 * padded word, {@code string} and {@code bytes} to the Keccak-256 of their contents (the
 * specification's encoding of dynamic values). Structs and arrays are hashed later, when a digest
 * is asked for, streaming every word into Keccak-256 without building intermediate buffers.
 *
 * <p>Checking and converting happen once, when {@link TypedData} is built, so a bad value is
 * reported at parse time with its path.
 */
final class Encoder {
  private static final BigInteger MAX_SAFE_DOUBLE_INTEGER = BigInteger.ONE.shiftLeft(53);

  private Encoder() {}

  // ------------------------------------------------------------------ checking and converting

  /**
   * Converts a struct value.
   *
   * @throws InvalidTypedDataException naming the path of the first bad value
   */
  static Encoded struct(TypeGraph graph, TypeGraph.Struct struct, Map<?, ?> data, Path path) {
    String[] names = struct.memberNames;
    FieldType[] types = struct.memberTypes;
    Encoded[] members = new Encoded[names.length];
    for (int i = 0; i < names.length; i++) {
      Object value = data.get(names[i]);
      if (value == null) {
        throw path.member(names[i])
            .error(
                (data.containsKey(names[i]) ? "null" : "missing")
                    + " value for member '" + names[i] + "' of type " + types[i].name);
      }
      members[i] = value(graph, types[i], value, path, names[i], -1);
    }
    return Encoded.struct(struct, members);
  }

  /**
   * Converts one value. Its path is {@code parent.member} or {@code parent[index]}; it is only
   * built for an error message.
   */
  private static Encoded value(
      TypeGraph graph, FieldType type, Object value, Path parent, String member, int index) {
    switch (type.kind) {
      case FieldType.STRING:
        if (!(value instanceof String)) {
          throw at(parent, member, index).error("expected a string, got " + describe(value));
        }
        {
          String text = (String) value;
          // getBytes(UTF_8) would turn an unpaired surrogate into '?' and so sign another text.
          int bad = Text.unpairedSurrogate(text);
          if (bad >= 0) {
            throw at(parent, member, index).error(Text.describeUnpairedSurrogate(text, bad));
          }
          // EIP-712 encodes a string as the hash of its UTF-8 bytes; that word is its encoding.
          return Encoded.word(Keccak256.hash(text.getBytes(StandardCharsets.UTF_8)));
        }
      case FieldType.BOOL:
        {
          if (!(value instanceof Boolean)) {
            throw at(parent, member, index)
                .error("expected a JSON boolean for bool, got " + describe(value));
          }
          byte[] word = new byte[32];
          word[31] = (byte) (((Boolean) value) ? 1 : 0);
          return Encoded.word(word);
        }
      case FieldType.ADDRESS:
        {
          byte[] word = new byte[32];
          encodeAddress(value, parent, member, index, word, 0);
          return Encoded.word(word);
        }
      case FieldType.BYTES:
        return Encoded.word(Keccak256.hash(hexBytes(value, type, parent, member, index)));
      case FieldType.FIXED_BYTES:
        {
          byte[] bytes = hexBytes(value, type, parent, member, index);
          if (bytes.length != type.size) {
            throw at(parent, member, index)
                .error(
                    type.name + " needs exactly " + count(type.size, "byte") + ", got " + bytes.length);
          }
          byte[] word = new byte[32];
          System.arraycopy(bytes, 0, word, 0, bytes.length);
          return Encoded.word(word);
        }
      case FieldType.UINT:
      case FieldType.INT:
        {
          byte[] word = new byte[32];
          encodeInteger(type, value, parent, member, index, word, 0);
          return Encoded.word(word);
        }
      case FieldType.STRUCT:
        if (!(value instanceof Map)) {
          throw at(parent, member, index)
              .error("expected an object for " + type.name + ", got " + describe(value));
        }
        return struct(graph, graph.struct(type.name), (Map<?, ?>) value, at(parent, member, index));
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
          Encoded[] elements = new Encoded[list.size()];
          for (int i = 0; i < elements.length; i++) {
            Object element = list.get(i);
            if (element == null) {
              throw path.index(i).error("null element in " + type.name);
            }
            elements[i] = value(graph, type.element, element, path, null, i);
          }
          return Encoded.array(elements);
        }
      default:
        throw new AssertionError(type.kind);
    }
  }

  private static Path at(Path parent, String member, int index) {
    return member != null ? parent.member(member) : parent.index(index);
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
          .error("expected a 0x-prefixed hex string for " + type.name + ", got " + Text.quote(s));
    }
    byte[] bytes = Hex.decodeOrNull(s, 2);
    if (bytes == null) {
      throw at(parent, member, index)
          .error(
              (s.length() % 2 != 0 ? "odd number of hex digits" : "not a hex string")
                  + " for " + type.name + ": " + Text.quote(s));
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
      throw at(parent, member, index)
          .error(Text.shorten(n.toString()) + " is out of range for " + type.name);
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
            .error("exponent notation is not accepted for " + type.name + ": " + Text.shorten(d.toString()));
      }
      if (d.scale() > 0) {
        throw at(parent, member, index)
            .error("not an integer for " + type.name + ": " + Text.shorten(d.toString()));
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
            .error("expected a decimal or 0x-hex integer string for " + type.name + ", got "
                + Text.quote(s));
      }
      return n;
    }
    throw at(parent, member, index)
        .error("expected an integer for " + type.name + ", got " + describe(value));
  }

  /** Parses {@code [-]digits} or {@code [-]0x hexdigits}; null for anything else. */
  private static @Nullable BigInteger parseIntegerString(String s) {
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
      return "string " + Text.quote((String) value);
    }
    if (value instanceof Boolean) {
      return "boolean " + value;
    }
    if (value instanceof Number) {
      return "number " + Text.shorten(value.toString());
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    return value.getClass().getName();
  }

  // ------------------------------------------------------------------ hashing

  // Hashing is never re-entered on a thread (no callbacks run while it works), so one Hasher per
  // thread can be reused; it holds only Keccak states and scratch words, never secrets.
  private static final ThreadLocal<Hasher> HASHERS =
      new ThreadLocal<Hasher>() {
        @Override
        protected Hasher initialValue() {
          return new Hasher();
        }
      };

  /** This thread's {@link Hasher}. */
  static Hasher hasher() {
    return HASHERS.get();
  }

  /**
   * Keccak-256 states, one per nesting level of the value being hashed, reused across the levels'
   * siblings. Not thread-safe.
   */
  static final class Hasher {
    private KeccakDigest[] digests = new KeccakDigest[4];
    private byte[][] words = new byte[4][];

    /** A reset digest for {@code level}. */
    KeccakDigest digest(int level) {
      if (level >= digests.length) {
        digests = Arrays.copyOf(digests, level * 2);
        words = Arrays.copyOf(words, level * 2);
      }
      KeccakDigest d = digests[level];
      if (d == null) {
        d = new KeccakDigest(256);
        digests[level] = d;
      } else {
        d.reset();
      }
      return d;
    }

    /** A 32-byte buffer owned by {@code level}. */
    byte[] word(int level) {
      if (level >= words.length) {
        digests = Arrays.copyOf(digests, level * 2);
        words = Arrays.copyOf(words, level * 2);
      }
      byte[] word = words[level];
      if (word == null) {
        word = new byte[32];
        words[level] = word;
      }
      return word;
    }
  }

  /** Writes {@code hashStruct} of {@code struct} to {@code out[offset..offset+32)}. */
  static void hashStruct(Encoded struct, Hasher hasher, int level, byte[] out, int offset) {
    KeccakDigest d = hasher.digest(level);
    d.update(struct.struct.typeHash, 0, 32);
    for (Encoded member : struct.children) {
      feed(member, hasher, level, d);
    }
    d.doFinal(out, offset);
  }

  /** Writes {@code encodeData} of {@code struct}: type hash, then one word per member. */
  static byte[] encodeData(Encoded struct) {
    Hasher hasher = hasher();
    byte[] out = new byte[32 * (1 + struct.children.length)];
    System.arraycopy(struct.struct.typeHash, 0, out, 0, 32);
    for (int i = 0; i < struct.children.length; i++) {
      KeccakDigest d = hasher.digest(0);
      Encoded member = struct.children[i];
      if (member.kind == Encoded.WORD) {
        System.arraycopy(member.bytes, 0, out, 32 * (1 + i), 32);
      } else {
        encodeMember(member, hasher, d, out, 32 * (1 + i));
      }
    }
    return out;
  }

  private static void encodeMember(Encoded member, Hasher hasher, KeccakDigest d, byte[] out, int offset) {
    switch (member.kind) {
      case Encoded.STRUCT:
        hashStruct(member, hasher, 1, out, offset);
        return;
      case Encoded.ARRAY:
        for (Encoded element : member.children) {
          feed(element, hasher, 0, d);
        }
        d.doFinal(out, offset);
        return;
      default:
        throw new AssertionError(member.kind);
    }
  }

  /** Feeds the 32-byte encoding of {@code value} into {@code d}, the digest of {@code level}. */
  private static void feed(Encoded value, Hasher hasher, int level, KeccakDigest d) {
    switch (value.kind) {
      case Encoded.WORD:
        d.update(value.bytes, 0, 32);
        return;
      case Encoded.STRUCT:
        {
          hashStruct(value, hasher, level + 1, hasher.word(level + 1), 0);
          d.update(hasher.word(level + 1), 0, 32);
          return;
        }
      case Encoded.ARRAY:
        {
          KeccakDigest sub = hasher.digest(level + 1);
          for (Encoded element : value.children) {
            feed(element, hasher, level + 1, sub);
          }
          byte[] word = hasher.word(level + 1);
          sub.doFinal(word, 0);
          d.update(word, 0, 32);
          return;
        }
      default:
        throw new AssertionError(value.kind);
    }
  }
}
