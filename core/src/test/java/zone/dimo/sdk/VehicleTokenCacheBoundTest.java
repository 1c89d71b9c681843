package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.spec.DimoCall;
import zone.dimo.sdk.spec.DimoResponse;
import zone.dimo.sdk.tokenexchange.api.TokenExchangeApi;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeRequest;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeResponse;

/** The vehicle-token cache of a backend that commands many vehicles stays bounded. */
class VehicleTokenCacheBoundTest {
  private static final Set<Permission> COMMANDS = Collections.singleton(Permission.EXECUTE_COMMANDS);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final AtomicInteger exchanges = new AtomicInteger();

  /** A Token Exchange answering at once with a vehicle token of realistic size (~900 bytes). */
  private TokenExchangeApi exchange() {
    String padding = String.join("", Collections.nCopies(600, "x"));
    return (TokenExchangeApi) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {TokenExchangeApi.class}, (proxy, method, args) -> {
          if (!method.getName().equals("exchangeToken")) {
            return method.invoke(this, args); // toString and friends are not called
          }
          String asset = ((TokenExchangeRequest) args[0]).asset(); // did:erc721:chain:contract:id
          String tokenId = asset.substring(asset.lastIndexOf(':') + 1);
          exchanges.incrementAndGet();
          String token = TestSupport.jwt("vehicle-" + tokenId + "-" + padding,
              clock.instant().getEpochSecond() + 600);
          return new Answered<>(TokenExchangeResponse.builder().token(token).build());
        });
  }

  @Test
  void aHundredThousandVehiclesKeepTheDefaultTenThousandTokens() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    TokenExchangeVehicleTokenProvider provider = new TokenExchangeVehicleTokenProvider(
        exchange(), Environment.DEV, clock, Duration.ofSeconds(60), TokenCache.DEFAULT_MAX_SIZE);

    for (long vehicle = 1; vehicle <= 100_000; vehicle++) {
      provider.token(vehicle, COMMANDS);
    }

    assertEquals(10_000, provider.cachedTokens());
    assertEquals(100_000, exchanges.get());
    // The most recent vehicles are served from the cache; the earliest were evicted.
    provider.token(100_000, COMMANDS);
    assertEquals(100_000, exchanges.get());
    provider.token(1, COMMANDS);
    assertEquals(100_001, exchanges.get());
    System.gc();
    long held = memory.getHeapMemoryUsage().getUsed() - before;
    System.out.println("VehicleTokenCacheBoundTest: 100,000 vehicles, " + provider.cachedTokens()
        + " tokens cached, heap held about " + held / 1024 + " KiB");
    assertTrue(held < 64L * 1024 * 1024, "heap held " + held);
  }

  @Test
  void expiredTokensAreDroppedAsNewOnesAreStored() {
    TokenExchangeVehicleTokenProvider provider = new TokenExchangeVehicleTokenProvider(
        exchange(), Environment.DEV, clock, Duration.ofSeconds(60), TokenCache.DEFAULT_MAX_SIZE);
    for (long vehicle = 1; vehicle <= 500; vehicle++) {
      provider.token(vehicle, COMMANDS);
    }
    assertEquals(500, provider.cachedTokens());

    clock.advance(Duration.ofMinutes(11)); // all 500 tokens lived 10 minutes
    provider.token(501, COMMANDS);

    assertEquals(1, provider.cachedTokens());
  }

  @Test
  void theBoundIsABuilderOption() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new mockwebserver3.Dispatcher() {
        @Override
        public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
          long exp = Instant.now().getEpochSecond() + 600;
          return TestSupport.json(200, "{\"token\":\"" + TestSupport.jwt("v", exp) + "\"}");
        }
      });
      server.start();
      DimoClient client = TestSupport.clientFor(server, new TestSupport.RecordingSleeper())
          .userToken(TokenProvider.of(USER_TOKEN)).tokenCacheSize(3).build();
      TokenExchangeVehicleTokenProvider provider =
          (TokenExchangeVehicleTokenProvider) client.vehicleTokens();

      for (long vehicle = 1; vehicle <= 5; vehicle++) {
        provider.token(vehicle, COMMANDS);
      }

      assertEquals(3, provider.cachedTokens());
      assertEquals(5, server.getRequestCount());
    }
  }

  /** A call that has its answer already. */
  private static final class Answered<T> implements DimoCall<T> {
    private final T answer;
    private boolean executed;

    Answered(T answer) {
      this.answer = answer;
    }

    @Override
    public T execute() {
      executed = true;
      return answer;
    }

    @Override
    public CompletableFuture<T> executeAsync() {
      return CompletableFuture.completedFuture(execute());
    }

    @Override
    public DimoCall<DimoResponse<T>> withResponse() {
      return new Answered<>(DimoResponse.of(200, Collections.emptyMap(), answer));
    }

    @Override
    public void cancel() {
    }

    @Override
    public boolean isCanceled() {
      return false;
    }

    @Override
    public boolean isExecuted() {
      return executed;
    }

    @Override
    public DimoCall<T> clone() {
      return new Answered<>(answer);
    }
  }
}
