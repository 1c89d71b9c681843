package zone.dimo.sdk.sandbox.internal;

import java.security.SecureRandom;

/** Random identifiers shaped like the service's (27-character KSUIDs, 32-byte hashes). */
final class Ids {
  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** 27 base-62 characters, like a KSUID (user device ids, geofence ids, request ids). */
  static String ksuid() {
    char[] out = new char[27];
    for (int i = 0; i < out.length; i++) {
      out[i] = BASE62[RANDOM.nextInt(BASE62.length)];
    }
    return new String(out);
  }

  /** {@code 0x} and 64 hex digits, like a transaction hash. */
  static String hash32() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return hex(bytes);
  }

  static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static String hex(byte[] bytes) {
    char[] out = new char[2 + bytes.length * 2];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[3 + 2 * i] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
