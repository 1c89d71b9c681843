package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class HexConvertersTest {
  @Test
  void anyLengthAcceptsEmpty() {
    assertArrayEquals(new byte[0], new HexConverters.AnyLength().convert("0x").bytes());
  }

  @Test
  void digestNeedsExactly32Bytes() {
    assertEquals(32, new HexConverters.Digest().convert("0x" + "ab".repeat(32)).bytes().length);
    assertEquals(
        "expected 32 bytes (0x + 64 hex digits), got 33",
        assertThrows(TypeConversionException.class, () -> new HexConverters.Digest().convert("0x" + "ab".repeat(33))).getMessage());
  }

  @Test
  void malformedHexIsAConversionError() {
    assertEquals("odd number of hex digits", assertThrows(TypeConversionException.class, () -> new HexConverters.AnyLength().convert("0x1")).getMessage());
  }
}
