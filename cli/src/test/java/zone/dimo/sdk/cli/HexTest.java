package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void encodesLowerCaseWithPrefix() {
    assertEquals("0x00ff7f80", Hex.encode(new byte[] {0, -1, 127, -128}));
    assertEquals("0x", Hex.encode(new byte[0]));
  }

  @Test
  void decodesEitherCase() {
    assertArrayEquals(new byte[] {0, -1, -85}, Hex.decodePrefixed("0x00FFab"));
    assertArrayEquals(new byte[] {-85}, Hex.decodePrefixed("0XaB"));
    assertArrayEquals(new byte[0], Hex.decodePrefixed("0x"));
  }

  @Test
  void refusesMalformedHexWithoutQuotingIt() {
    assertEquals("expected 0x-prefixed hex", assertThrows(IllegalArgumentException.class, () -> Hex.decodePrefixed("abcd")).getMessage());
    assertEquals("odd number of hex digits", assertThrows(IllegalArgumentException.class, () -> Hex.decodePrefixed("0xabc")).getMessage());
    assertEquals("not a hex digit at position 3", assertThrows(IllegalArgumentException.class, () -> Hex.decodePrefixed("0xag")).getMessage());
  }

  @Test
  void refusesNonAsciiDigits() {
    // Character.digit would read these as 3 and 4.
    assertThrows(IllegalArgumentException.class, () -> Hex.decodePrefixed("0x٣٤"));
    assertThrows(IllegalArgumentException.class, () -> Hex.decodePrefixed("0x１２"));
  }
}
