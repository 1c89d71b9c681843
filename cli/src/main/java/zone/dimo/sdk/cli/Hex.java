package zone.dimo.sdk.cli;

/** 0x-prefixed hex, the form every value on the command line and in the output takes. */
final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Returns {@code 0x} followed by two lower-case hex digits per byte. */
  static String encode(byte[] bytes) {
    char[] out = new char[2 + bytes.length * 2];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      out[2 + 2 * i] = DIGITS[(bytes[i] >>> 4) & 0xf];
      out[3 + 2 * i] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * Decodes {@code 0x}-prefixed hex with an even number of digits (either case; {@code "0x"} is
   * the empty byte string).
   *
   * @throws IllegalArgumentException naming what is wrong, never echoing the input (it may be a
   *     secret)
   */
  static byte[] decodePrefixed(String hex) {
    if (!hex.startsWith("0x") && !hex.startsWith("0X")) {
      throw new IllegalArgumentException("expected 0x-prefixed hex");
    }
    return decodeDigits(hex, 2);
  }

  /** Decodes the hex digits of {@code hex} from {@code start} on; see {@link #decodePrefixed}. */
  static byte[] decodeDigits(CharSequence hex, int start) {
    int digits = hex.length() - start;
    if (digits % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits");
    }
    byte[] out = new byte[digits / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(hex.charAt(start + 2 * i));
      int lo = digit(hex.charAt(start + 2 * i + 1));
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException("not a hex digit at position " + (start + 2 * i + (hi < 0 ? 0 : 1)));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  // ASCII only: Character.digit would also accept e.g. full-width and Arabic-Indic digits.
  static int digit(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
