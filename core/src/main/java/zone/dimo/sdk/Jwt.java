package zone.dimo.sdk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import okio.Buffer;

/** Reads the expiry of a JWT without verifying it (the issuer verifies; we only schedule). */
final class Jwt {
  private Jwt() {
  }

  /** The payload's {@code exp} claim, or null when the token is not a readable JWT. */
  static Instant expiry(String token) {
    if (token == null) {
      return null;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(stripPadding(parts[1]));
      Map<String, Object> claims = ExactJson.readObject(new Buffer().write(payload), "JWT payload");
      Object exp = claims.get("exp");
      if (exp instanceof BigInteger) {
        return Instant.ofEpochSecond(((BigInteger) exp).longValueExact());
      }
      if (exp instanceof BigDecimal) {
        return Instant.ofEpochSecond(((BigDecimal) exp).longValue());
      }
      return null;
    } catch (IllegalArgumentException | ArithmeticException e) {
      // Deliberately no detail: the text being parsed is a credential.
      return null;
    }
  }

  private static String stripPadding(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '=') {
      end--;
    }
    return s.substring(0, end);
  }
}
