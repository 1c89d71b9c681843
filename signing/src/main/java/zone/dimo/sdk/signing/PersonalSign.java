package zone.dimo.sdk.signing;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import zone.dimo.sdk.signing.internal.Text;

/**
 * EIP-191 version {@code 0x45} ("personal_sign"): the digest is {@code keccak256("\x19Ethereum
 * Signed Message:\n" + len + message)} where {@code len} is the message's length in <em>bytes</em>
 * written in decimal. Text and bytes have separate entry points, so a text that looks like hex is
 * never silently decoded.
 */
public final class PersonalSign {
  private static final byte[] PREFIX =
      "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

  private PersonalSign() {}

  /**
   * Hashes a text message, encoded as UTF-8 (no Unicode normalisation).
   *
   * @param utf8Text the message
   * @return the 32-byte digest
   * @throws NullPointerException if {@code utf8Text} is null
   * @throws IllegalArgumentException if the text holds an unpaired UTF-16 surrogate: it has no
   *     UTF-8 encoding, and {@code String.getBytes} would sign {@code ?} in its place
   */
  public static byte[] hashText(String utf8Text) {
    Objects.requireNonNull(utf8Text, "utf8Text == null");
    int bad = Text.unpairedSurrogate(utf8Text);
    if (bad >= 0) {
      throw new IllegalArgumentException(Text.describeUnpairedSurrogate(utf8Text, bad));
    }
    return hashBytes(utf8Text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Hashes a binary message.
   *
   * @param message the message; not modified
   * @return the 32-byte digest
   * @throws NullPointerException if {@code message} is null
   */
  public static byte[] hashBytes(byte[] message) {
    Objects.requireNonNull(message, "message == null");
    byte[] length = Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII);
    byte[] preimage = new byte[PREFIX.length + length.length + message.length];
    System.arraycopy(PREFIX, 0, preimage, 0, PREFIX.length);
    System.arraycopy(length, 0, preimage, PREFIX.length, length.length);
    System.arraycopy(message, 0, preimage, PREFIX.length + length.length, message.length);
    return Keccak256.hash(preimage);
  }

  /**
   * Signs a text message (UTF-8) the way {@code personal_sign} does.
   *
   * @param signer the signer
   * @param utf8Text the message
   * @return the signature
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the text holds an unpaired UTF-16 surrogate (see {@link
   *     #hashText(String)})
   * @throws IllegalStateException if the signer's key has been destroyed
   */
  public static EthSignature signText(EthSigner signer, String utf8Text) {
    Objects.requireNonNull(signer, "signer == null");
    return signer.signDigest(hashText(utf8Text));
  }

  /**
   * Signs a binary message the way {@code personal_sign} does.
   *
   * @param signer the signer
   * @param message the message; not modified
   * @return the signature
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the signer's key has been destroyed
   */
  public static EthSignature signBytes(EthSigner signer, byte[] message) {
    Objects.requireNonNull(signer, "signer == null");
    return signer.signDigest(hashBytes(message));
  }
}
