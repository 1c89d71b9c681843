package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.signing.TestVectors.hex;
import static zone.dimo.sdk.signing.TestVectors.str;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EthSignatureTest {
  private static final String DIGEST =
      "0xd427e4253da3d85b3ce788e8ef45acf86a941c3a6024fbe92f586dfe3fe6bece";
  private static final String SIGNER = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826";

  /**
   * Per recoveryNegative vector: the strict result, and the lenient one. Following
   * recommendedSdkBehaviour: v = 0/1 is accepted only by the lenient call; every other entry is
   * refused by both; 64 bytes are refused by the 65-byte parser (EIP-2098 is explicit).
   */
  private static final Map<String, String[]> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("rec_v_29", new String[] {"v must be 27 or 28, was 29", "v must be 0, 1, 27 or 28, was 29"});
    EXPECTED.put("rec_v_0_raw", new String[] {
        "v must be 27 or 28, was 1 (raw recovery ids are accepted only by recoverSignerLenient)", "ok"});
    EXPECTED.put("rec_r_zero", new String[] {"r must be in [1, n-1]", "r must be in [1, n-1]"});
    EXPECTED.put("rec_s_zero", new String[] {"s must be in [1, n-1]", "s must be in [1, n-1]"});
    EXPECTED.put("rec_r_eq_n", new String[] {"r must be in [1, n-1]", "r must be in [1, n-1]"});
    EXPECTED.put("rec_s_eq_n", new String[] {"s must be in [1, n-1]", "s must be in [1, n-1]"});
    String highS = "s must be at most n/2 (high-s signatures are malleable and refused, EIP-2)";
    EXPECTED.put("rec_high_s", new String[] {highS, highS});
    EXPECTED.put("rec_short", new String[] {
        "signature must be 65 bytes r‖s‖v, was 64; if this is an EIP-2098 compact signature, "
            + "parse it with EthSignature.fromEip2098Bytes/fromEip2098Hex", null});
    String offCurve = "r is not the x-coordinate of a point on secp256k1";
    EXPECTED.put("rec_r_not_on_curve", new String[] {offCurve, offCurve});
  }

  static Stream<Arguments> recoveryNegative() {
    return TestVectors.group("recoveryNegative").stream().map(v -> Arguments.of(v.get("id"), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recoveryNegative")
  void recoveryNegativeFollowsTheRecommendation(String id, Map<String, Object> vector) {
    String[] expected = EXPECTED.get(id);
    assertNotNull(expected, id);
    byte[] digest = hex(str(vector, "digest"));
    String sigHex = str(vector, "signature");
    if (expected[1] == null) {
      InvalidSignatureException e =
          assertThrows(InvalidSignatureException.class, () -> EthSignature.fromHex(sigHex));
      assertEquals(expected[0], e.getMessage());
      assertEquals(
          expected[0],
          assertThrows(InvalidSignatureException.class, () -> EthSignature.fromBytes(hex(sigHex))).getMessage());
      // Read explicitly as EIP-2098 it is a (different) signature; ethers recovers some address.
      EthSignature compact = EthSignature.fromEip2098Hex(sigHex);
      assertEquals(vector.get("ethersRecoverAddress") == null ? null
          : str(TestVectors.map(vector.get("ethersRecoverAddress")), "recovered"),
          compact.recoverSigner(digest).toChecksumHex());
      return;
    }
    EthSignature signature = EthSignature.fromHex(sigHex);
    assertEquals(sigHex, signature.toHex());
    assertEquals(
        expected[0],
        assertThrows(InvalidSignatureException.class, () -> signature.recoverSigner(digest)).getMessage());
    if (expected[1].equals("ok")) {
      assertEquals(str(vector, "originalSigner"), signature.recoverSignerLenient(digest).toChecksumHex());
    } else {
      assertEquals(
          expected[1],
          assertThrows(InvalidSignatureException.class, () -> signature.recoverSignerLenient(digest)).getMessage());
    }
  }

  @Test
  void everyRecoveryNegativeVectorHasAnExpectation() {
    assertEquals(9, TestVectors.group("recoveryNegative").size());
    assertEquals(9, EXPECTED.size());
  }

  private static EthSignature sample() {
    return Secp256k1Signer.of(PrivateKey.fromHex("0x" + "11".repeat(32))).signDigest(hex(DIGEST));
  }

  @Test
  void parsesAndPrintsHex() {
    EthSignature signature = sample();
    String text = signature.toHex();
    assertEquals(132, text.length());
    assertEquals(text, text.toLowerCase(java.util.Locale.ROOT));
    assertEquals(signature, EthSignature.fromHex(text));
    assertEquals(signature, EthSignature.fromHex(text.substring(2)));
    assertEquals(signature, EthSignature.fromHex(text.toUpperCase(java.util.Locale.ROOT).replace("0X", "0x")));
    assertEquals(text, signature.toString());
  }

  @Test
  void accessorsSplitTheBytes() {
    byte[] bytes = new byte[65];
    bytes[31] = 1;
    bytes[63] = 2;
    bytes[64] = 28;
    EthSignature signature = EthSignature.fromBytes(bytes);
    assertEquals(BigInteger.ONE, signature.r());
    assertEquals(BigInteger.TWO, signature.s());
    assertEquals(28, signature.v());
    assertTrue(signature.isLowS());
    bytes[64] = (byte) 200;
    assertEquals(200, EthSignature.fromBytes(bytes).v());
  }

  @Test
  void isLowSBoundaries() {
    assertFalse(withS(BigInteger.ZERO).isLowS());
    assertTrue(withS(Secp256k1.HALF_N).isLowS());
    assertFalse(withS(Secp256k1.HALF_N.add(BigInteger.ONE)).isLowS());
  }

  private static EthSignature withS(BigInteger s) {
    byte[] bytes = new byte[65];
    bytes[31] = 1;
    byte[] sBytes = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, s);
    System.arraycopy(sBytes, 0, bytes, 32, 32);
    bytes[64] = 27;
    return EthSignature.fromBytes(bytes);
  }

  @Test
  void bytesAreCopiedInAndOut() {
    byte[] bytes = sample().toBytes();
    EthSignature signature = EthSignature.fromBytes(bytes);
    bytes[0] ^= 1;
    assertNotEquals(TestVectors.toHex(bytes), signature.toHex());
    byte[] out = signature.toBytes();
    out[0] ^= 1;
    assertArrayEquals(sample().toBytes(), signature.toBytes());
  }

  @Test
  void lengthsOtherThan65AreRefused() {
    assertEquals(
        "signature must be 65 bytes r‖s‖v, was 66",
        assertThrows(InvalidSignatureException.class, () -> EthSignature.fromBytes(new byte[66])).getMessage());
    assertEquals(
        "signature must be hex with an even number of digits",
        assertThrows(InvalidSignatureException.class, () -> EthSignature.fromHex("0x123")).getMessage());
    assertEquals(
        "signature must be hex with an even number of digits",
        assertThrows(InvalidSignatureException.class, () -> EthSignature.fromHex("0xzz")).getMessage());
    assertEquals("hex == null", assertThrows(NullPointerException.class, () -> EthSignature.fromHex(null)).getMessage());
    assertEquals("sixtyFive == null", assertThrows(NullPointerException.class, () -> EthSignature.fromBytes(null)).getMessage());
    assertEquals(
        "EIP-2098 compact signature must be 64 bytes, was 65",
        assertThrows(InvalidSignatureException.class, () -> EthSignature.fromEip2098Bytes(new byte[65])).getMessage());
  }

  @Test
  void eip2098RoundTrip() {
    EthSignature signature = sample();
    byte[] compact = signature.toEip2098Bytes();
    assertEquals(64, compact.length);
    assertEquals(signature, EthSignature.fromEip2098Bytes(compact));
    assertEquals(signature, EthSignature.fromEip2098Hex(signature.toEip2098Hex()));
    assertEquals((signature.v() - 27) << 7, compact[32] & 0x80);
  }

  @Test
  void eip2098NeedsLowSAndCanonicalV() {
    byte[] bytes = sample().toBytes();
    bytes[64] = 0;
    assertEquals(
        "EIP-2098 needs v = 27 or 28, was 0",
        assertThrows(InvalidSignatureException.class, () -> EthSignature.fromBytes(bytes).toEip2098Bytes()).getMessage());
    assertEquals(
        "EIP-2098 needs 0 < s <= n/2",
        assertThrows(InvalidSignatureException.class, () -> withS(Secp256k1.N.subtract(BigInteger.ONE)).toEip2098Bytes()).getMessage());
  }

  @Test
  void recoverChecksTheDigest() {
    EthSignature signature = sample();
    assertEquals("digest32 == null", assertThrows(NullPointerException.class, () -> signature.recoverSigner(null)).getMessage());
    assertEquals(
        "digest must be 32 bytes, was 31",
        assertThrows(IllegalArgumentException.class, () -> signature.recoverSigner(new byte[31])).getMessage());
  }

  @Test
  void recoverFromAnotherDigestGivesAnotherAddress() {
    EthSignature signature = sample();
    byte[] other = hex(DIGEST);
    other[0] ^= 1;
    assertNotEquals(signature.recoverSigner(hex(DIGEST)), signature.recoverSigner(other));
  }

  @Test
  void lenientAcceptsRawRecoveryIds() {
    EthSignature signature = sample();
    byte[] raw = signature.toBytes();
    raw[64] -= 27;
    EthSignature rawSig = EthSignature.fromBytes(raw);
    assertEquals(signature.recoverSigner(hex(DIGEST)), rawSig.recoverSignerLenient(hex(DIGEST)));
    assertEquals(signature.recoverSigner(hex(DIGEST)), signature.recoverSignerLenient(hex(DIGEST)));
  }

  @Test
  void recoversTheVectorSigner() {
    Map<String, Object> v0raw = TestVectors.group("recoveryNegative").get(1);
    byte[] bytes = hex(str(v0raw, "signature"));
    bytes[64] += 27;
    assertEquals(SIGNER, EthSignature.fromBytes(bytes).recoverSigner(hex(DIGEST)).toChecksumHex());
  }

  @Test
  void equalsAndHashCode() {
    assertEquals(sample(), sample());
    assertEquals(sample().hashCode(), sample().hashCode());
    assertNotEquals(sample(), withS(BigInteger.ONE));
    assertNotEquals(sample(), sample().toHex());
  }
}
