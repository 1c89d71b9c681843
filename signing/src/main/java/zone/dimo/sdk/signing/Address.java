package zone.dimo.sdk.signing;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Objects;
import zone.dimo.sdk.signing.internal.Hex;
import zone.dimo.sdk.signing.internal.Text;

/**
 * A 20-byte Ethereum account address. Printed in EIP-55 mixed-case checksum form.
 *
 * <p>Immutable and thread-safe; compares by its bytes. Byte arrays are copied in and out.
 */
public final class Address {
  private final byte[] bytes;
  // Computed on first use: encoding typed data only needs the bytes, and the checksum costs a hash.
  private String checksumHex;

  private Address(byte[] twenty) {
    this.bytes = twenty;
  }

  /**
   * Parses {@code 0x} (lower-case {@code x}, as Ethereum tools write it; {@code 0X} is refused)
   * followed by 40 hex digits. All-lower-case and all-upper-case digits are
   * accepted as they carry no checksum; a mixed-case address must carry a valid EIP-55 checksum.
   *
   * @param hex the address text, e.g. {@code 0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826}
   * @return the address
   * @throws NullPointerException if {@code hex} is null
   * @throws IllegalArgumentException if the prefix or length is wrong, a character is not a hex
   *     digit, or a mixed-case address fails its EIP-55 checksum
   */
  public static Address fromHex(String hex) {
    Objects.requireNonNull(hex, "hex == null");
    String problem = problemWith(hex);
    if (problem != null) {
      throw new IllegalArgumentException(problem + ": " + Text.quote(hex));
    }
    return new Address(Hex.decodeOrNull(hex, 2));
  }

  /**
   * Describes what is wrong with an address text, or returns null when it is a valid address. The
   * description does not contain the text, so callers can prefix their own context.
   */
  static @Nullable String problemWith(String hex) {
    if (hex.startsWith("0X")) {
      // Ethereum tooling (ethers, web3, Solidity literals) writes only 0x; accepting 0X would
      // let a document that other implementations refuse be signed here.
      return "address must start with 0x (lower-case x), not 0X";
    }
    if (!Hex.hasPrefix(hex)) {
      return "address must start with 0x";
    }
    if (hex.length() != 42) {
      return "address must have 40 hex digits, has " + (hex.length() - 2);
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = 2; i < 42; i++) {
      char c = hex.charAt(i);
      if (Hex.digit(c) < 0) {
        return "address has a non-hex character at index " + i;
      }
      lower |= c >= 'a' && c <= 'f';
      upper |= c >= 'A' && c <= 'F';
    }
    if (lower && upper && !followsChecksum(hex)) {
      return "bad EIP-55 checksum";
    }
    return null;
  }

  /**
   * Whether the letters of a well-formed {@code 0x} + 40 hex digits are upper case exactly where
   * EIP-55 puts them; checks in place rather than building the checksummed text to compare.
   */
  private static boolean followsChecksum(String hex) {
    byte[] ascii = new byte[40];
    for (int i = 0; i < 40; i++) {
      char c = hex.charAt(2 + i);
      ascii[i] = (byte) (c >= 'A' && c <= 'F' ? c + ('a' - 'A') : c);
    }
    byte[] hash = Keccak256.hash(ascii);
    for (int i = 0; i < 40; i++) {
      char c = hex.charAt(2 + i);
      if (c <= '9') {
        continue; // digits have no case
      }
      int nibble = (hash[i >>> 1] >>> ((i & 1) == 0 ? 4 : 0)) & 0xf;
      if ((nibble >= 8) != (c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Wraps 20 raw bytes.
   *
   * @param twenty exactly 20 bytes; copied
   * @return the address
   * @throws NullPointerException if {@code twenty} is null
   * @throws IllegalArgumentException if the length is not 20
   */
  public static Address fromBytes(byte[] twenty) {
    Objects.requireNonNull(twenty, "twenty == null");
    if (twenty.length != 20) {
      throw new IllegalArgumentException("address must be 20 bytes, was " + twenty.length);
    }
    return new Address(twenty.clone());
  }

  /**
   * Derives the address of a secp256k1 public key: the last 20 bytes of the Keccak-256 of its
   * 64-byte {@code x‖y} form. The point is checked to lie on the curve.
   *
   * @param uncompressed65or64 {@code 0x04‖x‖y} (65 bytes) or {@code x‖y} (64 bytes)
   * @return the address
   * @throws NullPointerException if the argument is null
   * @throws IllegalArgumentException if the length or prefix is wrong or the point is not on the
   *     curve
   */
  public static Address fromPublicKey(byte[] uncompressed65or64) {
    Objects.requireNonNull(uncompressed65or64, "uncompressed65or64 == null");
    byte[] xy;
    if (uncompressed65or64.length == 65 && uncompressed65or64[0] == 0x04) {
      xy = Arrays.copyOfRange(uncompressed65or64, 1, 65);
    } else if (uncompressed65or64.length == 64) {
      xy = uncompressed65or64.clone();
    } else {
      throw new IllegalArgumentException(
          "public key must be 65 bytes starting with 0x04 or 64 bytes x‖y, was "
              + uncompressed65or64.length + " bytes");
    }
    if (!Secp256k1.isOnCurve(xy)) {
      throw new IllegalArgumentException("public key is not a point on secp256k1");
    }
    return fromXy(xy);
  }

  /** Address of a public key already known to be valid, given as 64 bytes x‖y. */
  static Address fromXy(byte[] xy) {
    byte[] hash = Keccak256.hash(xy, 0, 64);
    return new Address(Arrays.copyOfRange(hash, 12, 32));
  }

  /**
   * Returns the 20 address bytes.
   *
   * @return a new array on each call
   */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * Returns the EIP-55 checksummed form.
   *
   * @return {@code 0x} followed by 40 mixed-case hex digits
   */
  public String toChecksumHex() {
    String result = checksumHex;
    if (result == null) {
      result = checksum(bytes);
      checksumHex = result; // benign race: every thread computes the same String
    }
    return result;
  }

  /**
   * Returns {@link #toChecksumHex()}.
   *
   * @return the EIP-55 checksummed form
   */
  @Override
  public String toString() {
    return toChecksumHex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address && Arrays.equals(bytes, ((Address) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  private static String checksum(byte[] twenty) {
    String lower = Hex.encode(twenty).substring(2);
    byte[] ascii = new byte[40];
    for (int i = 0; i < 40; i++) {
      ascii[i] = (byte) lower.charAt(i);
    }
    byte[] hash = Keccak256.hash(ascii);
    char[] out = new char[42];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < 40; i++) {
      char c = lower.charAt(i);
      int nibble = (hash[i >>> 1] >>> ((i & 1) == 0 ? 4 : 0)) & 0xf;
      out[2 + i] = (c >= 'a' && nibble >= 8) ? (char) (c - 32) : c;
    }
    return new String(out);
  }
}
