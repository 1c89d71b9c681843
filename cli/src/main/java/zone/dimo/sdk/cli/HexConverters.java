package zone.dimo.sdk.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters for hex values; a malformed value is a usage error (exit status 2). */
final class HexConverters {
  private HexConverters() {}

  /** Any number of bytes, {@code 0x}-prefixed ({@code 0x} alone is the empty message). */
  static final class AnyLength implements ITypeConverter<HexBytes> {
    @Override
    public HexBytes convert(String value) {
      return decode(value, -1);
    }
  }

  /** Exactly 32 bytes: a digest. */
  static final class Digest implements ITypeConverter<HexBytes> {
    @Override
    public HexBytes convert(String value) {
      return decode(value, 32);
    }
  }

  private static HexBytes decode(String value, int expectedLength) {
    byte[] bytes;
    try {
      bytes = Hex.decodePrefixed(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
    if (expectedLength >= 0 && bytes.length != expectedLength) {
      throw new TypeConversionException(
          "expected " + expectedLength + " bytes (0x + " + 2 * expectedLength + " hex digits), got " + bytes.length);
    }
    return new HexBytes(bytes);
  }
}
