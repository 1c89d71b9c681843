package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtTest {
  @Test
  void readsExp() {
    assertEquals(Instant.ofEpochSecond(1_800_000_000L), Jwt.expiry(TestSupport.jwt("a", 1_800_000_000L)));
  }

  @Test
  void paddedPayloadIsAccepted() {
    String[] parts = TestSupport.jwt("ab", 1_700_000_000L).split("\\.");
    String padded = parts[0] + "." + parts[1] + "==." + parts[2];
    assertEquals(Instant.ofEpochSecond(1_700_000_000L), Jwt.expiry(padded));
  }

  @Test
  void notAJwtGivesNull() {
    assertNull(Jwt.expiry("opaque-token"));
    assertNull(Jwt.expiry("a.b.c"));
    assertNull(Jwt.expiry(null));
    // payload {"sub":"x"}: no exp
    assertNull(Jwt.expiry("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
    // payload {"exp":"soon"}: not a number
    assertNull(Jwt.expiry("eyJhbGciOiJub25lIn0.eyJleHAiOiJzb29uIn0."));
  }

  @Test
  void expNoInstantCanHoldIsRefused() {
    // {"exp":9223372036854775808} (2^63, no long holds it) and {"exp":9223372036854775807}
    // (a long, but beyond Instant.MAX)
    for (String exp : new String[] {"9223372036854775808", "9223372036854775807"}) {
      String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
          ("{\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
      assertEquals("exp is out of range", assertThrows(IllegalArgumentException.class,
          () -> Jwt.expiry("eyJhbGciOiJub25lIn0." + payload + ".")).getMessage());
    }
  }
}
