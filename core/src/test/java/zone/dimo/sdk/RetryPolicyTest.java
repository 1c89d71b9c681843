package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

  @Test
  void defaults() {
    RetryPolicy policy = RetryPolicy.defaults();
    assertEquals(2, policy.maxRetries());
    assertEquals(Duration.ofMillis(500), policy.initialBackoff());
    assertEquals(Duration.ofSeconds(8), policy.maxBackoff());
    assertEquals(Duration.ofSeconds(60), policy.maxRetryAfter());
    assertEquals(0, RetryPolicy.none().maxRetries());
    assertEquals("RetryPolicy{maxRetries=2, initialBackoff=PT0.5S, maxBackoff=PT8S, maxRetryAfter=PT1M}",
        policy.toString());
  }

  @Test
  void backoffDoublesUpToTheCapAndJitterRemovesAtMostHalf() {
    RetryPolicy policy = RetryPolicy.defaults();
    assertEquals(Duration.ofMillis(500), policy.backoff(1, 0.0));
    assertEquals(Duration.ofMillis(1000), policy.backoff(2, 0.0));
    assertEquals(Duration.ofMillis(2000), policy.backoff(3, 0.0));
    assertEquals(Duration.ofSeconds(8), policy.backoff(10, 0.0));
    assertEquals(Duration.ofMillis(250), policy.backoff(1, 1.0));
    assertEquals(Duration.ofMillis(750), policy.backoff(2, 0.5));
  }

  @Test
  void retryAfterInSecondsOrHttpDate() {
    assertEquals(Duration.ofSeconds(3), RetryPolicy.parseRetryAfter("3", NOW));
    assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter(" 0 ", NOW));
    assertEquals(Duration.ofSeconds(90),
        RetryPolicy.parseRetryAfter("Fri, 27 Nov 2026 06:01:30 GMT", NOW));
    assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("Fri, 27 Nov 2026 05:00:00 GMT", NOW));
    assertNull(RetryPolicy.parseRetryAfter(null, NOW));
    assertNull(RetryPolicy.parseRetryAfter("", NOW));
    assertNull(RetryPolicy.parseRetryAfter("-5", NOW));
    assertNull(RetryPolicy.parseRetryAfter("soon", NOW));
  }

  @Test
  void retryableStatuses() {
    assertTrue(RetryPolicy.isRetryableStatus(429));
    assertTrue(RetryPolicy.isRetryableStatus(500));
    assertTrue(RetryPolicy.isRetryableStatus(502));
    assertTrue(RetryPolicy.isRetryableStatus(503));
    assertFalse(RetryPolicy.isRetryableStatus(501));
    assertFalse(RetryPolicy.isRetryableStatus(409));
    assertFalse(RetryPolicy.isRetryableStatus(408));
    assertFalse(RetryPolicy.isRetryableStatus(400));
  }

  @Test
  void builderValidatesAndNewBuilderRoundTrips() {
    RetryPolicy custom = RetryPolicy.builder().maxRetries(5).initialBackoff(Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(40)).maxRetryAfter(Duration.ofSeconds(5)).build();
    assertEquals(custom, custom.newBuilder().build());
    assertEquals(custom.hashCode(), custom.newBuilder().build().hashCode());
    assertNotEquals(RetryPolicy.defaults(), custom);
    assertEquals(Duration.ofMillis(40), custom.backoff(4, 0.0));

    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().maxRetries(11));
    assertEquals("maxRetries must be in 0..10: 11", tooMany.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)));
    assertEquals("initialBackoff < 0: PT-0.001S", negative.getMessage());
    NullPointerException nul = assertThrows(NullPointerException.class,
        () -> RetryPolicy.builder().maxBackoff(null));
    assertEquals("maxBackoff == null", nul.getMessage());
  }
}
