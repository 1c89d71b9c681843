package zone.dimo.sdk.signing.eip712;

import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.digests.KeccakDigest;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.EthSigner;

/**
 * EIP-712 hashing and signing of {@link TypedData}.
 *
 * <p>Encoding rules (strict where libraries disagree): referenced types sorted by name in
 * {@code encodeType}; arrays hashed per level (no flattening), fixed-size arrays length-checked;
 * {@code bytesN} given exactly N bytes and right-padded; {@code bytes} and {@code string} hashed
 * ({@code string} as UTF-8, so a string with an unpaired UTF-16 surrogate, which has no UTF-8 form,
 * is refused rather than signed with {@code ?} in its place); {@code bool} only from JSON
 * booleans; {@code address} with its EIP-55 checksum checked when mixed case (and only the
 * {@code 0x} prefix, as other tools); {@code intN}/{@code uintN} range-checked and given as JSON integers, decimal strings
 * ({@code "-42"}) or hex strings ({@code "0x2a"}, {@code "-0x2a"}) — never fractions, exponents,
 * empty strings or other text; every member present (keys that are not members are ignored). The
 * domain is hashed by the explicit {@code EIP712Domain} type, in its member order. A struct may
 * have any identifier as its name, including one that starts like an atomic type
 * ({@code uint256Holder}, {@code address2}), except an atomic type's name with a width EIP-712
 * does not have ({@code uint7}, {@code bytes33}).
 *
 * <p>Everything that depends only on the types (encodeType strings, type hashes) is computed once
 * per distinct {@code types} object, values are checked and converted to their 32-byte encodings
 * when the {@link TypedData} is built, and the domain separator is computed once per
 * {@link TypedData}; a digest then hashes the message's structs and arrays.
 *
 * <p>All methods are thread-safe. Every validation error is an {@link InvalidTypedDataException}
 * whose message starts with the path of the bad value, on one line (long values and deep paths
 * shortened).
 */
public final class Eip712 {
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
   * @param data the struct value: member name to JSON value (checked now unless it is the
   *     document's own {@code message} or {@code domain})
   * @return a new array of {@code 32 × (1 + members)} bytes
   * @throws NullPointerException if an argument is null
   * @throws InvalidTypedDataException if {@code type} is not defined or a value does not fit
   */
  public static byte[] encodeData(TypedData typedData, String type, Map<String, ?> data) {
    return Encoder.encodeData(compile(typedData, type, data));
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
    Encoded struct = compile(typedData, type, data);
    byte[] out = new byte[32];
    Encoder.hashStruct(struct, Encoder.hasher(), 0, out, 0);
    return out;
  }

  /**
   * Returns the domain separator {@code hashStruct("EIP712Domain", domain)}. Domain keys that the
   * {@code EIP712Domain} type does not list (DIMO's {@code "salt": ""}) are not hashed.
   *
   * @param typedData the document (its values were checked when it was built, so this cannot fail
   *     on them)
   * @return a new 32-byte array
   * @throws NullPointerException if {@code typedData} is null
   */
  public static byte[] domainSeparator(TypedData typedData) {
    return domainSeparatorShared(typedData).clone();
  }

  /**
   * Returns the digest to sign: {@code keccak256(0x19 0x01 ‖ domainSeparator ‖
   * hashStruct(primaryType, message))}.
   *
   * @param typedData the document (its values were checked when it was built, so this cannot fail
   *     on them)
   * @return a new 32-byte array
   * @throws NullPointerException if {@code typedData} is null
   */
  public static byte[] digest(TypedData typedData) {
    Objects.requireNonNull(typedData, "typedData == null");
    byte[] separator = domainSeparatorShared(typedData);
    Encoder.Hasher hasher = Encoder.hasher();
    byte[] messageHash = hasher.word(0);
    Encoder.hashStruct(typedData.encodedMessage(), hasher, 1, messageHash, 0);
    KeccakDigest d = hasher.digest(0);
    d.update((byte) 0x19);
    d.update((byte) 0x01);
    d.update(separator, 0, 32);
    d.update(messageHash, 0, 32);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /**
   * Signs {@link #digest(TypedData)} with {@code signer}.
   *
   * @param typedData the document
   * @param signer the signer
   * @return the 65-byte signature
   * @throws NullPointerException if an argument is null
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
      separator = new byte[32];
      Encoder.hashStruct(typedData.encodedDomain(), Encoder.hasher(), 0, separator, 0);
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

  /** The checked form of {@code data}: the one built with the document when it is its own part. */
  private static Encoded compile(TypedData typedData, String type, Map<String, ?> data) {
    TypeGraph.Struct struct = struct(typedData, type);
    Objects.requireNonNull(data, "data == null");
    if (data == typedData.message() && type.equals(typedData.primaryType())) {
      return typedData.encodedMessage();
    }
    if (data == typedData.domain() && type.equals(TypeGraph.DOMAIN)) {
      return typedData.encodedDomain();
    }
    Path root =
        data == typedData.message() ? Path.root("message")
            : data == typedData.domain() ? Path.root("domain") : Path.root(type);
    return Encoder.struct(typedData.graph(), struct, data, root);
  }
}
