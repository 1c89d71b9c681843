package zone.dimo.sdk.signing;

import java.util.Objects;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 as used by Ethereum: the original Keccak padding ({@code 0x01}), which is <em>not</em>
 * the FIPS 202 SHA3-256 padding ({@code 0x06}). Backed by Bouncy Castle's {@link KeccakDigest}.
 *
 * <p>Thread-safe; every call uses its own digest state.
 */
public final class Keccak256 {
  private Keccak256() {}

  /**
   * Hashes {@code input}.
   *
   * @param input the bytes to hash; not modified
   * @return a new 32-byte array
   * @throws NullPointerException if {@code input} is null
   */
  public static byte[] hash(byte[] input) {
    Objects.requireNonNull(input, "input == null");
    return hash(input, 0, input.length);
  }

  /**
   * Hashes {@code len} bytes of {@code in} starting at {@code off}.
   *
   * @param in the array holding the bytes; not modified
   * @param off index of the first byte
   * @param len number of bytes
   * @return a new 32-byte array
   * @throws NullPointerException if {@code in} is null
   * @throws IndexOutOfBoundsException if the range lies outside {@code in}
   */
  public static byte[] hash(byte[] in, int off, int len) {
    Objects.requireNonNull(in, "in == null");
    if (off < 0 || len < 0 || off > in.length - len) {
      throw new IndexOutOfBoundsException(
          "off=" + off + ", len=" + len + ", in.length=" + in.length);
    }
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(in, off, len);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
