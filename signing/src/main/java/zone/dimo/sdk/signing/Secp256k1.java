package zone.dimo.sdk.signing;

import org.jspecify.annotations.Nullable;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.util.BigIntegers;

/**
 * The secp256k1 arithmetic behind signing and recovery, on Bouncy Castle's custom secp256k1 curve
 * (fast field arithmetic, GLV endomorphism). Multiplications by a secret scalar go through {@link
 * FixedBase} (constant-time table lookups); recovery and verification use the variable-time
 * {@link PublicMultiply}, as everything they touch is public.
 */
final class Secp256k1 {
  static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  static final ECCurve CURVE = PARAMS.getCurve();
  static final ECPoint G = PARAMS.getG();
  static final BigInteger N = PARAMS.getN();
  static final BigInteger HALF_N = N.shiftRight(1);
  static final BigInteger P = CURVE.getField().getCharacteristic();
  private static final int[] N_WORDS = Nat256.fromBigInteger(N);

  // Fallback for FixedBase's negligible exceptional cases. The comb's lookup table scans every
  // entry and selects by mask, so a secret scalar never decides which memory is read.
  private static final ECMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

  private Secp256k1() {}

  /**
   * Multiplies the generator by a secret scalar in [1, n-1] with Bouncy Castle's comb; the fallback
   * for the (negligibly rare) inputs that {@link FixedBase} reports as exceptional.
   */
  static ECPoint multiplyGSlow(BigInteger k) {
    return BASE_MULTIPLIER.multiply(G, k).normalize();
  }

  /**
   * Computes {@code k·G} for a secret k in [1, n-1] into {@code scratch.x}, {@code scratch.y}
   * (affine, 8 little-endian words each).
   */
  static void multiplyG(BigInteger k, FixedBase.Scratch scratch) {
    int[] words = Nat256.fromBigInteger(k);
    try {
      if (!FixedBase.multiplySecret(words, scratch)) {
        ECPoint p = multiplyGSlow(k);
        System.arraycopy(Nat256.fromBigInteger(p.getAffineXCoord().toBigInteger()), 0, scratch.x, 0, 8);
        System.arraycopy(Nat256.fromBigInteger(p.getAffineYCoord().toBigInteger()), 0, scratch.y, 0, 8);
      }
    } finally {
      Arrays.fill(words, 0);
    }
  }

  /** The 65-byte uncompressed public key {@code 0x04‖x‖y} of a valid private scalar. */
  static byte[] publicKey(byte[] privateKey) {
    BigInteger d = new BigInteger(1, privateKey);
    FixedBase.Scratch scratch = new FixedBase.Scratch();
    try {
      multiplyG(d, scratch);
      byte[] out = new byte[65];
      out[0] = 0x04;
      encode(scratch.x, out, 1);
      encode(scratch.y, out, 33);
      return out;
    } finally {
      scratch.wipe();
    }
  }

  /** Writes 8 little-endian 32-bit words as 32 big-endian bytes at {@code out[offset]}. */
  static void encode(int[] words, byte[] out, int offset) {
    encode(words, 0, out, offset);
  }

  /** Writes words[from..from+8) (little-endian) as 32 big-endian bytes at {@code out[offset]}. */
  static void encode(int[] words, int from, byte[] out, int offset) {
    for (int i = 0; i < 8; i++) {
      int w = words[from + 7 - i];
      out[offset + 4 * i] = (byte) (w >>> 24);
      out[offset + 4 * i + 1] = (byte) (w >>> 16);
      out[offset + 4 * i + 2] = (byte) (w >>> 8);
      out[offset + 4 * i + 3] = (byte) w;
    }
  }

