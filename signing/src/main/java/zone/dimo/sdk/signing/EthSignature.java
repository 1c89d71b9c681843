package zone.dimo.sdk.signing;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import zone.dimo.sdk.signing.internal.Hex;

/**
 * A 65-byte Ethereum ECDSA signature {@code r‖s‖v}, as produced by {@code eth_sign},
 * {@code personal_sign} and {@code eth_signTypedData}.
 *
 * <p>Parsing checks only the length; {@code v}, {@code r} and {@code s} are kept as given and
 * checked when a signer is recovered. {@link #recoverSigner} is strict (what Ethereum contracts
 * accept: {@code 0 < r < n}, {@code 0 < s ≤ n/2}, {@code v ∈ {27,28}});
 * {@link #recoverSignerLenient} also accepts raw recovery ids {@code v ∈ {0,1}}. The 64-byte
 * EIP-2098 compact form is read and written only through the methods that name it.
 *
 * <p>Immutable and thread-safe; compares by its 65 bytes. Byte arrays are copied in and out.
 */
public final class EthSignature {
  private final byte[] bytes;

  private EthSignature(byte[] sixtyFive) {
    this.bytes = sixtyFive;
  }

  /** Wraps an array this class may own. */
  static EthSignature wrap(byte[] sixtyFive) {
    return new EthSignature(sixtyFive);
  }

  /**
   * Parses {@code 0x} (optional) followed by exactly 130 hex digits.
   *
   * @param hex the signature text
   * @return the signature
   * @throws NullPointerException if {@code hex} is null
   * @throws InvalidSignatureException if the text is not 65 bytes of hex; 64 bytes are refused with
   *     a pointer to {@link #fromEip2098Hex(String)}
   */
  public static EthSignature fromHex(String hex) {
    Objects.requireNonNull(hex, "hex == null");
    return fromBytes(decode(hex));
  }

  /**
   * Wraps 65 bytes {@code r‖s‖v}.
   *
   * @param sixtyFive the signature; copied
   * @return the signature
   * @throws NullPointerException if {@code sixtyFive} is null
   * @throws InvalidSignatureException if the length is not 65; 64 bytes are refused with a pointer
   *     to {@link #fromEip2098Bytes(byte[])}
   */
  public static EthSignature fromBytes(byte[] sixtyFive) {
    Objects.requireNonNull(sixtyFive, "sixtyFive == null");
    if (sixtyFive.length == 64) {
      throw new InvalidSignatureException(
          "signature must be 65 bytes r‖s‖v, was 64; if this is an EIP-2098 compact signature, "
              + "parse it with EthSignature.fromEip2098Bytes/fromEip2098Hex");
    }
    if (sixtyFive.length != 65) {
      throw new InvalidSignatureException(
          "signature must be 65 bytes r‖s‖v, was " + sixtyFive.length);
    }
    return new EthSignature(sixtyFive.clone());
  }

  /**
   * Parses a 64-byte EIP-2098 compact signature {@code r‖(yParity<<255 | s)} given as {@code 0x}
   * (optional) followed by 128 hex digits.
   *
   * @param hex the compact signature text
   * @return the equivalent 65-byte signature, with {@code v = 27 + yParity}
   * @throws NullPointerException if {@code hex} is null
   * @throws InvalidSignatureException if the text is not 64 bytes of hex
   */
  public static EthSignature fromEip2098Hex(String hex) {
    Objects.requireNonNull(hex, "hex == null");
    return fromEip2098Bytes(decode(hex));
  }

  /**
   * Converts a 64-byte EIP-2098 compact signature {@code r‖(yParity<<255 | s)}.
   *
   * @param sixtyFour the compact signature; not modified
   * @return the equivalent 65-byte signature, with {@code v = 27 + yParity}
   * @throws NullPointerException if {@code sixtyFour} is null
   * @throws InvalidSignatureException if the length is not 64
   */
  public static EthSignature fromEip2098Bytes(byte[] sixtyFour) {
    Objects.requireNonNull(sixtyFour, "sixtyFour == null");
    if (sixtyFour.length != 64) {
      throw new InvalidSignatureException(
          "EIP-2098 compact signature must be 64 bytes, was " + sixtyFour.length);
    }
    byte[] out = Arrays.copyOf(sixtyFour, 65);
    int yParity = (out[32] & 0x80) >>> 7;
    out[32] &= 0x7f;
    out[64] = (byte) (27 + yParity);
    return new EthSignature(out);
  }

  private static byte[] decode(String hex) {
    int from = Hex.hasPrefix(hex) ? 2 : 0;
    byte[] decoded = Hex.decodeOrNull(hex, from);
    if (decoded == null) {
      throw new InvalidSignatureException(
          "signature must be hex with an even number of digits");
    }
    return decoded;
  }

  /**
   * Returns {@code r} as an unsigned integer.
   *
   * @return r
   */
  public BigInteger r() {
    return new BigInteger(1, Arrays.copyOfRange(bytes, 0, 32));
  }

