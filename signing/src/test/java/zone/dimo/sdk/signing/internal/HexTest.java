package zone.dimo.sdk.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;


class HexTest {
  @Test
  void encode() {
    assertEquals("0x", Hex.encode(new byte[0]));
    assertEquals("0x00ff10", Hex.encode(new byte[] {0, -1, 16}));
    assertEquals("0xff", Hex.encode(new byte[] {0, -1, 16}, 1, 1));
  }

  @Test
  void decode() {
    assertArrayEquals(new byte[] {0, -1, 16}, Hex.decodeOrNull("0x00Ff10", 2));
    assertArrayEquals(new byte[0], Hex.decodeOrNull("0x", 2));
    assertNull(Hex.decodeOrNull("0x123", 2));
    assertNull(Hex.decodeOrNull("0xzz", 2));
    assertNull(Hex.decodeOrNull("0", 2));
  }

  @Test
  void digitAndPrefix() {
    assertEquals(10, Hex.digit('a'));
    assertEquals(15, Hex.digit('F'));
    assertEquals(-1, Hex.digit('g'));
    assertTrue(Hex.hasPrefix("0x"));
    assertTrue(Hex.hasPrefix("0X1"));
    assertFalse(Hex.hasPrefix("x0"));
    assertFalse(Hex.hasPrefix("0"));
  }
}
