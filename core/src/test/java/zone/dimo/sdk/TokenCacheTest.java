package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import zone.dimo.sdk.errors.DimoAuthenticationException;
import zone.dimo.sdk.errors.DimoIoException;

class TokenCacheTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final TokenCache<String> cache = new TokenCache<>(clock, Duration.ofSeconds(60));

  @Test
  void loadsOncePerKeyUntilTheRefreshMargin() {
    AtomicInteger loads = new AtomicInteger();
    long exp = clock.instant().getEpochSecond() + 600;
    String token = TestSupport.jwt("a", exp);

    for (int i = 0; i < 5; i++) {
      assertEquals(token, cache.get("k", () -> {
        loads.incrementAndGet();
        return cache.token(token, Duration.ofHours(1), "test provider");
      }));
    }
    assertEquals(1, loads.get());

    clock.advance(Duration.ofSeconds(541));
    cache.get("k", () -> {
      loads.incrementAndGet();
      return cache.token(token, Duration.ofHours(1), "test provider");
    });
    assertEquals(2, loads.get());
  }

  @Test
  void concurrentCallersShareOneLoadAndItsFailure() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      results.add(pool.submit(() -> cache.get("k", () -> {
        loads.incrementAndGet();
        loading.countDown();
        await(release);
        throw new DimoIoException("login failed", null);
      })));
      loading.await(5, TimeUnit.SECONDS);
      for (int i = 0; i < 7; i++) {
        results.add(pool.submit(() -> cache.get("k", () -> {
          loads.incrementAndGet();
          return cache.token("late", Duration.ofHours(1), "test provider");
        })));
      }
      Thread.sleep(50); // let the waiters reach the in-flight load; the assertion does not depend on it
      release.countDown();
      int failures = 0;
      for (Future<String> result : results) {
        try {
          assertEquals("late", result.get(5, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          assertEquals(DimoIoException.class, e.getCause().getClass());
          failures++;
        }
      }
      // The first load failed for everyone waiting on it; a caller arriving after it loads
      // once more, and all later callers share that second load.
      assertEquals(failures == results.size() ? 1 : 2, loads.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invalidateForgetsOnlyTheSameToken() {
    AtomicInteger loads = new AtomicInteger();
    cache.get("k", () -> cache.token("t" + loads.incrementAndGet(), Duration.ofHours(1), "test provider"));
    cache.invalidate("k", "other");
    assertEquals("t1", cache.get("k", () -> cache.token("t" + loads.incrementAndGet(), Duration.ofHours(1), "test provider")));

    cache.invalidate("k", "t1");

    assertEquals("t2", cache.get("k", () -> cache.token("t" + loads.incrementAndGet(), Duration.ofHours(1), "test provider")));
  }

  @Test
  void shortLivedTokensRefreshHalfway() {
    TokenCache.Token shortLived = cache.token("opaque", Duration.ofSeconds(40), "test provider");
    assertEquals(clock.instant().plusSeconds(20), shortLived.refreshAt);
    assertEquals("Token[refreshAt=2026-01-01T00:00:20Z]", shortLived.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableTokens")
  void unusableTokensAreRefusedNamingTheProvider(String why, String token, String reason) {
    DimoAuthenticationException e = assertThrows(DimoAuthenticationException.class,
        () -> cache.token(token, null, "web3Login(clientId=c)"));
    assertEquals("web3Login(clientId=c) was issued an unusable token (" + reason
        + "); it was neither cached nor sent", e.getMessage());
    assertFalse(e.getMessage().contains(token.isEmpty() ? "\u0000" : token));
  }

  static Stream<Arguments> unusableTokens() {
    long now = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    return Stream.of(
        Arguments.of("empty", "", "it is empty"),
        Arguments.of("not a JWT", "opaque-token", "it is not a JWT with an exp claim"),
        Arguments.of("JWT without exp", TestSupport.jwtWithExp("\"soon\""),
            "it is not a JWT with an exp claim"),
        Arguments.of("exp 1e17", TestSupport.jwtWithExp("1e17"), "its exp claim is not a time"),
        Arguments.of("exp past Long", TestSupport.jwtWithExp("99999999999999999999999"),
            "its exp claim is not a time"),
        Arguments.of("expired", TestSupport.jwt("x", now - 10), "it expired at 2025-12-31T23:59:50Z"),
        Arguments.of("expires now", TestSupport.jwt("x", now), "it expired at 2026-01-01T00:00:00Z"),
        Arguments.of("two years", TestSupport.jwt("x", now + 2 * 366 * 86_400L),
            "its exp 2028-01-03T00:00:00Z is more than 366 days ahead"));
  }

  @Test
  void anEmptyTokenIsRefusedEvenWhereOpaqueTokensAreAccepted() {
    assertThrows(DimoAuthenticationException.class,
        () -> cache.token("", Duration.ofHours(1), "p"));
    assertEquals("opaque", cache.token("opaque", Duration.ofHours(1), "p").value);
  }

  @Test
  void loaderFailurePropagatesUnchanged() {
    DimoIoException failure = new DimoIoException("boom", null);
    DimoIoException thrown = assertThrows(DimoIoException.class,
        () -> cache.get("k", () -> {
          throw failure;
        }));
    assertSame(failure, thrown);
  }

  @Test
  void beyondItsBoundTheLeastRecentlyUsedTokenGoes() {
    TokenCache<String> small = new TokenCache<>(clock, Duration.ofSeconds(60), 2);
    AtomicInteger loads = new AtomicInteger();
    small.get("a", () -> small.token("a" + loads.incrementAndGet(), Duration.ofHours(1), "test provider"));
    small.get("b", () -> small.token("b" + loads.incrementAndGet(), Duration.ofHours(1), "test provider"));
    small.get("a", () -> small.token("a" + loads.incrementAndGet(), Duration.ofHours(1), "test provider"));

    small.get("c", () -> small.token("c" + loads.incrementAndGet(), Duration.ofHours(1), "test provider"));

    assertEquals(2, small.size());
    assertEquals(3, loads.get());
    assertEquals("a1", small.get("a", () -> small.token("a" + loads.incrementAndGet(),
        Duration.ofHours(1), "test provider")));
    assertEquals("b4", small.get("b", () -> small.token("b" + loads.incrementAndGet(),
        Duration.ofHours(1), "test provider")));
  }

  @Test
  void aFullCacheStillLoadsEachKeyOnceForConcurrentCallers() throws Exception {
    TokenCache<String> small = new TokenCache<>(clock, Duration.ofSeconds(60), 1);
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      small.get("other", () -> small.token("o", Duration.ofHours(1), "test provider"));
      List<Future<String>> results = new ArrayList<>();
      results.add(pool.submit(() -> small.get("k", () -> {
        loads.incrementAndGet();
        loading.countDown();
        await(release);
        return small.token("t", Duration.ofHours(1), "test provider");
      })));
      loading.await(5, TimeUnit.SECONDS);
      for (int i = 0; i < 7; i++) {
        results.add(pool.submit(() -> small.get("k", () -> {
          loads.incrementAndGet();
          return small.token("late", Duration.ofHours(1), "test provider");
        })));
      }
      Thread.sleep(50); // let the waiters reach the in-flight load
      release.countDown();
      for (Future<String> result : results) {
        assertEquals("t", result.get(5, TimeUnit.SECONDS));
      }
      assertEquals(1, loads.get());
      assertEquals(1, small.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theBoundIsChecked() {
    assertEquals("maxSize < 1: 0", assertThrows(IllegalArgumentException.class,
        () -> new TokenCache<String>(clock, Duration.ofSeconds(60), 0)).getMessage());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
