package zone.dimo.sdk.signing;

import org.jspecify.annotations.Nullable;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Field;
import org.bouncycastle.math.ec.endo.GLVEndomorphism;
import org.bouncycastle.math.raw.Mod;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.math.raw.Nat;

/**
 * {@code u1·G + u2·R} for PUBLIC scalars and points only (signature recovery and verification):
 * VARIABLE TIME. Branches and table indices depend on the scalars, so nothing here may ever see a
 * private key or a nonce; signing uses {@link FixedBase}.
 *
 * <p>Both scalars are split with the GLV endomorphism ({@code k = a + b·λ}, {@code λ·(x, y) =
 * (β·x, y)}) into four ~128-bit halves, so the four width-w NAF streams share 128 doublings instead
 * of 256. G's streams use wide tables of odd multiples of G and λ·G built once (width 12: a point
 * addition every ~13 bits instead of every ~6 with Bouncy Castle's width 5); R's use a small
 * table built per call. All tables are affine, so each addition is a mixed Jacobian-affine one.
 * The field arithmetic is Bouncy Castle's secp256k1 code on plain {@code int[]} limbs, without
 * allocating field elements; inversions use the variable-time safegcd.
 */
final class PublicMultiply {
  /** wNAF width of the G and λ·G streams; the tables hold 2^(G_WIDTH-2) points each. */
  static final int G_WIDTH = 12;
  /** wNAF width of the R and λ·R streams. */
  static final int R_WIDTH = 5;

  private static final int[] P_WORDS = Nat256.fromBigInteger(Secp256k1.P);
  /** The cube root of unity mod p that goes with Bouncy Castle's secp256k1 GLV parameters. */
  static final int[] BETA =
      Nat256.fromBigInteger(
          new BigInteger("7ae96a2b657c07106e64479eac3434e99cf0497512f58995c1396c28719501ee", 16));

  private static final GLVEndomorphism GLV = (GLVEndomorphism) Secp256k1.CURVE.getEndomorphism();

  private PublicMultiply() {}

  /** Affine odd multiples of G and of λ·G for one wNAF width. Immutable. */
  static final class GTables {
    final int width;
    final int[] g;
    final int[] lambdaG;

    GTables(int width) {
      ECPoint generator = Secp256k1.G;
      int[] gx = Nat256.fromBigInteger(generator.getAffineXCoord().toBigInteger());
      int[] gy = Nat256.fromBigInteger(generator.getAffineYCoord().toBigInteger());
      this.width = width;
      this.g = oddMultiples(gx, gy, 1 << (width - 2), new Work());
      this.lambdaG = lambdaTable(g);
    }
  }

  /** The wide tables, built on first use (about ten milliseconds in a cold JVM). */
  private static final class Wide {
    static final GTables TABLES = new GTables(G_WIDTH);
  }

  /** Scratch for one computation; never shared between threads. */
  static final class Work {
    final int[] x = new int[8];
    final int[] y = new int[8];
    final int[] z = new int[8];
    final int[] px = new int[8];
    final int[] py = new int[8];
    final int[] t1 = new int[8];
    final int[] t2 = new int[8];
    final int[] t3 = new int[8];
    final int[] t4 = new int[8];
    final int[] t5 = new int[8];
    final int[] tt = new int[16];
    boolean infinity;
  }

  /**
   * Computes {@code u1·G + u2·(rx, ry)}.
   *
   * @param u1 a scalar in [0, n-1]
   * @param rx affine x of a curve point R (8 little-endian words)
   * @param ry affine y of R
   * @param u2 a scalar in [0, n-1]
   * @return the affine result as 16 words (x then y), or null for the point at infinity
   */
  static int @Nullable [] sumOfTwoMultiplies(BigInteger u1, int[] rx, int[] ry, BigInteger u2) {
    return sumOfTwoMultiplies(Wide.TABLES, u1, rx, ry, u2);
  }

