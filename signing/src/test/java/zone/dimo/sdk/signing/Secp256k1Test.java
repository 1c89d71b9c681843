package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.signing.TestVectors.hex;
import static zone.dimo.sdk.signing.TestVectors.list;
import static zone.dimo.sdk.signing.TestVectors.map;
import static zone.dimo.sdk.signing.TestVectors.str;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the curve code against Google Wycheproof's secp256k1 ECDSA verification vectors (SHA-256
 * message hashes; Apache-2.0, see {@code wycheproof/LICENSE.wycheproof}). The DER file needs a
 * strict DER parser, the P1363 file exactly 64 bytes r‖s, and the Bitcoin file also low s.
 */
class Secp256k1Test {
  private static final String DER = "/wycheproof/ecdsa_secp256k1_sha256_test.json";
  private static final String BITCOIN = "/wycheproof/ecdsa_secp256k1_sha256_bitcoin_test.json";
  private static final String P1363 = "/wycheproof/ecdsa_secp256k1_sha256_p1363_test.json";

  static Stream<Arguments> der() {
    return cases(DER, 476);
  }

  static Stream<Arguments> bitcoin() {
    return cases(BITCOIN, 463);
  }

  static Stream<Arguments> p1363() {
    return cases(P1363, 252);
  }

  /** One argument set per test, after checking the file's declared count. */
  private static Stream<Arguments> cases(String resource, int expectedCount) {
    Map<String, Object> file = map(TestVectors.read(resource));
    assertEquals(BigInteger.valueOf(expectedCount), file.get("numberOfTests"));
    List<Arguments> out = new ArrayList<>();
    for (Object g : list(file.get("testGroups"))) {
      Map<String, Object> group = map(g);
      Map<String, Object> publicKey = map(group.get("publicKey"));
      assertEquals("secp256k1", publicKey.get("curve"));
      assertEquals("SHA-256", group.get("sha"));
      for (Object t : list(group.get("tests"))) {
        Map<String, Object> test = map(t);
        out.add(Arguments.of(test.get("tcId"), str(publicKey, "uncompressed"), test));
      }
    }
    assertEquals(expectedCount, out.size());
    return out.stream();
  }

  @ParameterizedTest(name = "tcId {0}")
  @MethodSource("der")
  void wycheproofDer(BigInteger tcId, String publicKey, Map<String, Object> test) {
    BigInteger[] rs = parseStrictDer(hex(str(test, "sig")));
    boolean verified = rs != null && verify(publicKey, test, rs[0], rs[1]);
    assertEquals(expectedValid(test), verified, describe(tcId, test));
  }

  @ParameterizedTest(name = "tcId {0}")
  @MethodSource("bitcoin")
  void wycheproofBitcoin(BigInteger tcId, String publicKey, Map<String, Object> test) {
    BigInteger[] rs = parseStrictDer(hex(str(test, "sig")));
    boolean verified =
        rs != null && rs[1].compareTo(Secp256k1.HALF_N) <= 0 && verify(publicKey, test, rs[0], rs[1]);
    assertEquals(expectedValid(test), verified, describe(tcId, test));
  }

  @ParameterizedTest(name = "tcId {0}")
  @MethodSource("p1363")
  void wycheproofP1363(BigInteger tcId, String publicKey, Map<String, Object> test) {
    byte[] sig = hex(str(test, "sig"));
    boolean verified =
        sig.length == 64
            && verify(
                publicKey,
                test,
                new BigInteger(1, Arrays.copyOfRange(sig, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)));
    assertEquals(expectedValid(test), verified, describe(tcId, test));
  }

  /** valid → must verify; invalid → must not. The three files have no "acceptable" results. */
  private static boolean expectedValid(Map<String, Object> test) {
    String result = str(test, "result");
    assertTrue(Set.of("valid", "invalid").contains(result), "unexpected result " + result);
    return result.equals("valid");
  }

  private static String describe(BigInteger tcId, Map<String, Object> test) {
    return "tcId " + tcId + " " + test.get("comment") + " " + test.get("flags");
  }

  private static boolean verify(String publicKey, Map<String, Object> test, BigInteger r, BigInteger s) {
    ECPoint q = Secp256k1.CURVE.decodePoint(hex(publicKey));
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(hex(str(test, "msg")));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return Secp256k1.verify(q, new BigInteger(1, hash), r, s);
  }

