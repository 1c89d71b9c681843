package zone.dimo.sdk.signing.internal;

import org.jspecify.annotations.Nullable;

/**
 * Hexadecimal helpers shared by the signing packages. Not part of the supported API: it may change
 * without notice.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /**
   * Encodes {@code bytes} as lower-case hex with a {@code 0x} prefix.
   *
   * @param bytes the bytes to encode; not modified
   * @return {@code "0x"} followed by two lower-case hex digits per byte
   */
  public static String encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  /**
   * Encodes a slice of {@code bytes} as lower-case hex with a {@code 0x} prefix.
   *
   * @param bytes the array holding the slice
   * @param offset the index of the first byte
   * @param length the number of bytes
   * @return {@code "0x"} followed by two lower-case hex digits per byte
   */
  public static String encode(byte[] bytes, int offset, int length) {
    char[] out = new char[2 + 2 * length];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xff;
      out[2 + 2 * i] = DIGITS[b >>> 4];
      out[3 + 2 * i] = DIGITS[b & 0xf];
    }
    return new String(out);
  }

  /**
   * Returns the value of a hex digit, or -1 if {@code c} is not one.
   *
   * @param c a character
   * @return 0..15, or -1
   */
  public static int digit(char c) {
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

  /**
   * Whether {@code s} starts with {@code 0x} or {@code 0X}.
   *
   * @param s a string
   * @return true when the first two characters are a hex prefix
   */
  public static boolean hasPrefix(String s) {
    return s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X');
  }

  /**
   * Decodes hex digits (upper or lower case) from {@code s[from..]}; the number of digits must be
   * even.
   *
   * @param s the string
   * @param from index of the first digit
   * @return the decoded bytes, or {@code null} when a character is not a hex digit or the number of
   *     digits is odd (callers build their own message, so secrets are never echoed from here)
   */
  public static byte @Nullable [] decodeOrNull(String s, int from) {
    int n = s.length() - from;
    if (n < 0 || (n & 1) != 0) {
      return null;
    }
    byte[] out = new byte[n / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(s.charAt(from + 2 * i));
      int lo = digit(s.charAt(from + 2 * i + 1));
      if ((hi | lo) < 0) {
        return null;
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }
}
