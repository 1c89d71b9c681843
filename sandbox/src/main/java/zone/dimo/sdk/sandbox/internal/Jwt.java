package zone.dimo.sdk.sandbox.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JSON Web Tokens with a per-sandbox random secret. Enough for an emulator: the SDK treats
 * tokens as opaque strings and only reads {@code exp}; the sandbox verifies its own tokens.
 */
final class Jwt {
  private static final String HEADER =
      base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final byte[] secret;

  Jwt(byte[] secret) {
    this.secret = secret.clone();
  }

  String sign(Map<String, Object> claims) {
    String payload = base64Url(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    String signingInput = HEADER + "." + payload;
    return signingInput + "." + base64Url(mac(signingInput));
  }

  /**
   * Returns the claims of a token this sandbox signed and that has not expired at {@code now},
   * or null.
   */
  Map<String, Object> verify(String token, Instant now) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    byte[] expected = mac(parts[0] + "." + parts[1]);
    byte[] actual;
    Object parsedHeader;
    Object claims;
    try {
      actual = Base64.getUrlDecoder().decode(parts[2]);
      parsedHeader = Json.parse(Base64.getUrlDecoder().decode(parts[0]));
      claims = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IllegalArgumentException | Json.ParseException e) {
      return null;
    }
    if (!MessageDigest.isEqual(expected, actual)) {
      return null;
    }
    if (!(parsedHeader instanceof Map) || !"HS256".equals(((Map<?, ?>) parsedHeader).get("alg"))) {
      return null;
    }
    if (!(claims instanceof Map)) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) claims);
    Object exp = map.get("exp");
    if (!(exp instanceof BigDecimal)) {
      return null;
    }
    if (((BigDecimal) exp).compareTo(BigDecimal.valueOf(now.getEpochSecond())) <= 0) {
      return null;
    }
    return map;
  }

  private byte[] mac(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