  /**
   * Returns {@code s} as an unsigned integer.
   *
   * @return s
   */
  public BigInteger s() {
    return new BigInteger(1, Arrays.copyOfRange(bytes, 32, 64));
  }

  /**
   * Returns the last byte as given: 27 or 28 for a well-formed signature, possibly 0, 1 or
   * anything else for a parsed one.
   *
   * @return v in 0..255
   */
  public int v() {
    return bytes[64] & 0xff;
  }

  /**
   * Whether {@code 0 < s ≤ n/2}, the canonical half that Ethereum (EIP-2) accepts.
   *
   * @return true for a low, non-zero s
   */
  public boolean isLowS() {
    BigInteger s = s();
    return s.signum() > 0 && s.compareTo(Secp256k1.HALF_N) <= 0;
  }

  /**
   * Returns the 65 bytes {@code r‖s‖v}.
   *
   * @return a new array on each call
   */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * Returns the signature as hex.
   *
   * @return {@code 0x} followed by 130 lower-case hex digits
   */
  public String toHex() {
    return Hex.encode(bytes);
  }

  /**
   * Returns the 64-byte EIP-2098 compact form {@code r‖(yParity<<255 | s)}.
   *
   * @return a new 64-byte array
   * @throws InvalidSignatureException if {@code v} is not 27 or 28 or {@code s} is not low (the
   *     compact form has no room for either)
   */
  public byte[] toEip2098Bytes() {
    if (v() != 27 && v() != 28) {
      throw new InvalidSignatureException("EIP-2098 needs v = 27 or 28, was " + v());
    }
    if (!isLowS()) {
      throw new InvalidSignatureException("EIP-2098 needs 0 < s <= n/2");
    }
    byte[] out = Arrays.copyOf(bytes, 64);
    out[32] |= (byte) ((v() - 27) << 7);
    return out;
  }

  /**
   * Returns the EIP-2098 compact form as hex.
   *
   * @return {@code 0x} followed by 128 lower-case hex digits
   * @throws InvalidSignatureException as {@link #toEip2098Bytes()}
   */
  public String toEip2098Hex() {
    return Hex.encode(toEip2098Bytes());
  }

  /**
   * Recovers the address that signed {@code digest32}, accepting only what Ethereum contracts
   * accept: {@code 0 < r < n}, {@code 0 < s ≤ n/2} and {@code v ∈ {27,28}}.
   *
   * @param digest32 the signed 32-byte digest; not modified
   * @return the signer's address
   * @throws NullPointerException if {@code digest32} is null
   * @throws IllegalArgumentException if {@code digest32} is not 32 bytes
   * @throws InvalidSignatureException if a value is out of range, {@code r} is not on the curve, or
   *     recovery yields no key
   */
  public Address recoverSigner(byte[] digest32) {
    int v = v();
    if (v != 27 && v != 28) {
      throw new InvalidSignatureException(
          "v must be 27 or 28, was " + v
              + (v == 0 || v == 1 ? " (raw recovery ids are accepted only by recoverSignerLenient)" : ""));
    }
    return recover(digest32, v - 27);
  }

  /**
   * Like {@link #recoverSigner(byte[])} but also accepts the raw recovery ids {@code v ∈ {0,1}}
   * that some wallets and libraries emit. The {@code r} and {@code s} checks are the same (high
   * {@code s} is still refused).
   *
   * @param digest32 the signed 32-byte digest; not modified
   * @return the signer's address
   * @throws NullPointerException if {@code digest32} is null
   * @throws IllegalArgumentException if {@code digest32} is not 32 bytes
   * @throws InvalidSignatureException if {@code v ∉ {0,1,27,28}}, a value is out of range,
   *     {@code r} is not on the curve, or recovery yields no key
   */
  public Address recoverSignerLenient(byte[] digest32) {
    int v = v();
    if (v == 0 || v == 1) {
      return recover(digest32, v);
    }
    if (v == 27 || v == 28) {
      return recover(digest32, v - 27);
    }
    throw new InvalidSignatureException("v must be 0, 1, 27 or 28, was " + v);
  }

  private Address recover(byte[] digest32, int recoveryId) {
    Objects.requireNonNull(digest32, "digest32 == null");
    if (digest32.length != 32) {
      throw new IllegalArgumentException("digest must be 32 bytes, was " + digest32.length);
    }
    BigInteger r = r();
    BigInteger s = s();
    if (r.signum() == 0 || r.compareTo(Secp256k1.N) >= 0) {
      throw new InvalidSignatureException("r must be in [1, n-1]");
    }
    if (s.signum() == 0 || s.compareTo(Secp256k1.N) >= 0) {
      throw new InvalidSignatureException("s must be in [1, n-1]");
    }
    if (s.compareTo(Secp256k1.HALF_N) > 0) {
      throw new InvalidSignatureException(
          "s must be at most n/2 (high-s signatures are malleable and refused, EIP-2)");
    }
    return Address.fromXy(Secp256k1.recover(r, s, recoveryId, digest32));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EthSignature && Arrays.equals(bytes, ((EthSignature) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Returns {@link #toHex()}. */
  @Override
  public String toString() {
    return toHex();
  }
}
