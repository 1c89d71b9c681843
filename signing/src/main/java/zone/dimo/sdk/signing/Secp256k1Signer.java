package zone.dimo.sdk.signing;

import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * An {@link EthSigner} over an in-memory {@link PrivateKey}: deterministic ECDSA on secp256k1 with
 * RFC 6979 nonces (HMAC-SHA256), low {@code s}, and {@code v ∈ {27,28}} taken from the parity of
 * the nonce point while signing (no trial recovery).
 *
 * <p>The signer shares the key object rather than copying the secret, so there is one copy of it
 * in memory: {@link #destroy()} destroys the key, and destroying the key disables the signer.
 * Thread-safe.
 */
public final class Secp256k1Signer implements EthSigner, Destroyable {
  private final PrivateKey key;

  private Secp256k1Signer(PrivateKey key) {
    this.key = key;
  }

  /**
   * Creates a signer for {@code key}.
   *
   * @param key the key; shared, not copied
   * @return the signer
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalStateException if {@code key} has been destroyed
   */
  public static Secp256k1Signer of(PrivateKey key) {
    Objects.requireNonNull(key, "key == null");
    if (key.isDestroyed()) {
      throw new IllegalStateException("private key has been destroyed");
    }
    return new Secp256k1Signer(key);
  }

  /**
   * Returns the key's address.
   *
   * @return the address
   */
  @Override
  public Address address() {
    return key.address();
  }

  /**
   * Signs {@code digest32} as-is. The same key and digest always give the same signature.
   *
   * @param digest32 exactly 32 bytes; not modified
   * @return a 65-byte signature with low {@code s} and {@code v ∈ {27,28}}
   * @throws NullPointerException if {@code digest32} is null
   * @throws IllegalArgumentException if {@code digest32} is not 32 bytes
   * @throws IllegalStateException if the key has been destroyed
   */
  @Override
  public EthSignature signDigest(byte[] digest32) {
    Objects.requireNonNull(digest32, "digest32 == null");
    if (digest32.length != 32) {
      throw new IllegalArgumentException("digest must be 32 bytes, was " + digest32.length);
    }
    return EthSignature.wrap(key.sign(digest32.clone()));
  }

  /** Destroys the underlying {@link PrivateKey}. Idempotent. */
  @Override
  public void destroy() {
    key.destroy();
  }

  /**
   * Whether the underlying key has been destroyed.
   *
   * @return true once destroyed
   */
  @Override
  public boolean isDestroyed() {
    return key.isDestroyed();
  }

  /** Returns {@code Secp256k1Signer[address=0x…]}; never the secret. */
  @Override
  public String toString() {
    return "Secp256k1Signer[address=" + key.address() + (key.isDestroyed() ? ", destroyed]" : "]");
  }
}
