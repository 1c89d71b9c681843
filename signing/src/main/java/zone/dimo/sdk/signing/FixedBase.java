package zone.dimo.sdk.signing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * Multiplication of the secp256k1 generator by a scalar with a precomputed table and no point
 * doublings: the scalar is cut into 6-bit windows and the point for each window's digit is added.
 *
 * <p>Table entry (i, j) is {@code j·2^(6i)·G + 2^i·H}, where H is a fixed point with no known
 * discrete logarithm; the sum over all 43 windows is {@code k·G + (2^43-1)·H}, and
 * {@code -(2^43-1)·H} is added at the end. Because every entry includes a multiple of H, no entry is
 * the point at infinity (digit 0 needs no special case), and because the multiples differ per
 * window, a partial sum {@code a·G + (2^i-1)·H} equals the next entry {@code b·G + 2^i·H} (or its
 * negation) only if someone knew the logarithm of H: the exceptional cases of the addition formula
 * occur with negligible probability. If one ever does, the caller is told and falls back to Bouncy
 * Castle.
 *
 * <p>Secret scalars: every lookup reads the whole 64-entry row and keeps the wanted entry by mask,
 * so the memory access pattern does not depend on the scalar (the same discipline as Bouncy
 * Castle's cache-safe lookup tables and libsecp256k1). The field arithmetic is Bouncy Castle's
 * constant-time secp256k1 field code, used on plain {@code int[]} limbs without allocating.
 */
final class FixedBase {
  static final int WINDOW_BITS = 6;
  static final int WINDOWS = (256 + WINDOW_BITS - 1) / WINDOW_BITS;
  static final int ENTRIES = 1 << WINDOW_BITS;
  private static final int MASK = ENTRIES - 1;
  /**
   * 8 longs per entry: x then y, each as 4 longs holding two little-endian 32-bit words (low word in
   * the low half). Longs halve the number of masked reads in the constant-time scan.
   */
  private static final long[] TABLE = new long[WINDOWS * ENTRIES * 8];
  /** Affine -(2^WINDOWS - 1)·H. */
  private static final int[] CORRECTION_X;
  private static final int[] CORRECTION_Y;

  static {
    ECPoint h = blindingPoint();
    ECPoint base = Secp256k1.G;
    ECPoint[] points = new ECPoint[WINDOWS * ENTRIES];
    ECPoint hi = h;
    for (int i = 0; i < WINDOWS; i++) {
      ECPoint p = hi;
      for (int j = 0; j < ENTRIES; j++) {
        points[i * ENTRIES + j] = p;
        p = p.add(base);
      }
      base = base.timesPow2(WINDOW_BITS);
      hi = hi.twice();
    }
    Secp256k1.CURVE.normalizeAll(points);
    for (int e = 0; e < points.length; e++) {
      int[] x = Nat256.fromBigInteger(points[e].getAffineXCoord().toBigInteger());
      int[] y = Nat256.fromBigInteger(points[e].getAffineYCoord().toBigInteger());
      for (int m = 0; m < 4; m++) {
        TABLE[e * 8 + m] = (x[2 * m] & 0xffffffffL) | ((long) x[2 * m + 1] << 32);
        TABLE[e * 8 + 4 + m] = (y[2 * m] & 0xffffffffL) | ((long) y[2 * m + 1] << 32);
      }
    }
    BigInteger offsets = BigInteger.ONE.shiftLeft(WINDOWS).subtract(BigInteger.ONE);
    ECPoint correction = h.multiply(offsets).negate().normalize();
    CORRECTION_X = Nat256.fromBigInteger(correction.getAffineXCoord().toBigInteger());
    CORRECTION_Y = Nat256.fromBigInteger(correction.getAffineYCoord().toBigInteger());
  }

  private FixedBase() {}

  /**
   * A curve point derived from a public string by try-and-increment, so nobody knows its discrete
   * logarithm with respect to G.
   */
  private static ECPoint blindingPoint() {
    for (int counter = 0; ; counter++) {
      byte[] seed =
          ("zone.dimo.sdk.signing fixed-base blinding point " + counter)
              .getBytes(StandardCharsets.US_ASCII);
      byte[] encoded = new byte[33];
      encoded[0] = 0x02;
      System.arraycopy(Keccak256.hash(seed), 0, encoded, 1, 32);
      try {
        return Secp256k1.CURVE.decodePoint(encoded);
      } catch (IllegalArgumentException notOnCurve) {
        // x >= p or x^3 + 7 is not a square: try the next counter.
      }
    }
  }

  /** Scratch space for one multiplication; not shared between threads. */
  static final class Scratch {
    final int[] x = new int[8];
    final int[] y = new int[8];
    final int[] z = new int[8];
    final int[] ex = new int[8];
    final int[] ey = new int[8];
    final int[] t1 = new int[8];
    final int[] t2 = new int[8];
    final int[] t3 = new int[8];
    final int[] t4 = new int[8];
    final int[] t5 = new int[8];
    final int[] tt = new int[16];
    final long[] selected = new long[8];

    void wipe() {
      Arrays.fill(x, 0);
      Arrays.fill(y, 0);
      Arrays.fill(z, 0);
      Arrays.fill(ex, 0);
      Arrays.fill(ey, 0);
      Arrays.fill(t1, 0);
      Arrays.fill(t2, 0);
      Arrays.fill(t3, 0);
      Arrays.fill(t4, 0);
      Arrays.fill(t5, 0);
      Arrays.fill(tt, 0);
      Arrays.fill(selected, 0L);
    }
  }

  /**
   * Computes {@code k·G} for a secret {@code k} in [1, n-1] in constant time with respect to
   * {@code k}. On return {@code s.x}, {@code s.y} hold the affine result.
   *
   * @param k the scalar as 8 little-endian 32-bit words (read, not modified)
   * @return false if an exceptional addition case occurred (negligible probability); the result is
   *     then unusable and the caller must use another method
   */
  static boolean multiplySecret(int[] k, Scratch s) {
    int exceptional = 0;
    select(0, digit(k, 0), s.selected, s.x, s.y);
    Arrays.fill(s.z, 0);
    s.z[0] = 1;
    for (int i = 1; i < WINDOWS; i++) {
      select(i, digit(k, i), s.selected, s.ex, s.ey);
      exceptional |= addAffine(s, s.ex, s.ey);
    }
    exceptional |= addAffine(s, CORRECTION_X, CORRECTION_Y);
    if (exceptional != 0) {
      return false; // Z may be 0; the caller recomputes another way
    }
    toAffine(s);
    return true;
  }

  /** Window {@code i} of {@code k}: bits [6i, 6i+6). Positions are public; only values are secret. */
  private static int digit(int[] k, int i) {
    int bit = i * WINDOW_BITS;
    int word = bit >>> 5;
    int shift = bit & 31;
    int v = k[word] >>> shift;
    if (shift + WINDOW_BITS > 32 && word + 1 < 8) {
      v |= k[word + 1] << (32 - shift);
    }
    return v & MASK;
  }

  /** Copies entry (window, digit) into x, y by scanning the whole row and masking. */
  private static void select(int window, int digit, long[] selected, int[] x, int[] y) {
    Arrays.fill(selected, 0L);
    int base = window * ENTRIES * 8;
    for (int j = 0; j < ENTRIES; j++) {
      long mask = ((j ^ digit) - 1) >> 31; // all ones when j == digit, else 0 (both < 64)
      int e = base + j * 8;
      for (int m = 0; m < 8; m++) {
        selected[m] |= TABLE[e + m] & mask;
      }
    }
    unpack(selected, 0, x, y);
  }

  private static void unpack(long[] source, int offset, int[] x, int[] y) {
    for (int m = 0; m < 4; m++) {
      long lx = source[offset + m];
      long ly = source[offset + 4 + m];
      x[2 * m] = (int) lx;
      x[2 * m + 1] = (int) (lx >>> 32);
      y[2 * m] = (int) ly;
      y[2 * m + 1] = (int) (ly >>> 32);
    }
  }

  /**
   * (s.x, s.y, s.z) += (x2, y2) in Jacobian coordinates (madd: 8M + 3S). Returns 1 when the inputs
   * had equal x (doubling or inverse points, which this formula does not handle), else 0, without
   * branching on the values.
   */
  private static int addAffine(Scratch s, int[] x2, int[] y2) {
    int[] tt = s.tt;
    int[] z1z1 = s.t1;
    int[] h = s.t2;
    int[] r = s.t3;
    int[] hh = s.t4;
    int[] v = s.t5;
    SecP256K1Field.square(s.z, z1z1, tt); // Z1Z1 = Z1^2
    SecP256K1Field.multiply(x2, z1z1, h, tt); // U2 = x2·Z1Z1
    SecP256K1Field.subtract(h, s.x, h); // H = U2 - X1
    SecP256K1Field.multiply(z1z1, s.z, r, tt); // Z1^3
    SecP256K1Field.multiply(y2, r, r, tt); // S2 = y2·Z1^3
    SecP256K1Field.subtract(r, s.y, r); // r = S2 - Y1
    SecP256K1Field.multiply(s.z, h, s.z, tt); // Z3 = Z1·H
    SecP256K1Field.square(h, hh, tt); // HH = H^2
    SecP256K1Field.multiply(s.x, hh, v, tt); // V = X1·HH
    SecP256K1Field.multiply(h, hh, hh, tt); // HHH = H·HH (reuses hh)
    SecP256K1Field.multiply(s.y, hh, s.y, tt); // Y1·HHH
    SecP256K1Field.square(r, s.x, tt); // r^2
    SecP256K1Field.subtract(s.x, hh, s.x); // r^2 - HHH
    SecP256K1Field.subtract(s.x, v, s.x);
    SecP256K1Field.subtract(s.x, v, s.x); // X3 = r^2 - HHH - 2V
    SecP256K1Field.subtract(v, s.x, v); // V - X3
    SecP256K1Field.multiply(r, v, v, tt); // r·(V - X3)
    SecP256K1Field.subtract(v, s.y, s.y); // Y3 = r·(V - X3) - Y1·HHH
    int any = 0;
    for (int w = 0; w < 8; w++) {
      any |= h[w];
    }
    return ((any | -any) >>> 31) ^ 1;
  }

  private static void toAffine(Scratch s) {
    int[] zInv = s.t1;
    int[] zInv2 = s.t2;
    SecP256K1Field.inv(s.z, zInv);
    SecP256K1Field.square(zInv, zInv2, s.tt);
    SecP256K1Field.multiply(s.x, zInv2, s.x, s.tt);
    SecP256K1Field.multiply(zInv2, zInv, zInv2, s.tt);
    SecP256K1Field.multiply(s.y, zInv2, s.y, s.tt);
  }
}
