package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/** The variable-time multiplier against Bouncy Castle's {@code sumOfTwoMultiplies}. */
class PublicMultiplyTest {
  private static final BigInteger N = Secp256k1.N;
  private static final ECPoint G = Secp256k1.G;
  private static final BigInteger LAMBDA =
      new BigInteger("5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72", 16);

  private static BigInteger randomScalar(SplittableRandom random) {
    byte[] bytes = new byte[32];
    for (int j = 0; j < 32; j++) {
      bytes[j] = (byte) random.nextInt(256);
    }
    return new BigInteger(1, bytes).mod(N);
  }

  /** Narrower tables than production uses, to check the code is not tied to one width. */
  private static final PublicMultiply.GTables NARROW = new PublicMultiply.GTables(8);
  private static final PublicMultiply.GTables WIDE =
      new PublicMultiply.GTables(PublicMultiply.G_WIDTH);

  /** Our result for u1·G + u2·R with the wide tables, as a Bouncy Castle point (null: infinity). */
  private static ECPoint ours(BigInteger u1, ECPoint r, BigInteger u2) {
    return ours(WIDE, u1, r, u2);
  }

  private static ECPoint ours(
      PublicMultiply.GTables tables, BigInteger u1, ECPoint r, BigInteger u2) {
    ECPoint affine = r.normalize();
    int[] xy =
        PublicMultiply.sumOfTwoMultiplies(
            tables,
            u1,
            Nat256.fromBigInteger(affine.getAffineXCoord().toBigInteger()),
            Nat256.fromBigInteger(affine.getAffineYCoord().toBigInteger()),
            u2);
    if (xy == null) {
      return Secp256k1.CURVE.getInfinity();
    }
    return Secp256k1.CURVE.createPoint(
        Nat256.toBigInteger(Arrays.copyOfRange(xy, 0, 8)),
        Nat256.toBigInteger(Arrays.copyOfRange(xy, 8, 16)));
  }

  private static void assertSame(BigInteger u1, ECPoint r, BigInteger u2) {
    ECPoint expected = ECAlgorithms.sumOfTwoMultiplies(G, u1, r, u2).normalize();
    for (PublicMultiply.GTables tables : new PublicMultiply.GTables[] {NARROW, WIDE}) {
      ECPoint actual = ours(tables, u1, r, u2);
      assertEquals(
          expected,
          actual,
          () -> "width " + tables.width + " u1=" + u1.toString(16) + " u2=" + u2.toString(16));
      if (!actual.isInfinity()) {
        assertTrue(actual.isValid());
      }
    }
  }

  @Test
  void agreesWithBouncyCastleOnTenThousandRandomCasesWithBothTableWidths() {
    SplittableRandom random = new SplittableRandom(20261127L);
    for (int i = 0; i < 10_000; i++) {
      ECPoint r = G.multiply(randomScalar(random).max(BigInteger.ONE)).normalize();
      assertSame(randomScalar(random), r, randomScalar(random));
    }
  }

  @Test
  void edgeScalars() {
    ECPoint r = G.multiply(BigInteger.valueOf(123456789)).normalize();
    BigInteger[] scalars = {
      BigInteger.ZERO,
      BigInteger.ONE,
      BigInteger.valueOf(2),
      BigInteger.valueOf(3),
      BigInteger.valueOf(511),
      BigInteger.valueOf(512),
      BigInteger.ONE.shiftLeft(128),
      BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
      BigInteger.ONE.shiftLeft(255),
      LAMBDA,
      N.subtract(LAMBDA),
      Secp256k1.HALF_N,
      N.subtract(BigInteger.ONE),
      N.subtract(BigInteger.valueOf(2)),
    };
    for (BigInteger u1 : scalars) {
      for (BigInteger u2 : scalars) {
        assertSame(u1, r, u2);
        assertSame(u1, G, u2);
        assertSame(u1, G.negate().normalize(), u2);
      }
    }
  }

  @Test
  void bothScalarsZeroGiveInfinity() {
    assertNull(PublicMultiply.sumOfTwoMultiplies(BigInteger.ZERO, xOf(G), yOf(G), BigInteger.ZERO));
    assertNull(
        PublicMultiply.sumOfTwoMultiplies(NARROW, BigInteger.ZERO, xOf(G), yOf(G), BigInteger.ZERO));
  }

  @Test
  void cancellingTermsGiveInfinity() {
    // u1·G + u2·G = infinity when u1 = n - u2; likewise with R = k·G and u1 = -u2·k.
    assertNull(
        PublicMultiply.sumOfTwoMultiplies(N.subtract(BigInteger.TEN), xOf(G), yOf(G), BigInteger.TEN));
    BigInteger k = new BigInteger("c0ffee", 16);
    ECPoint r = G.multiply(k).normalize();
    BigInteger u2 = new BigInteger("1234567890abcdef1234567890abcdef1234567890abcdef", 16);
    BigInteger u1 = N.subtract(u2.multiply(k).mod(N));
    assertNull(PublicMultiply.sumOfTwoMultiplies(u1, xOf(r), yOf(r), u2));
  }

  @Test
  void equalTermsAreDoubled() {
    // u1·G and u2·G meet as equal points, which the addition formula hands to doubling.
    for (int u = 1; u < 200; u++) {
      BigInteger s = BigInteger.valueOf(u);
      assertSame(s, G, s);
    }
  }

