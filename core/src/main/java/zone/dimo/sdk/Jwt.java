package zone.dimo.sdk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Reads the expiry of a JWT without verifying it (the issuer verifies; we only schedule). */
final class Jwt {
  private Jwt() {
  }

  /**
   * The payload's {@code exp} claim, or null when the token is not a readable JWT or has no
   * numeric {@code exp}.
   *
   * @throws IllegalArgumentException when {@code exp} is a number no instant can hold
   */
  static @Nullable Instant expiry(@Nullable String token) {
    if (token == null) {
      return null;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    Object exp;
    try {
      byte[] payload = Base64.getUrlDecoder().decode(stripPadding(parts[1]));
      Map<String, Object> claims = ExactJson.readObject(new Buffer().write(payload), "JWT payload");
      exp = claims.get("exp");
    } catch (IllegalArgumentException e) {
      // Deliberately no detail: the text being parsed is a credential.
      return null;
    }
    if (!(exp instanceof BigInteger) && !(exp instanceof BigDecimal)) {
      return null;
    }
    BigInteger seconds = exp instanceof BigInteger ? (BigInteger) exp
        : ((BigDecimal) exp).toBigInteger();
    // bitLength, not longValueExact(): that one is Android API 31, our floor is 26
    if (seconds.bitLength() >= 64) {
      throw new IllegalArgumentException("exp is out of range");
    }
    try {
      return Instant.ofEpochSecond(seconds.longValue());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("exp is out of range");
    }
  }

  /** The payload's claims, or null when the token is not a readable JWT. */
  static @Nullable Map<String, Object> claims(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(stripPadding(parts[1]));
      return ExactJson.readObject(new Buffer().write(payload), "JWT payload");
    } catch (IllegalArgumentException e) {
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
