package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;
import static zone.dimo.sdk.TestSupport.clientFor;
import static zone.dimo.sdk.TestSupport.json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.devices.model.VehicleMintRequest;
import zone.dimo.sdk.errors.DimoIoException;
import zone.dimo.sdk.errors.OutcomeUnknownException;
import zone.dimo.sdk.errors.RateLimitedException;
import zone.dimo.sdk.errors.ServerErrorException;
import zone.dimo.sdk.errors.UnexpectedStatusException;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeRequest;

class RetryInterceptorTest {
  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private DimoClient.Builder builder() {
    return clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN))
        .vehicleTokens(VehicleTokenProvider.of(USER_TOKEN));
  }

  @Test
  void safeCallRecoversWithJitteredBackoff() {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(500, "{}"));
    server.enqueue(json(200, "{\"userDevices\":[]}"));
    DimoClient client = builder().build();

    client.userDevices().listMyVehicles().execute();

    Random expected = new Random(1);
    RetryPolicy policy = RetryPolicy.defaults();
    assertEquals(Arrays.asList(policy.backoff(1, expected.nextDouble()),
        policy.backoff(2, expected.nextDouble())), sleeper.sleeps);
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void retryAfterHttpDateIsHonoured() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T06:00:00Z"));
    server.enqueue(new MockResponse.Builder().code(429)
        .setHeader("Retry-After", "Fri, 27 Nov 2026 06:00:05 GMT").build());
    server.enqueue(json(200, "{}"));
    DimoClient client = builder().clock(clock).build();

    client.geofences().listGeofences().execute();

    assertEquals(Collections.singletonList(Duration.ofSeconds(5)), sleeper.sleeps);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void retryAfterBeyondTheCapEndsRetrying() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").build());
    DimoClient client = builder().build();

    RateLimitedException e = assertThrows(RateLimitedException.class,
        () -> client.userDevices().listMyVehicles().execute());

    assertEquals(Duration.ofSeconds(120), e.retryAfter());
    assertTrue(sleeper.sleeps.isEmpty());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void loginAndTokenExchangeAreSafeToRepeat() {
    server.enqueue(json(502, "{}"));
    server.enqueue(json(200, "{\"token\":\"t\"}"));
    DimoClient client = builder().build();

    client.tokenExchange().exchangeToken(TokenExchangeRequest.builder()
        .nftContractAddress("0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF").privileges(List.of(2)).tokenId(1L).build()).execute();

    assertEquals(2, server.getRequestCount());
  }

  @Test
  void noRetryPolicyMeansOneAttempt() {
    server.enqueue(json(503, "{}"));
    DimoClient client = builder().retryPolicy(RetryPolicy.none()).build();

    assertThrows(ServerErrorException.class, () -> client.userDevices().listMyVehicles().execute());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void okHttpDoesNotResendStateChangingCallsOn503WithRetryAfterZero() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
    server.enqueue(json(200, "{\"requestId\":\"again\"}"));
    DimoClient client = builder().build();

    ServerErrorException e = assertThrows(ServerErrorException.class,
        () -> client.vehicleCommands().lockDoors(1L).execute());

    assertEquals(503, e.statusCode());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void okHttpDoesNotResendStateChangingCallsOn408() {
    server.enqueue(new MockResponse.Builder().code(408).build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    DimoClient client = builder().build();

    UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class,
        () -> client.userDevices().submitMint("d",
            VehicleMintRequest.builder().imageData("x").signature("0x00").build()).execute());

    assertEquals(408, e.statusCode());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void stateChangingBodiesAreOneShotAndSafeOnesAreNot() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    OkHttpClient spy = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      RequestBody body = chain.request().body();
      seen.add(chain.request().method() + " " + chain.request().url().encodedPath() + " "
          + (body == null ? "none" : body.isOneShot()));
      return chain.proceed(chain.request());
    }).build();
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(200, "{}"));
    }
    DimoClient client = builder().okHttpClient(spy).build();

    client.userDevices().submitMint("d", VehicleMintRequest.builder().imageData("x").signature("0x00").build()).execute();
    client.vehicleCommands().lockDoors(1L).execute();
    client.tokenExchange().exchangeToken(TokenExchangeRequest.builder()
        .nftContractAddress("0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF").privileges(List.of(2)).tokenId(1L).build()).execute();
    client.userDevices().listMyVehicles().execute();

    assertEquals(Arrays.asList(
        "POST /v1/user/devices/d/commands/mint true",
        "POST /v1/vehicle/1/commands/doors/lock true",
        "POST /v1/tokens/exchange false",
        "GET /v1/user/devices/me none"), seen);
  }

  @Test
  void interruptedBackoffStopsAndKeepsTheInterruptFlag() {
    server.enqueue(json(503, "{}"));
    DimoClient client = builder().sleeper(d -> {
      throw new InterruptedException();
    }).build();

    DimoIoException e = assertThrows(DimoIoException.class,
        () -> client.userDevices().listMyVehicles().execute());

    assertTrue(Thread.interrupted());
    assertEquals("listMyVehicles failed: InterruptedIOException: interrupted while waiting to retry",
        e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void stateChangingCallsAreNeverRetriedOnServerErrors() {
    server.enqueue(json(500, "{\"code\":500,\"message\":\"boom\"}"));
    DimoClient client = builder().build();

    ServerErrorException e = assertThrows(ServerErrorException.class,
        () -> client.errorCodes().clearErrorCodes("d").execute());

    assertEquals("boom", e.errorMessage());
    assertTrue(sleeper.sleeps.isEmpty());
    assertEquals(1, server.getRequestCount());
  }
  @Test
  void aFailureOnAReusedConnectionDoesNotResendAStateChangingCall() throws Exception {
    // OkHttp silently repeats a request that fails on a pooled connection when it is allowed to
    // retry on connection failure; for a command that would be a second command.
    server.enqueue(json(200, "{\"requestId\":\"first\"}"));
    server.enqueue(new MockResponse.Builder()
        .onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, "{\"requestId\":\"resent\"}"));
    DimoClient client = builder().build();
    client.vehicleCommands().lockDoors(1L).execute();

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> client.vehicleCommands().lockDoors(1L).execute());

    assertEquals("lockDoors", e.operationId());
    assertEquals(2, server.getRequestCount());
    assertEquals(0, server.takeRequest().getConnectionIndex());
    assertEquals(0, server.takeRequest().getConnectionIndex());
  }
}
