package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;
import static zone.dimo.sdk.TestSupport.clientFor;
import static zone.dimo.sdk.TestSupport.json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.RecordedRequest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.errors.DimoTimeoutException;
import zone.dimo.sdk.errors.OutcomeUnknownException;
import zone.dimo.sdk.errors.RateLimitedException;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/** Every call has one deadline over all its attempts and waits (callTimeout, default 60 s). */
class DeadlineTest {
  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  /** Waits by moving the clock: backoffs and Retry-After waits take no real time. */
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private final Sleeper sleeper = duration -> {
    sleeps.add(duration);
    clock.advance(duration);
  };

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private DimoClient.Builder builder() {
    return clientFor(server, sleeper).clock(clock)
        .userToken(TokenProvider.of(USER_TOKEN))
        .vehicleTokens(VehicleTokenProvider.of(USER_TOKEN));
  }

  private static MockResponse tooManyRequests(int retryAfterSeconds) {
    return new MockResponse.Builder().code(429)
        .setHeader("Retry-After", Integer.toString(retryAfterSeconds)).build();
  }

  @Test
  void aRetryAfterThatWouldOutlastTheDefaultDeadlineIsReportedAtOnce() {
    server.enqueue(tooManyRequests(60));
    server.enqueue(json(200, "{\"userDevices\":[]}"));
    DimoClient client = builder().build();

    RateLimitedException e = assertThrows(RateLimitedException.class,
        () -> client.userDevices().listMyVehicles().execute());

    assertEquals(Duration.ofSeconds(60), e.retryAfter());
    assertEquals(Collections.emptyList(), sleeps);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void waitsAreTakenOnlyWhileTheyEndBeforeTheDeadline() {
    server.enqueue(tooManyRequests(30));
    server.enqueue(tooManyRequests(30));
    server.enqueue(json(200, "{\"userDevices\":[]}"));
    DimoClient client = builder().build();

    RateLimitedException e = assertThrows(RateLimitedException.class,
        () -> client.userDevices().listMyVehicles().execute());

    // 0 s + 30 s ends before the 60 s deadline; 30 s + 30 s would end at it.
    assertEquals(Collections.singletonList(Duration.ofSeconds(30)), sleeps);
    assertEquals(Duration.ofSeconds(30), e.retryAfter());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void theDeadlineIsConfigurable() {
    server.enqueue(tooManyRequests(60));
    server.enqueue(tooManyRequests(60));
    server.enqueue(json(200, "{\"userDevices\":[]}"));
    DimoClient client = builder().callTimeout(Duration.ofMinutes(5)).build();

    client.userDevices().listMyVehicles().execute();

    assertEquals(java.util.Arrays.asList(Duration.ofSeconds(60), Duration.ofSeconds(60)), sleeps);
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void zeroMeansNoDeadline() {
    server.enqueue(tooManyRequests(60));
    server.enqueue(json(200, "{\"userDevices\":[]}"));
    DimoClient client = builder().callTimeout(Duration.ZERO).build();

    client.userDevices().listMyVehicles().execute();

    assertEquals(Collections.singletonList(Duration.ofSeconds(60)), sleeps);
  }

  @Test
  void aServerDrippingOneBytePerSecondIsCutAtTheDeadline() {
    server.enqueue(new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json")
        .body("{\"userDevices\":[]}                                              ")
        .throttleBody(1, 1, TimeUnit.SECONDS).build());
    DimoClient client = builder().clock(java.time.Clock.systemUTC())
        .sleeper(TestSupport.noSleep()).callTimeout(Duration.ofMillis(1500)).build();
    long start = System.nanoTime();

    DimoTimeoutException e = assertThrows(DimoTimeoutException.class,
        () -> client.userDevices().listMyVehicles().execute());

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals("listMyVehicles did not finish within its deadline of 1500 ms; the deadline is"
        + " set with DimoClient.builder().callTimeout(...)", e.getMessage());
    assertTrue(millis >= 1400 && millis < 5000, "took " + millis + " ms");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aServerThatNeverAnswersEndsASafeCallAtTheDeadlineWithoutMoreAttempts() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE)
        .build());
    server.enqueue(json(200, "{\"userDevices\":[]}"));
    DimoClient client = builder().clock(java.time.Clock.systemUTC())
        .sleeper(TestSupport.noSleep()).readTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofMillis(1500)).build();
    long start = System.nanoTime();

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> client.userDevices().listMyVehicles().executeAsync().get(20, TimeUnit.SECONDS));

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertInstanceOf(DimoTimeoutException.class, e.getCause());
    assertTrue(millis >= 1400 && millis < 5000, "took " + millis + " ms");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aCommandWhoseDeadlinePassesAfterSendingIsOutcomeUnknownCausedByTheTimeout() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE)
        .build());
    DimoClient client = builder().clock(java.time.Clock.systemUTC())
        .sleeper(TestSupport.noSleep()).callTimeout(Duration.ofSeconds(1)).build();

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> client.vehicleCommands().lockDoors(21000L).execute());

    DimoTimeoutException timeout = assertInstanceOf(DimoTimeoutException.class, e.getCause());
    assertEquals("lockDoors did not finish within its deadline of 1 s; the deadline is set with"
        + " DimoClient.builder().callTimeout(...)", timeout.getMessage());
    assertEquals("lockDoors may or may not have taken effect (" + timeout.getMessage()
        + "); re-read the state (e.g. list your vehicles or read the device) before calling it"
        + " again", e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aTokenExchangeMadeForACommandEndsByTheCommandsDeadline() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE)
        .build());
    DimoClient client = clientFor(server, TestSupport.noSleep())
        .userToken(TokenProvider.of(USER_TOKEN)) // the vehicle token comes from the exchange
        .callTimeout(Duration.ofMillis(1500)).build();
    long start = System.nanoTime();

    DimoTimeoutException e = assertThrows(DimoTimeoutException.class,
        () -> client.vehicleCommands().lockDoors(21000L).execute());

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(e.getMessage().startsWith("lockDoors(21000): could not get a vehicle token:"
        + " exchangeToken did not finish within its deadline of "), e.getMessage());
    assertTrue(millis >= 1400 && millis < 2900, "took " + millis + " ms");
    assertEquals(1, server.getRequestCount());
    assertEquals("/v1/tokens/exchange", takePath());
  }

  @Test
  void aLoginMadeWhileACallRunsEndsByThatCallsDeadline() {
    AtomicInteger challenges = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/auth/web3/generate_challenge")) {
          if (challenges.incrementAndGet() > 1) {
            return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE)
                .build();
          }
          return json(200, "{\"state\":\"s\",\"challenge\":\"sign in\"}");
        }
        if (path.equals("/auth/web3/submit_challenge")) {
          String token = TestSupport.jwt("user", Instant.now().getEpochSecond() + 3600);
          return json(200, "{\"access_token\":\"" + token + "\",\"expires_in\":3600}");
        }
        // The user token is refused after a second: the client logs in again, within the
        // 1.5 s that are left of this call, not with a fresh 1.5 s of its own.
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new MockResponse.Builder().code(401).body("expired").build();
      }
    });
    DimoClient client = clientFor(server, TestSupport.noSleep())
        .web3Login(Web3LoginTokenProviderTest.CLIENT_ID, Web3LoginTokenProviderTest.DOMAIN,
            Secp256k1Signer.of(PrivateKey.fromHex(TestSupport.PRIVATE_KEY_HEX)))
        .callTimeout(Duration.ofMillis(1500)).build();
    long start = System.nanoTime();

    DimoTimeoutException e = assertThrows(DimoTimeoutException.class,
        () -> client.userDevices().listMyVehicles().execute());

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(e.getMessage().startsWith("listMyVehicles: could not get a user access token: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("generateChallenge did not finish within its deadline of "),
        e.getMessage());
    assertTrue(millis >= 1400 && millis < 2300, "took " + millis + " ms");
    assertEquals(2, challenges.get());
  }

  private String takePath() {
    try {
      return server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
