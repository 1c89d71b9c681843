package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zone.dimo.sdk.signing.TestVectors.toHex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Keccak256Test {
  @Test
  void emptyInput() {
    assertEquals(
        "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        toHex(Keccak256.hash(new byte[0])));
  }

  @Test
  void abc() {
    assertEquals(
        "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        toHex(Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void isNotSha3() throws Exception {
    byte[] sha3 = MessageDigest.getInstance("SHA3-256").digest(new byte[0]);
    assertEquals("0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", toHex(sha3));
    assertNotEquals(toHex(sha3), toHex(Keccak256.hash(new byte[0])));
  }

  @Test
  void longInputAcrossBlocks() {
    byte[] input = new byte[1000];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) i;
    }
    byte[] whole = Keccak256.hash(input);
    byte[] padded = new byte[1010];
    System.arraycopy(input, 0, padded, 5, 1000);
    assertArrayEquals(whole, Keccak256.hash(padded, 5, 1000));
  }

  @Test
  void rangeOverload() {
    byte[] buffer = "xxabcyy".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(
        Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII)), Keccak256.hash(buffer, 2, 3));
  }

  @Test
  void doesNotModifyInput() {
    byte[] input = {1, 2, 3};
    Keccak256.hash(input);
    assertArrayEquals(new byte[] {1, 2, 3}, input);
  }

  @Test
  void badArguments() {
    assertEquals("input == null", assertThrows(NullPointerException.class, () -> Keccak256.hash(null)).getMessage());
    assertEquals("in == null", assertThrows(NullPointerException.class, () -> Keccak256.hash(null, 0, 0)).getMessage());
    assertEquals(
        "off=2, len=2, in.length=3",
        assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(new byte[3], 2, 2)).getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(new byte[3], -1, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak256.hash(new byte[3], 0, -1));
  }
}
