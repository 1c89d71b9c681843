package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;
import org.junit.jupiter.api.Test;

class FixedBaseTest {
  private static List<BigInteger> scalars() {
    List<BigInteger> out = new ArrayList<>();
    BigInteger n = Secp256k1.N;
    out.add(BigInteger.ONE);
    out.add(BigInteger.TWO);
    out.add(BigInteger.valueOf(63));
    out.add(BigInteger.valueOf(64));
    out.add(n.subtract(BigInteger.ONE));
    out.add(n.subtract(BigInteger.TWO));
    out.add(Secp256k1.HALF_N);
    out.add(BigInteger.ONE.shiftLeft(255));
    out.add(BigInteger.ONE.shiftLeft(252));
    out.add(BigInteger.ONE.shiftLeft(252).subtract(BigInteger.ONE)); // every 6-bit digit 63
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[32];
      for (int j = 0; j < 32; j++) {
        bytes[j] = (byte) random.nextInt(256);
      }
      BigInteger k = new BigInteger(1, bytes).mod(n);
      if (k.signum() > 0) {
        out.add(k);
      }
    }
    return out;
  }

  @Test
  void multiplicationMatchesBouncyCastle() {
    FixedBase.Scratch scratch = new FixedBase.Scratch();
    for (BigInteger k : scalars()) {
      ECPoint expected = Secp256k1.G.multiply(k).normalize();
      BigInteger x = expected.getAffineXCoord().toBigInteger();
      BigInteger y = expected.getAffineYCoord().toBigInteger();
      assertTrue(FixedBase.multiplySecret(Nat256.fromBigInteger(k), scratch), k.toString(16));
      assertEquals(x, Nat256.toBigInteger(scratch.x), k.toString(16));
      assertEquals(y, Nat256.toBigInteger(scratch.y), k.toString(16));
      assertEquals(expected, Secp256k1.multiplyGSlow(k));
    }
  }

  @Test
  void wipeClearsScratch() {
    FixedBase.Scratch scratch = new FixedBase.Scratch();
    FixedBase.multiplySecret(Nat256.fromBigInteger(BigInteger.TEN), scratch);
    scratch.wipe();
    assertEquals(BigInteger.ZERO, Nat256.toBigInteger(scratch.x));
    assertEquals(BigInteger.ZERO, Nat256.toBigInteger(scratch.y));
    assertEquals(BigInteger.ZERO, Nat256.toBigInteger(scratch.z));
  }

  @Test
  void tableShape() {
    assertEquals(43, FixedBase.WINDOWS);
    assertEquals(64, FixedBase.ENTRIES);
  }
}