  @Test
  void betaMapsAPointToLambdaTimesIt() {
    ECPoint lambdaG = G.multiply(LAMBDA).normalize();
    int[] betaX = new int[8];
    org.bouncycastle.math.ec.custom.sec.SecP256K1Field.multiply(xOf(G), PublicMultiply.BETA, betaX);
    assertEquals(lambdaG.getAffineXCoord().toBigInteger(), Nat256.toBigInteger(betaX));
    assertEquals(lambdaG.getAffineYCoord().toBigInteger(), G.getAffineYCoord().toBigInteger());
  }

  @Test
  void wnafDigitsAreOddBoundedSpacedAndSumToTheScalar() {
    SplittableRandom random = new SplittableRandom(5);
    for (int width :
        new int[] {PublicMultiply.R_WIDTH, 8, PublicMultiply.G_WIDTH}) {
      for (int i = 0; i < 2000; i++) {
        BigInteger k = randomScalar(random).shiftRight(random.nextInt(256));
        if (random.nextBoolean()) {
          k = k.negate();
        }
        int[] naf = PublicMultiply.wnaf(k, width);
        BigInteger sum = BigInteger.ZERO;
        int lastNonZero = -width;
        for (int bit = naf.length - 1; bit >= 0; bit--) {
          sum = sum.shiftLeft(1).add(BigInteger.valueOf(naf[bit]));
        }
        for (int bit = 0; bit < naf.length; bit++) {
          int d = naf[bit];
          if (d != 0) {
            assertEquals(1, d & 1, "odd digit");
            assertTrue(Math.abs(d) < (1 << (width - 1)), "digit in range");
            assertTrue(bit - lastNonZero >= width, "w-1 zeros between digits");
            lastNonZero = bit;
          }
        }
        assertEquals(k.abs(), sum);
      }
    }
  }

  @Test
  void oddMultiplesAreAffineOddMultiples() {
    ECPoint p = G.multiply(BigInteger.valueOf(987654321)).normalize();
    int count = 1 << (PublicMultiply.R_WIDTH - 2);
    int[] table = PublicMultiply.oddMultiples(xOf(p), yOf(p), count, new PublicMultiply.Work());
    for (int i = 0; i < count; i++) {
      ECPoint expected = p.multiply(BigInteger.valueOf(2L * i + 1)).normalize();
      assertEquals(expected.getAffineXCoord().toBigInteger(), word(table, i * 16));
      assertEquals(expected.getAffineYCoord().toBigInteger(), word(table, i * 16 + 8));
    }
  }

  @Test
  void recoveryOfThePointAtInfinityIsRefused() {
    // s·R = e·G makes u1·G + u2·R = r⁻¹·(s·R - e·G) the point at infinity.
    BigInteger k = new BigInteger("1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988", 16);
    byte[] digest = Keccak256.hash(new byte[] {1, 2, 3});
    BigInteger e = new BigInteger(1, digest);
    ECPoint rPoint = G.multiply(k).normalize();
    BigInteger r = rPoint.getAffineXCoord().toBigInteger();
    assertTrue(r.compareTo(N) < 0);
    BigInteger s = e.multiply(BigIntegers.modOddInverseVar(N, k)).mod(N);
    int recoveryId = rPoint.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0;
    if (s.compareTo(Secp256k1.HALF_N) > 0) {
      s = N.subtract(s); // (n-s)·(-R) = s·R
      recoveryId ^= 1;
    }
    byte[] bytes = new byte[65];
    BigIntegers.asUnsignedByteArray(r, bytes, 0, 32);
    BigIntegers.asUnsignedByteArray(s, bytes, 32, 32);
    bytes[64] = (byte) (27 + recoveryId);
    EthSignature signature = EthSignature.fromBytes(bytes);
    InvalidSignatureException thrown =
        assertThrows(InvalidSignatureException.class, () -> signature.recoverSigner(digest));
    assertEquals("signature recovers the point at infinity", thrown.getMessage());
  }

  @Test
  void recoveryOfAZeroDigestUsesOnlyTheRTerm() {
    // e = 0 makes u1 = 0; the key is then r⁻¹·s·R.
    byte[] digest = new byte[32];
    Secp256k1Signer signer = Secp256k1Signer.of(PrivateKey.fromHex(
        "0x4646464646464646464646464646464646464646464646464646464646464646"));
    EthSignature signature = signer.signDigest(digest);
    assertEquals(signer.address(), signature.recoverSigner(digest));
  }

  @Test
  void recoveryAgreesWithBouncyCastleForRandomSignatures() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 300; i++) {
      byte[] key = new byte[32];
      byte[] digest = new byte[32];
      for (int j = 0; j < 32; j++) {
        key[j] = (byte) random.nextInt(256);
        digest[j] = (byte) random.nextInt(256);
      }
      key[0] &= 0x7f;
      key[31] |= 1;
      Secp256k1Signer signer = Secp256k1Signer.of(PrivateKey.fromBytes(key));
      EthSignature signature = signer.signDigest(digest);
      assertNotNull(signature);
      assertEquals(signer.address(), signature.recoverSigner(digest));
    }
  }

  private static BigInteger word(int[] table, int offset) {
    return Nat256.toBigInteger(Arrays.copyOfRange(table, offset, offset + 8));
  }

  private static int[] xOf(ECPoint p) {
    return Nat256.fromBigInteger(p.normalize().getAffineXCoord().toBigInteger());
  }

  private static int[] yOf(ECPoint p) {
    return Nat256.fromBigInteger(p.normalize().getAffineYCoord().toBigInteger());
  }
}