  /**
   * As {@link #sumOfTwoMultiplies(BigInteger, int[], int[], BigInteger)} with given G tables (of any
   * width from 2 to 16).
   */
  static int @Nullable [] sumOfTwoMultiplies(
      GTables gTables, BigInteger u1, int[] rx, int[] ry, BigInteger u2) {
    BigInteger[] ab1 = GLV.decomposeScalar(u1);
    BigInteger[] ab2 = GLV.decomposeScalar(u2);
    int gWidth = gTables.width;
    int[][] nafs = {
      wnaf(ab1[0], gWidth), wnaf(ab1[1], gWidth), wnaf(ab2[0], R_WIDTH), wnaf(ab2[1], R_WIDTH)
    };
    boolean[] negative = {
      ab1[0].signum() < 0, ab1[1].signum() < 0, ab2[0].signum() < 0, ab2[1].signum() < 0
    };
    Work w = new Work();
    int[] rTable = oddMultiples(rx, ry, 1 << (R_WIDTH - 2), w);
    int[][] tables = {gTables.g, gTables.lambdaG, rTable, lambdaTable(rTable)};

    int top = 0;
    for (int[] naf : nafs) {
      top = Math.max(top, naf.length);
    }
    w.infinity = true;
    for (int i = top - 1; i >= 0; i--) {
      if (!w.infinity) {
        twice(w);
      }
      for (int s = 0; s < 4; s++) {
        int[] naf = nafs[s];
        if (i < naf.length && naf[i] != 0) {
          int digit = naf[i];
          int index = ((digit < 0 ? -digit : digit) - 1) >>> 1;
          int[] table = tables[s];
          System.arraycopy(table, index * 16, w.px, 0, 8);
          System.arraycopy(table, index * 16 + 8, w.py, 0, 8);
          if ((digit < 0) != negative[s]) {
            SecP256K1Field.negate(w.py, w.py);
          }
          addAffine(w, w.px, w.py);
        }
      }
    }
    if (w.infinity) {
      return null;
    }
    int[] zInverse = w.t1;
    int[] zInverse2 = w.t2;
    Mod.checkedModOddInverseVar(P_WORDS, w.z, zInverse);
    SecP256K1Field.square(zInverse, zInverse2, w.tt);
    int[] out = new int[16];
    int[] ox = new int[8];
    int[] oy = new int[8];
    SecP256K1Field.multiply(w.x, zInverse2, ox, w.tt);
    SecP256K1Field.multiply(zInverse2, zInverse, zInverse2, w.tt);
    SecP256K1Field.multiply(w.y, zInverse2, oy, w.tt);
    System.arraycopy(ox, 0, out, 0, 8);
    System.arraycopy(oy, 0, out, 8, 8);
    return out;
  }

  /**
   * The width-w NAF of |k|, least significant digit first: odd digits in (-2^(w-1), 2^(w-1)) or 0,
   * at least w-1 zeros after each non-zero digit.
   */
  static int[] wnaf(BigInteger k, int width) {
    BigInteger magnitude = k.abs();
    int length = magnitude.bitLength() + 1;
    int[] words = Nat256.fromBigInteger(magnitude);
    int[] naf = new int[length];
    int carry = 0;
    int bit = 0;
    while (bit < length) {
      if (bits(words, bit, 1) == carry) {
        bit++;
        continue;
      }
      int now = Math.min(width, length - bit);
      int word = bits(words, bit, now) + carry;
      carry = (word >>> (width - 1)) & 1;
      word -= carry << width;
      naf[bit] = word;
      bit += now;
    }
    return naf;
  }

  /** Bits [from, from+count) of a 256-bit little-endian number (count at most 16). */
  private static int bits(int[] words, int from, int count) {
    if (from >= 256) {
      return 0;
    }
    int word = from >>> 5;
    int shift = from & 31;
    long v = (words[word] & 0xffffffffL) >>> shift;
    if (shift + count > 32 && word + 1 < 8) {
      v |= (words[word + 1] & 0xffffffffL) << (32 - shift);
    }
    return (int) v & ((1 << count) - 1);
  }