  /**
   * Parses {@code SEQUENCE { INTEGER r, INTEGER s }} in strict DER: definite minimal lengths,
   * minimal non-negative integers, nothing trailing. Returns null for anything else.
   */
  static BigInteger[] parseStrictDer(byte[] der) {
    int[] pos = {0};
    if (der.length < 2 || der[pos[0]++] != 0x30) {
      return null;
    }
    int seqLength = readLength(der, pos);
    if (seqLength < 0 || pos[0] + seqLength != der.length) {
      return null;
    }
    BigInteger r = readInteger(der, pos);
    BigInteger s = r == null ? null : readInteger(der, pos);
    if (s == null || pos[0] != der.length) {
      return null;
    }
    return new BigInteger[] {r, s};
  }

  private static int readLength(byte[] der, int[] pos) {
    if (pos[0] >= der.length) {
      return -1;
    }
    int first = der[pos[0]++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int count = first & 0x7f;
    if (count == 0 || count > 2 || pos[0] + count > der.length || der[pos[0]] == 0) {
      return -1; // indefinite, too long, or padded length
    }
    int length = 0;
    for (int i = 0; i < count; i++) {
      length = (length << 8) | (der[pos[0]++] & 0xff);
    }
    return length < 0x80 ? -1 : length; // DER uses the short form below 128
  }

  private static BigInteger readInteger(byte[] der, int[] pos) {
    if (pos[0] >= der.length || der[pos[0]++] != 0x02) {
      return null;
    }
    int length = readLength(der, pos);
    if (length <= 0 || pos[0] + length > der.length) {
      return null;
    }
    byte[] content = Arrays.copyOfRange(der, pos[0], pos[0] + length);
    pos[0] += length;
    if ((content[0] & 0x80) != 0) {
      return null; // negative
    }
    if (content.length > 1 && content[0] == 0 && (content[1] & 0x80) == 0) {
      return null; // non-minimal
    }
    return new BigInteger(1, content);
  }

  // ---------------------------------------------------------------- direct checks of the internals

  @Test
  void strictDerParserRefusesBerForms() {
    assertArrayEquals(
        new BigInteger[] {BigInteger.ONE, BigInteger.TWO},
        parseStrictDer(hex("3006020101020102")));
    assertEquals(null, parseStrictDer(hex("308106020101020102"))); // long-form length
    assertEquals(null, parseStrictDer(hex("300702020001020102"))); // padded integer
    assertEquals(null, parseStrictDer(hex("3006020181020102"))); // negative
    assertEquals(null, parseStrictDer(hex("300602010102010200"))); // trailing byte
  }

  @Test
  void publicKeyOfOneIsTheGenerator() {
    byte[] one = new byte[32];
    one[31] = 1;
    assertArrayEquals(Secp256k1.G.getEncoded(false), Secp256k1.publicKey(one));
  }

  @Test
  void isOnCurveChecksCoordinates() {
    byte[] g = Secp256k1.G.getEncoded(false);
    assertTrue(Secp256k1.isOnCurve(Arrays.copyOfRange(g, 1, 65)));
    byte[] off = Arrays.copyOfRange(g, 1, 65);
    off[63] ^= 1;
    assertFalse(Secp256k1.isOnCurve(off));
    byte[] big = new byte[64];
    Arrays.fill(big, (byte) 0xff);
    assertFalse(Secp256k1.isOnCurve(big));
  }

  @Test
  void recoverRefusesAnRThatIsNotOnTheCurve() {
    InvalidSignatureException e =
        assertThrows(
            InvalidSignatureException.class,
            () -> Secp256k1.recover(BigInteger.valueOf(5), BigInteger.ONE, 0, new byte[32]));
    assertEquals("r is not the x-coordinate of a point on secp256k1", e.getMessage());
  }

  @Test
  void verifyRefusesOutOfRangeValues() {
    ECPoint q = Secp256k1.G;
    assertFalse(Secp256k1.verify(q, BigInteger.ONE, BigInteger.ZERO, BigInteger.ONE));
    assertFalse(Secp256k1.verify(q, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO));
    assertFalse(Secp256k1.verify(q, BigInteger.ONE, Secp256k1.N, BigInteger.ONE));
    assertFalse(Secp256k1.verify(q, BigInteger.ONE, BigInteger.ONE, Secp256k1.N));
  }

  @Test
  void signatureVerifiesWithPlainEcdsa() {
    byte[] key = new byte[32];
    key[31] = 7;
    byte[] digest = hex("0xd427e4253da3d85b3ce788e8ef45acf86a941c3a6024fbe92f586dfe3fe6bece");
    byte[] sig = Secp256k1.sign(key, digest);
    ECPoint q = Secp256k1.CURVE.decodePoint(Secp256k1.publicKey(key));
    assertTrue(
        Secp256k1.verify(
            q,
            new BigInteger(1, digest),
            new BigInteger(1, Arrays.copyOfRange(sig, 0, 32)),
            new BigInteger(1, Arrays.copyOfRange(sig, 32, 64))));
  }
}
