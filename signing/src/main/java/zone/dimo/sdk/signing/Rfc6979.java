package zone.dimo.sdk.signing;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Deterministic ECDSA nonces per RFC 6979 §3.2 with HMAC-SHA256, for secp256k1 (qlen = hlen = 256,
 * so one HMAC output is one candidate). The first nonce equals Bouncy Castle's
 * {@code HMacDSAKCalculator}; this version owns its K and V arrays so it can wipe them (and the
 * reduced digest octets) when the signature is done. When the signer rejects a nonce (r = 0,
 * s = 0, or R.x ≥ n, all with probability about 2^-128) the next one follows step h.3 — K and V are
 * refreshed first — as libsecp256k1 does; Bouncy Castle's calculator skips that refresh.
 *
 * <p>Not thread-safe: one instance per signature.
 */
final class Rfc6979 {
  private final HMac hmac = new HMac(new SHA256Digest());
  private final byte[] k = new byte[32];
  private final byte[] v = new byte[32];
  private final byte[] candidate = new byte[32];
  private boolean first = true;

  /**
   * Seeds the generator (steps b–g).
   *
   * @param privateKey the 32-byte key octets {@code int2octets(x)}; not modified
   * @param digest the 32-byte message hash {@code h1}; not modified
   */
  Rfc6979(byte[] privateKey, byte[] digest) {
    byte[] h1 = bits2octets(digest);
    try {
      Arrays.fill(v, (byte) 0x01);
      Arrays.fill(k, (byte) 0x00);
      for (int round = 0; round < 2; round++) {
        rekey();
        hmac.update(v, 0, 32);
        hmac.update((byte) round);
        hmac.update(privateKey, 0, 32);
        hmac.update(h1, 0, 32);
        hmac.doFinal(k, 0);
        rekey();
        hmac.update(v, 0, 32);
        hmac.doFinal(v, 0);
      }
    } finally {
      Arrays.fill(h1, (byte) 0);
    }
  }

  /** {@code int2octets(int(h1) mod q)}: h1 is exactly qlen bits, so at most one subtraction. */
  private static byte[] bits2octets(byte[] digest) {
    BigInteger h = new BigInteger(1, digest);
    if (h.compareTo(Secp256k1.N) >= 0) {
      h = h.subtract(Secp256k1.N);
    }
    byte[] out = new byte[32];
    byte[] magnitude = h.toByteArray();
    int length = Math.min(magnitude.length, 32);
    System.arraycopy(magnitude, magnitude.length - length, out, 32 - length, length);
    return out;
  }

  /**
   * Returns the next candidate nonce in [1, n-1] (step h); call again if the caller rejects it.
   */
  BigInteger next() {
    while (true) {
      if (!first) {
        rekey();
        hmac.update(v, 0, 32);
        hmac.update((byte) 0x00);
        hmac.doFinal(k, 0);
        rekey();
        hmac.update(v, 0, 32);
        hmac.doFinal(v, 0);
      }
      first = false;
      hmac.update(v, 0, 32);
      hmac.doFinal(v, 0);
      System.arraycopy(v, 0, candidate, 0, 32);
      BigInteger nonce = new BigInteger(1, candidate);
      Arrays.fill(candidate, (byte) 0);
      if (nonce.signum() > 0 && nonce.compareTo(Secp256k1.N) < 0) {
        return nonce;
      }
    }
  }

  /** Keys the HMAC with K, wiping the parameter's own copy of it. */
  private void rekey() {
    KeyParameter parameter = new KeyParameter(k);
    hmac.init(parameter);
    Arrays.fill(parameter.getKey(), (byte) 0);
  }

  /**
   * Overwrites K, V and the HMAC's key-derived state. The generator is unusable afterwards.
   */
  void wipe() {
    Arrays.fill(k, (byte) 0);
    Arrays.fill(v, (byte) 0);
    // Re-keying with zeros replaces the inner and outer pad states derived from the secret K.
    rekey();
  }
}