  /**
   * The affine points P, 3P, 5P, ... ((2·count-1)·P) of an affine point P of order n, 16 words each
   * (x then y).
   */
  static int[] oddMultiples(int[] px, int[] py, int count, Work w) {
    int[] out = new int[count * 16];
    System.arraycopy(px, 0, out, 0, 8);
    System.arraycopy(py, 0, out, 8, 8);
    if (count == 1) {
      return out;
    }
    // D = 2P in Jacobian (X, Y, Z). On the isomorphic curve y² = x³ + 7·Z⁶, reached by
    // (x, y) -> (x·Z², y·Z³), D is the affine point (X, Y), so each step below is a mixed addition
    // without inverting Z (the addition formula does not involve the curve constant). A point
    // (X', Y', Z') there is (X', Y', Z'·Z) on secp256k1.
    set(w, px, py);
    twice(w);
    int[] dx = w.x.clone();
    int[] dy = w.y.clone();
    int[] dz = w.z.clone();
    int[] zz = new int[8];
    int[] isoX = new int[8];
    int[] isoY = new int[8];
    SecP256K1Field.square(dz, zz, w.tt);
    SecP256K1Field.multiply(px, zz, isoX, w.tt);
    SecP256K1Field.multiply(zz, dz, zz, w.tt);
    SecP256K1Field.multiply(py, zz, isoY, w.tt);

    // (2i+1)·P for i >= 1; P has order n, so (2i+1)·P is never ±2P and the additions are never
    // exceptional.
    int[] zs = new int[count * 8];
    set(w, isoX, isoY);
    int[] z = new int[8];
    for (int i = 1; i < count; i++) {
      addAffine(w, dx, dy);
      System.arraycopy(w.x, 0, out, i * 16, 8);
      System.arraycopy(w.y, 0, out, i * 16 + 8, 8);
      SecP256K1Field.multiply(w.z, dz, z, w.tt);
      System.arraycopy(z, 0, zs, i * 8, 8);
    }
    zs[0] = 1; // entry 0 is P itself, affine already
    int[] zInverse = w.t1;
    int[] zInverse2 = w.t2;

    // Montgomery's trick: one inversion for all Z.
    int[] prefix = new int[count * 8];
    System.arraycopy(zs, 0, prefix, 0, 8);
    int[] a = w.t3;
    int[] b = w.t4;
    for (int i = 1; i < count; i++) {
      System.arraycopy(prefix, (i - 1) * 8, a, 0, 8);
      System.arraycopy(zs, i * 8, b, 0, 8);
      SecP256K1Field.multiply(a, b, a, w.tt);
      System.arraycopy(a, 0, prefix, i * 8, 8);
    }
    int[] inverse = w.t5; // inverse of the running product
    System.arraycopy(prefix, (count - 1) * 8, a, 0, 8);
    Mod.checkedModOddInverseVar(P_WORDS, a, inverse);
    for (int i = count - 1; i >= 1; i--) {
      // 1/z_i = inverse · prefix_{i-1}; then inverse becomes 1/prefix_{i-1}.
      System.arraycopy(prefix, (i - 1) * 8, a, 0, 8);
      SecP256K1Field.multiply(inverse, a, zInverse, w.tt);
      System.arraycopy(zs, i * 8, b, 0, 8);
      SecP256K1Field.multiply(inverse, b, inverse, w.tt);
      SecP256K1Field.square(zInverse, zInverse2, w.tt);
      System.arraycopy(out, i * 16, a, 0, 8);
      SecP256K1Field.multiply(a, zInverse2, a, w.tt);
      System.arraycopy(a, 0, out, i * 16, 8);
      SecP256K1Field.multiply(zInverse2, zInverse, zInverse2, w.tt);
      System.arraycopy(out, i * 16 + 8, a, 0, 8);
      SecP256K1Field.multiply(a, zInverse2, a, w.tt);
      System.arraycopy(a, 0, out, i * 16 + 8, 8);
    }
    return out;
  }

  /** The table of λ·P for each P of an affine table: (β·x, y). */
  private static int[] lambdaTable(int[] table) {
    int[] out = new int[table.length];
    int[] x = new int[8];
    int[] tt = new int[16];
    for (int e = 0; e < table.length; e += 16) {
      System.arraycopy(table, e, x, 0, 8);
      SecP256K1Field.multiply(x, BETA, x, tt);
      System.arraycopy(x, 0, out, e, 8);
      System.arraycopy(table, e + 8, out, e + 8, 8);
    }
    return out;
  }

