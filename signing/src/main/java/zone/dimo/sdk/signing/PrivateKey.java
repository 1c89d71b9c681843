package zone.dimo.sdk.signing;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.security.auth.Destroyable;
import zone.dimo.sdk.signing.internal.Hex;

/**
 * A secp256k1 private key: a scalar {@code d} with {@code 0 < d < n}.
 *
 * <p>The key bytes live in one array that {@link #destroy()} overwrites with zeros; after that
 * every method that needs the secret throws {@link IllegalStateException}. {@link #toString()}
 * shows only the address, and no exception message ever contains key material. The only way to
 * get the secret out is {@link #exportHex()}.
 *
 * <p>Thread-safe. Bouncy Castle's arithmetic works on {@link BigInteger}s, which cannot be wiped;
 * they are short-lived temporaries that exist only while a key is parsed or a signature made.
 */
public final class PrivateKey implements Destroyable {
  private final byte[] secret;
  private final byte[] publicKey;
  private final Address address;
  // Readers (signing, export) run concurrently; destroy() waits for them, so a wipe never tears a
  // signature in progress.
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean destroyed;

  private PrivateKey(byte[] secret) {
    this.secret = secret;
    this.publicKey = Secp256k1.publicKey(secret);
    this.address = Address.fromXy(Arrays.copyOfRange(publicKey, 1, 65));
  }

  /**
   * Parses 64 hex digits, with or without a {@code 0x} prefix. A {@link String} cannot be wiped;
   * where the key arrives as bytes, prefer {@link #fromBytes(byte[])} and wipe the array.
   *
   * @param hex the key
   * @return the key
   * @throws NullPointerException if {@code hex} is null
   * @throws IllegalArgumentException if the text is not 64 hex digits or the value is not in
   *     {@code [1, n-1]}; the message never contains the text
   */
  public static PrivateKey fromHex(String hex) {
    Objects.requireNonNull(hex, "hex == null");
    int from = Hex.hasPrefix(hex) ? 2 : 0;
    if (hex.length() - from != 64) {
      throw new IllegalArgumentException(
          "private key must be 64 hex digits (32 bytes), was " + (hex.length() - from) + " characters");
    }
    byte[] bytes = Hex.decodeOrNull(hex, from);
    if (bytes == null) {
      throw new IllegalArgumentException("private key contains a character that is not a hex digit");
    }
    return ofOwned(bytes);
  }

  /**
   * Wraps 32 big-endian bytes.
   *
   * @param thirtyTwo the key bytes; copied, so the caller may (and should) wipe its array
   * @return the key
   * @throws NullPointerException if {@code thirtyTwo} is null
   * @throws IllegalArgumentException if the length is not 32 or the value is not in {@code [1,
   *     n-1]}; the message never contains the bytes
   */
  public static PrivateKey fromBytes(byte[] thirtyTwo) {
    Objects.requireNonNull(thirtyTwo, "thirtyTwo == null");
    if (thirtyTwo.length != 32) {
      throw new IllegalArgumentException("private key must be 32 bytes, was " + thirtyTwo.length);
    }
    return ofOwned(thirtyTwo.clone());
  }

  /**
   * Generates a new key from {@code random}, drawing again in the (negligible) case the 32 bytes
   * are not in {@code [1, n-1]}.
   *
   * @param random the source of randomness, e.g. {@code new SecureRandom()}
   * @return a new key
   * @throws NullPointerException if {@code random} is null
   */
  public static PrivateKey generate(SecureRandom random) {
    Objects.requireNonNull(random, "random == null");
    byte[] bytes = new byte[32];
    while (true) {
      random.nextBytes(bytes);
      if (inRange(bytes)) {
        return new PrivateKey(bytes);
      }
    }
  }

  private static PrivateKey ofOwned(byte[] bytes) {
    if (!inRange(bytes)) {
      Arrays.fill(bytes, (byte) 0);
      throw new IllegalArgumentException(
          "private key must be in [1, n-1] where n is the secp256k1 group order");
    }
    return new PrivateKey(bytes);
  }

  private static boolean inRange(byte[] bytes) {
    BigInteger d = new BigInteger(1, bytes);
    return d.signum() > 0 && d.compareTo(Secp256k1.N) < 0;
  }

  /**
   * Returns the address of this key. Still available after {@link #destroy()}.
   *
   * @return the address
   */
  public Address address() {
    return address;
  }

  /**
   * Returns the uncompressed public key. Still available after {@link #destroy()}.
   *
   * @return a new 65-byte array {@code 0x04‖x‖y}
   */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * Exports the secret, the only way to get it out of this object. Handle the result with care.
   *
   * @return {@code 0x} followed by 64 lower-case hex digits
   * @throws IllegalStateException if the key has been destroyed
   */
  public String exportHex() {
    lock.readLock().lock();
    try {
      checkNotDestroyed();
      return Hex.encode(secret);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Signs a 32-byte digest; see {@link Secp256k1#sign}. */
  byte[] sign(byte[] digest) {
    lock.readLock().lock();
    try {
      checkNotDestroyed();
      return Secp256k1.sign(secret, digest);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A copy of the secret for package-private test hooks; the caller wipes it. */
  byte[] secretCopy() {
    lock.readLock().lock();
    try {
      checkNotDestroyed();
      return secret.clone();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Overwrites the key bytes with zeros. Idempotent. The address and public key stay available.
   */
  @Override
  public void destroy() {
    lock.writeLock().lock();
    try {
      Arrays.fill(secret, (byte) 0);
      destroyed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Whether {@link #destroy()} has been called.
   *
   * @return true once destroyed
   */
  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("private key has been destroyed");
    }
  }

  /**
   * Returns {@code PrivateKey[address=0x…]}, or {@code PrivateKey[address=0x…, destroyed]}; never
   * the secret.
   */
  @Override
  public String toString() {
    return "PrivateKey[address=" + address + (destroyed ? ", destroyed]" : "]");
  }
}
