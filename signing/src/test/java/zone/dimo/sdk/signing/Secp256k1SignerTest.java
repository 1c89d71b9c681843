package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.signing.TestVectors.hex;
import static zone.dimo.sdk.signing.TestVectors.str;

import java.math.BigInteger;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Secp256k1SignerTest {
  static Stream<Arguments> rawDigest() {
    return TestVectors.group("rawDigest").stream().map(v -> Arguments.of(v.get("id"), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rawDigest")
  void rawDigestVector(String id, Map<String, Object> vector) {
    assertEquals(5, SignatureChecks.checkAll(vector.get("signatures"), str(vector, "digest")));
  }

  @Test
  void rawDigestVectorsCoverTheEdges() {
    StringBuilder digests = new StringBuilder();
    TestVectors.group("rawDigest").forEach(v -> digests.append(str(v, "digest")).append(' '));
    String all = digests.toString();
    assertTrue(all.contains("0x" + "00".repeat(32)), all);
    assertTrue(all.contains("0x" + "ff".repeat(32)), all);
    assertTrue(all.contains("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"), all);
    assertTrue(all.contains("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142"), all);
  }

  /**
   * 10,000 seeded random keys and digests: signing is deterministic, gives 65 bytes with low s and
   * v in {27,28}, and strict recovery returns the signer's address.
   */
  @Test
  void propertySignRecoverRoundTrip() {
    SplittableRandom random = new SplittableRandom(0x5eed_d1a0L);
    int flippedV = 0;
    for (int i = 0; i < 10_000; i++) {
      byte[] keyBytes = new byte[32];
      fill(random, keyBytes);
      BigInteger d = new BigInteger(1, keyBytes);
      if (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0) {
        i--;
        continue;
      }
      byte[] digest = new byte[32];
      fill(random, digest);
      PrivateKey key = PrivateKey.fromBytes(keyBytes);
      Secp256k1Signer signer = Secp256k1Signer.of(key);
      EthSignature signature = signer.signDigest(digest);
      byte[] bytes = signature.toBytes();
      assertEquals(65, bytes.length);
      assertTrue(signature.v() == 27 || signature.v() == 28, "v=" + signature.v());
      assertTrue(signature.isLowS(), "high s at iteration " + i);
      assertArrayEquals(bytes, signer.signDigest(digest).toBytes(), "deterministic at iteration " + i);
      assertEquals(key.address(), signature.recoverSigner(digest), "round trip at iteration " + i);
      flippedV += signature.v() - 27;
    }
    // Both parities occur (about half each).
    assertTrue(flippedV > 4_000 && flippedV < 6_000, "v=28 count " + flippedV);
  }

  private static void fill(SplittableRandom random, byte[] out) {
    for (int i = 0; i < out.length; i += 8) {
      long value = random.nextLong();
      for (int j = 0; j < 8; j++) {
        out[i + j] = (byte) (value >>> (8 * j));
      }
    }
  }

  @Test
  void concurrentSigningWithOneSignerIsDeterministic() throws Exception {
    Secp256k1Signer signer = Secp256k1Signer.of(PrivateKey.fromHex("0x" + "42".repeat(32)));
    byte[][] digests = new byte[64][32];
    String[] expected = new String[digests.length];
    for (int i = 0; i < digests.length; i++) {
      digests[i][0] = (byte) i;
      expected[i] = signer.signDigest(digests[i]).toHex();
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < digests.length; i++) {
                    if (!expected[i].equals(signer.signDigest(digests[i]).toHex())) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (java.util.concurrent.Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void addressIsTheKeys() {
    PrivateKey key = PrivateKey.fromHex("0x" + "0".repeat(63) + "1");
    Secp256k1Signer signer = Secp256k1Signer.of(key);
    assertEquals("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", signer.address().toChecksumHex());
    assertEquals("Secp256k1Signer[address=0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf]", signer.toString());
  }

  @Test
  void digestMustBe32Bytes() {
    Secp256k1Signer signer = Secp256k1Signer.of(PrivateKey.fromHex("0x" + "11".repeat(32)));
    assertEquals(
        "digest must be 32 bytes, was 33",
        assertThrows(IllegalArgumentException.class, () -> signer.signDigest(new byte[33])).getMessage());
    assertEquals(
        "digest32 == null",
        assertThrows(NullPointerException.class, () -> signer.signDigest(null)).getMessage());
    assertEquals("key == null", assertThrows(NullPointerException.class, () -> Secp256k1Signer.of(null)).getMessage());
  }

  @Test
  void digestIsNotModified() {
    Secp256k1Signer signer = Secp256k1Signer.of(PrivateKey.fromHex("0x" + "11".repeat(32)));
    byte[] digest = hex("0x" + "ab".repeat(32));
    signer.signDigest(digest);
    assertArrayEquals(hex("0x" + "ab".repeat(32)), digest);
  }

  @Test
  void destroyingTheSignerDestroysTheKeyAndViceVersa() {
    PrivateKey key = PrivateKey.fromHex("0x" + "11".repeat(32));
    Secp256k1Signer signer = Secp256k1Signer.of(key);
    assertFalse(signer.isDestroyed());
    signer.destroy();
    assertTrue(signer.isDestroyed());
    assertTrue(key.isDestroyed());
    assertEquals(
        "private key has been destroyed",
        assertThrows(IllegalStateException.class, () -> signer.signDigest(new byte[32])).getMessage());
    assertTrue(signer.toString().endsWith(", destroyed]"));

    PrivateKey other = PrivateKey.fromHex("0x" + "22".repeat(32));
    Secp256k1Signer otherSigner = Secp256k1Signer.of(other);
    other.destroy();
    assertTrue(otherSigner.isDestroyed());
    assertThrows(IllegalStateException.class, () -> otherSigner.signDigest(new byte[32]));
    assertEquals(
        "private key has been destroyed",
        assertThrows(IllegalStateException.class, () -> Secp256k1Signer.of(other)).getMessage());
  }

  @Test
  void lowSNormalisationFlipsV() {
    // From the vectors: K2_one over the mail digest has a high raw s, so v flips from R.y's parity.
    Map<String, Object> sig =
        TestVectors.map(
            ((java.util.List<?>)
                    TestVectors.map(TestVectors.group("typedData.positive").get(0).get("expected"))
                        .get("signatures"))
                .get(1));
    assertEquals("K2_one", str(sig, "key"));
    assertEquals(Boolean.TRUE, TestVectors.map(sig.get("rfc6979")).get("lowSNormalised"));
    SignatureChecks.check(
        sig, hex("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"));
  }
}
