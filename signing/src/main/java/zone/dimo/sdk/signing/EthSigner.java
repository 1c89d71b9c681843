package zone.dimo.sdk.signing;

/**
 * Something that holds an Ethereum key and signs 32-byte digests with it: an in-memory key
 * ({@link Secp256k1Signer}), or an implementation backed by a hardware module or remote service.
 *
 * <p>Implementations must return 65-byte {@code r‖s‖v} signatures with low {@code s} and {@code v ∈
 * {27,28}}, and must be safe for use from several threads.
 */
public interface EthSigner {
  /**
   * Returns the address of the signing key.
   *
   * @return the address; never null
   */
  Address address();

  /**
   * Signs a 32-byte digest as-is (no hashing, no prefix).
   *
   * @param digest32 exactly 32 bytes; not modified
   * @return the signature
   * @throws NullPointerException if {@code digest32} is null
   * @throws IllegalArgumentException if {@code digest32} is not 32 bytes
   * @throws IllegalStateException if the key has been destroyed
   */
  EthSignature signDigest(byte[] digest32);
}