  /** Whether {@code xy} (64 bytes) is the affine encoding of a point on the curve. */
  static boolean isOnCurve(byte[] xy) {
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(xy, 0, 32));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(xy, 32, 64));
    if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
      return false;
    }
    return CURVE.createPoint(x, y).isValid();
  }

  /** The first RFC 6979 (HMAC-SHA256) nonce for a key and digest; visible for tests only. */
  static BigInteger rfc6979Nonce(byte[] privateKey, byte[] digest) {
    Rfc6979 nonces = new Rfc6979(privateKey, digest);
    try {
      return nonces.next();
    } finally {
      nonces.wipe();
    }
  }

  /**
   * Signs a 32-byte digest: RFC 6979 nonce, low-s, and the recovery id read off R while signing.
   * Returns {@code r‖s‖v} with {@code v ∈ {27,28}}.
   */
  static byte[] sign(byte[] privateKey, byte[] digest) {
    BigInteger d = new BigInteger(1, privateKey);
    // The digest is exactly as wide as n, so e is the digest itself (no truncation); RFC 6979
    // reduces it mod n on its own when deriving k.
    BigInteger e = new BigInteger(1, digest);
    Rfc6979 nonces = new Rfc6979(privateKey, digest);
    FixedBase.Scratch scratch = new FixedBase.Scratch();
    try {
      while (true) {
        BigInteger k = nonces.next();
        multiplyG(k, scratch);
        // R.x >= n would need a recovery id of 2 or 3, which v in {27,28} cannot carry (odds about
        // 2^-128); take the next RFC 6979 nonce instead, which keeps signing deterministic.
        if (Nat256.gte(scratch.x, N_WORDS)) {
          continue;
        }
        BigInteger r = Nat256.toBigInteger(scratch.x);
        if (r.signum() == 0) {
          continue;
        }
        BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(d.multiply(r))).mod(N);
        if (s.signum() == 0) {
          continue;
        }
        int recoveryId = scratch.y[0] & 1;
        if (s.compareTo(HALF_N) > 0) {
          // (r, n-s) is the signature of -k, whose point -R has the other y parity.
          s = N.subtract(s);
          recoveryId ^= 1;
        }
        byte[] out = new byte[65];
        BigIntegers.asUnsignedByteArray(r, out, 0, 32);
        BigIntegers.asUnsignedByteArray(s, out, 32, 32);
        out[64] = (byte) (27 + recoveryId);
        return out;
      }
    } finally {
      scratch.wipe();
      nonces.wipe();
    }
  }

  /**
   * Recovers the public key (64 bytes x‖y) from a signature whose ranges the caller has checked:
   * 0 < r < n, 0 < s < n, recovery id 0 or 1.
   *
   * @throws InvalidSignatureException if r is not the x of a curve point or the key is infinity
   */
  static byte[] recover(BigInteger r, BigInteger s, int recoveryId, byte[] digest) {
    // Only recovery ids 0 and 1 reach here, so R.x = r (never r + n).
    ECPoint rPoint = decompress(r, recoveryId == 1);
    if (rPoint == null) {
      throw new InvalidSignatureException("r is not the x-coordinate of a point on secp256k1");
    }
    BigInteger e = new BigInteger(1, digest);
    BigInteger rInverse = BigIntegers.modOddInverseVar(N, r);
    BigInteger u1 = N.subtract(e.mod(N)).multiply(rInverse).mod(N);
    BigInteger u2 = s.multiply(rInverse).mod(N);
    // Variable-time GLV/wNAF with wide G tables: u1, u2 and R are all public here.
    int[] q =
        PublicMultiply.sumOfTwoMultiplies(
            u1,
            Nat256.fromBigInteger(r),
            Nat256.fromBigInteger(rPoint.getAffineYCoord().toBigInteger()),
            u2);
    if (q == null) {
      throw new InvalidSignatureException("signature recovers the point at infinity");
    }
    byte[] xy = new byte[64];
    encode(q, 0, xy, 0);
    encode(q, 8, xy, 32);
    return xy;
  }

  /**
   * Plain ECDSA verification of (r, s) over the integer {@code e} for public key {@code q}; used to
   * check the curve code against Wycheproof. Rejects r or s outside [1, n-1].
   */
  static boolean verify(ECPoint q, BigInteger e, BigInteger r, BigInteger s) {
    if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
      return false;
    }
    BigInteger w = BigIntegers.modOddInverseVar(N, s);
    BigInteger u1 = e.mod(N).multiply(w).mod(N);
    BigInteger u2 = r.multiply(w).mod(N);
    if (q.isInfinity()) {
      return false;
    }
    ECPoint affine = q.normalize();
    int[] x =
        PublicMultiply.sumOfTwoMultiplies(
            u1,
            Nat256.fromBigInteger(affine.getAffineXCoord().toBigInteger()),
            Nat256.fromBigInteger(affine.getAffineYCoord().toBigInteger()),
            u2);
    if (x == null) {
      return false;
    }
    return Nat256.toBigInteger(java.util.Arrays.copyOf(x, 8)).mod(N).equals(r);
  }

  private static @Nullable ECPoint decompress(BigInteger x, boolean yOdd) {
    if (x.compareTo(P) >= 0) {
      return null;
    }
    byte[] encoded = new byte[33];
    encoded[0] = (byte) (yOdd ? 0x03 : 0x02);
    BigIntegers.asUnsignedByteArray(x, encoded, 1, 32);
    try {
      return CURVE.decodePoint(encoded);
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
  }
}
