package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtTest {
  private final Jwt jwt = new Jwt(new byte[32]);
  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

  private Map<String, Object> claims(long exp) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("sub", "me");
    c.put("exp", exp);
    return c;
  }

  @Test
  void signsAndVerifies() {
    String token = jwt.sign(claims(now.getEpochSecond() + 60));
    assertEquals("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", token.split("\\.")[0]);
    Map<String, Object> verified = jwt.verify(token, now);
    assertEquals("me", verified.get("sub"));
    assertEquals(new BigDecimal(now.getEpochSecond() + 60), verified.get("exp"));
  }

  @Test
  void refusesExpiredTamperedForeignAndMalformedTokens() {
    assertNull(jwt.verify(jwt.sign(claims(now.getEpochSecond())), now), "exp == now is expired");
    String token = jwt.sign(claims(now.getEpochSecond() + 60));
    String[] parts = token.split("\\.");
    assertNull(jwt.verify(parts[0] + "." + Jwt.base64Url("{\"sub\":\"you\",\"exp\":9999999999}".getBytes()) + "." + parts[2], now));
    assertNull(new Jwt(new byte[] {1}).verify(token, now));
    assertNull(jwt.verify("a.b", now));
    assertNull(jwt.verify("!!.??.**", now));
    Map<String, Object> noExp = new LinkedHashMap<>();
    noExp.put("sub", "me");
    assertNull(jwt.verify(jwt.sign(noExp), now));
  }
}
