package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static zone.dimo.sdk.signing.TestVectors.hex;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

class Rfc6979Test {
  /**
   * The first nonce equals Bouncy Castle's; the retry sequence follows RFC 6979 §3.2 step h.3 (as
   * libsecp256k1 does), checked against a direct transcription of the RFC on the JDK's HmacSHA256.
   * (Bouncy Castle's calculator does not re-key K when the caller rejects a valid-range nonce.)
   */
  private static void assertSameAsBouncyCastle(byte[] key, byte[] digest) {
    HMacDSAKCalculator reference = new HMacDSAKCalculator(new SHA256Digest());
    reference.init(Secp256k1.N, new BigInteger(1, key), digest);
    Rfc6979 nonces = new Rfc6979(key, digest);
    assertEquals(reference.nextK(), nonces.next());
    Rfc6979 again = new Rfc6979(key, digest);
    BigInteger[] expected = transcription(key, digest, 3);
    for (int i = 0; i < 3; i++) {
      assertEquals(expected[i], again.next(), "candidate " + i);
    }
  }

  private static byte[] hmac(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** RFC 6979 §3.2 for qlen = hlen = 256, returning the first {@code count} candidates in range. */
  private static BigInteger[] transcription(byte[] x, byte[] h1, int count) {
    BigInteger q = Secp256k1.N;
    BigInteger h = new BigInteger(1, h1).mod(q);
    byte[] h1Octets = new byte[32];
    byte[] hb = h.toByteArray();
    int len = Math.min(hb.length, 32);
    System.arraycopy(hb, hb.length - len, h1Octets, 32 - len, len);
    byte[] v = new byte[32];
    java.util.Arrays.fill(v, (byte) 1);
    byte[] k = new byte[32];
    k = hmac(k, v, new byte[] {0}, x, h1Octets);
    v = hmac(k, v);
    k = hmac(k, v, new byte[] {1}, x, h1Octets);
    v = hmac(k, v);
    BigInteger[] out = new BigInteger[count];
    int found = 0;
    while (found < count) {
      v = hmac(k, v);
      BigInteger candidate = new BigInteger(1, v);
      if (candidate.signum() > 0 && candidate.compareTo(q) < 0) {
        out[found++] = candidate;
      }
      k = hmac(k, v, new byte[] {0});
      v = hmac(k, v);
    }
    return out;
  }

  @Test
  void matchesBouncyCastleForRandomInputs() {
    SplittableRandom random = new SplittableRandom(6979);
    for (int i = 0; i < 200; i++) {
      byte[] key = new byte[32];
      byte[] digest = new byte[32];
      for (int j = 0; j < 32; j++) {
        key[j] = (byte) random.nextInt(256);
        digest[j] = (byte) random.nextInt(256);
      }
      key[0] &= 0x7f; // below n
      key[31] |= 1; // not zero
      assertSameAsBouncyCastle(key, digest);
    }
  }

  @Test
  void digestsAtOrAboveTheOrderAreReducedFirst() {
    byte[] key = hex("0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4");
    assertSameAsBouncyCastle(key, hex("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"));
    assertSameAsBouncyCastle(key, hex("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142"));
    assertSameAsBouncyCastle(key, hex("0x" + "ff".repeat(32)));
    assertSameAsBouncyCastle(key, new byte[32]);
  }

  @Test
  void vectorNonce() {
    // K1_cow over the EIP-712 "Mail" digest (from eip712-vectors.json).
    assertEquals(
        new BigInteger("091d06beef5cd65ef0a0cd10f87a7fe72f4c5c8afa4bb594d48325d38e26b943", 16),
        Secp256k1.rfc6979Nonce(
            hex("0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4"),
            hex("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2")));
  }

  @Test
  void wipeClearsKAndV() throws Exception {
    Rfc6979 nonces = new Rfc6979(hex("0x" + "11".repeat(32)), new byte[32]);
    nonces.next();
    nonces.wipe();
    for (String name : new String[] {"k", "v", "candidate"}) {
      Field field = Rfc6979.class.getDeclaredField(name);
      field.setAccessible(true);
      assertArrayEquals(new byte[32], (byte[]) field.get(nonces), name);
    }
  }
}