  static void set(Work w, int[] x, int[] y) {
    System.arraycopy(x, 0, w.x, 0, 8);
    System.arraycopy(y, 0, w.y, 0, 8);
    java.util.Arrays.fill(w.z, 0);
    w.z[0] = 1;
    w.infinity = false;
  }

  /**
   * (x, y, z) = 2·(x, y, z) in Jacobian coordinates on y² = x³ + 7 (3M + 4S; the small multiples
   * are shifts).
   */
  static void twice(Work w) {
    int[] tt = w.tt;
    int[] y2 = w.t1;
    int[] t = w.t2;
    int[] m = w.t3;
    int[] s = w.t4;
    int c;
    SecP256K1Field.square(w.y, y2, tt); // Y1²
    SecP256K1Field.square(y2, t, tt); // T = Y1⁴
    SecP256K1Field.square(w.x, m, tt);
    c = Nat256.addBothTo(m, m, m);
    SecP256K1Field.reduce32(c, m); // M = 3·X1²
    SecP256K1Field.multiply(y2, w.x, s, tt);
    c = Nat.shiftUpBits(8, s, 2, 0);
    SecP256K1Field.reduce32(c, s); // S = 4·X1·Y1²
    c = Nat.shiftUpBits(8, t, 3, 0);
    SecP256K1Field.reduce32(c, t); // 8·T
    SecP256K1Field.multiply(w.y, w.z, w.z, tt);
    SecP256K1Field.twice(w.z, w.z); // Z3 = 2·Y1·Z1
    SecP256K1Field.square(m, w.x, tt);
    SecP256K1Field.subtract(w.x, s, w.x);
    SecP256K1Field.subtract(w.x, s, w.x); // X3 = M² - 2·S
    SecP256K1Field.subtract(s, w.x, s);
    SecP256K1Field.multiply(s, m, w.y, tt);
    SecP256K1Field.subtract(w.y, t, w.y); // Y3 = M·(S - X3) - 8·T
  }

  /**
   * (x, y, z) += (x2, y2) with an affine (x2, y2) (madd: 8M + 3S), including the cases the formula
   * does not cover: an accumulator at infinity, equal points (doubling) and opposite points.
   */
  static void addAffine(Work w, int[] x2, int[] y2) {
    if (w.infinity) {
      set(w, x2, y2);
      return;
    }
    int[] tt = w.tt;
    int[] z1z1 = w.t1;
    int[] h = w.t2;
    int[] r = w.t3;
    int[] hh = w.t4;
    int[] v = w.t5;
    SecP256K1Field.square(w.z, z1z1, tt); // Z1Z1 = Z1²
    SecP256K1Field.multiply(x2, z1z1, h, tt); // U2 = x2·Z1Z1
    SecP256K1Field.subtract(h, w.x, h); // H = U2 - X1
    SecP256K1Field.multiply(z1z1, w.z, r, tt); // Z1³
    SecP256K1Field.multiply(y2, r, r, tt); // S2 = y2·Z1³
    SecP256K1Field.subtract(r, w.y, r); // r = S2 - Y1
    if (SecP256K1Field.isZero(h) != 0) {
      if (SecP256K1Field.isZero(r) != 0) {
        twice(w); // the same point
      } else {
        w.infinity = true; // opposite points
      }
      return;
    }
    SecP256K1Field.multiply(w.z, h, w.z, tt); // Z3 = Z1·H
    SecP256K1Field.square(h, hh, tt); // HH = H²
    SecP256K1Field.multiply(w.x, hh, v, tt); // V = X1·HH
    SecP256K1Field.multiply(h, hh, hh, tt); // HHH = H·HH
    SecP256K1Field.multiply(w.y, hh, w.y, tt); // Y1·HHH
    SecP256K1Field.square(r, w.x, tt); // r²
    SecP256K1Field.subtract(w.x, hh, w.x);
    SecP256K1Field.subtract(w.x, v, w.x);
    SecP256K1Field.subtract(w.x, v, w.x); // X3 = r² - HHH - 2·V
    SecP256K1Field.subtract(v, w.x, v);
    SecP256K1Field.multiply(r, v, v, tt); // r·(V - X3)
    SecP256K1Field.subtract(v, w.y, w.y); // Y3 = r·(V - X3) - Y1·HHH
  }
}
