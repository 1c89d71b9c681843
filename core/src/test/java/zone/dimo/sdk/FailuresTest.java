package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;
import static zone.dimo.sdk.TestSupport.clientFor;
import static zone.dimo.sdk.TestSupport.json;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import zone.dimo.sdk.devices.model.VehicleMintRequest;
import zone.dimo.sdk.errors.BadRequestException;
import zone.dimo.sdk.errors.ConflictException;
import zone.dimo.sdk.errors.DimoDecodingException;
import zone.dimo.sdk.errors.DimoException;
import zone.dimo.sdk.errors.DimoIoException;
import zone.dimo.sdk.errors.DimoServiceException;
import zone.dimo.sdk.errors.ForbiddenException;
import zone.dimo.sdk.errors.NotFoundException;
import zone.dimo.sdk.errors.OutcomeUnknownException;
import zone.dimo.sdk.errors.RateLimitedException;
import zone.dimo.sdk.errors.ServerErrorException;
import zone.dimo.sdk.errors.UnauthorizedException;
import zone.dimo.sdk.errors.UnexpectedStatusException;
import zone.dimo.sdk.errors.UnprocessableEntityException;
import zone.dimo.sdk.spec.DimoCall;

/**
 * The fault matrix: each failure against a safe GET, a mint POST and a command POST gives the
 * right typed exception and exactly the expected number of requests on the wire; and no message
 * or toString() of any of them leaks a token or key.
 */
class FailuresTest {
  static final String MALFORMED = "{\"userDevices\": [ {\"requestId\": \"abc\"";
  static final String VEHICLE_TOKEN = TestSupport.vehicleToken(7, Collections.singleton(Permission.EXECUTE_COMMANDS));

  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
  private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  enum Target { SAFE_GET, MINT_POST, COMMAND_POST }

  /** The three ways to run a call; each must report every fault the same way. */
  enum Mode { EXECUTE, EXECUTE_ASYNC, WITH_RESPONSE }

  enum Fault {
    CONNECTION_REFUSED,
    RESET_AFTER_REQUEST,
    DISCONNECT_DURING_BODY,
    MALFORMED_JSON,
    HTML_502,
    STALL_PAST_TIMEOUT,
    RATE_LIMITED_WITH_RETRY_AFTER,
    SERVICE_UNAVAILABLE
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    // fault, target, expected exception (null = success), requests on the wire
    cases.add(Arguments.of(Fault.CONNECTION_REFUSED, Target.SAFE_GET, DimoIoException.class, 0));
    cases.add(Arguments.of(Fault.CONNECTION_REFUSED, Target.MINT_POST, DimoIoException.class, 0));
    cases.add(Arguments.of(Fault.CONNECTION_REFUSED, Target.COMMAND_POST, DimoIoException.class, 0));
    cases.add(Arguments.of(Fault.RESET_AFTER_REQUEST, Target.SAFE_GET, DimoIoException.class, 3));
    cases.add(Arguments.of(Fault.RESET_AFTER_REQUEST, Target.MINT_POST, OutcomeUnknownException.class, 1));
    cases.add(Arguments.of(Fault.RESET_AFTER_REQUEST, Target.COMMAND_POST, OutcomeUnknownException.class, 1));
    cases.add(Arguments.of(Fault.DISCONNECT_DURING_BODY, Target.SAFE_GET, DimoIoException.class, 3));
    cases.add(Arguments.of(Fault.DISCONNECT_DURING_BODY, Target.MINT_POST, OutcomeUnknownException.class, 1));
    cases.add(Arguments.of(Fault.DISCONNECT_DURING_BODY, Target.COMMAND_POST, OutcomeUnknownException.class, 1));
    cases.add(Arguments.of(Fault.MALFORMED_JSON, Target.SAFE_GET, DimoDecodingException.class, 1));
    // submit mint answers 200 with an empty body; a body is not read, so the mint succeeded.
    cases.add(Arguments.of(Fault.MALFORMED_JSON, Target.MINT_POST, null, 1));
    cases.add(Arguments.of(Fault.MALFORMED_JSON, Target.COMMAND_POST, DimoDecodingException.class, 1));
    cases.add(Arguments.of(Fault.HTML_502, Target.SAFE_GET, ServerErrorException.class, 3));
    cases.add(Arguments.of(Fault.HTML_502, Target.MINT_POST, OutcomeUnknownException.class, 1));
    cases.add(Arguments.of(Fault.HTML_502, Target.COMMAND_POST, OutcomeUnknownException.class, 1));
    cases.add(Arguments.of(Fault.STALL_PAST_TIMEOUT, Target.SAFE_GET, DimoIoException.class, 3));
    cases.add(Arguments.of(Fault.STALL_PAST_TIMEOUT, Target.MINT_POST, OutcomeUnknownException.class, 1));
    cases.add(Arguments.of(Fault.STALL_PAST_TIMEOUT, Target.COMMAND_POST, OutcomeUnknownException.class, 1));
    cases.add(Arguments.of(Fault.RATE_LIMITED_WITH_RETRY_AFTER, Target.SAFE_GET, RateLimitedException.class, 3));
    cases.add(Arguments.of(Fault.RATE_LIMITED_WITH_RETRY_AFTER, Target.MINT_POST, RateLimitedException.class, 1));
    cases.add(Arguments.of(Fault.RATE_LIMITED_WITH_RETRY_AFTER, Target.COMMAND_POST, RateLimitedException.class, 1));
    cases.add(Arguments.of(Fault.SERVICE_UNAVAILABLE, Target.SAFE_GET, ServerErrorException.class, 3));
    cases.add(Arguments.of(Fault.SERVICE_UNAVAILABLE, Target.MINT_POST, ServerErrorException.class, 1));
    cases.add(Arguments.of(Fault.SERVICE_UNAVAILABLE, Target.COMMAND_POST, ServerErrorException.class, 1));
    return cases.stream();
  }

  static Stream<Arguments> matrixInEveryMode() {
    List<Arguments> cases = new ArrayList<>();
    for (Mode mode : Mode.values()) {
      matrix().forEach(c -> {
        Object[] a = c.get();
        cases.add(Arguments.of(a[0], a[1], mode, a[2], a[3]));
      });
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {1} by {2}")
  @MethodSource("matrixInEveryMode")
  void faultMatrix(Fault fault, Target target, Mode mode,
      Class<? extends DimoException> expected, int requests) {
    DimoClient client = clientFor(server, sleeper)
        .readTimeout(fault == Fault.STALL_PAST_TIMEOUT ? Duration.ofMillis(250) : Duration.ofSeconds(5))
        .userToken(TokenProvider.of(USER_TOKEN))
        .vehicleTokens(VehicleTokenProvider.of(VEHICLE_TOKEN))
        // BODY logs everything the lower levels log; RedactingLoggerTest covers each level.
        .httpLogging(HttpLogLevel.BODY, logLines::add)
        .build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(response(fault));
    }
    if (fault == Fault.CONNECTION_REFUSED) {
      server.close();
    }

    if (expected == null) {
      call(client, target, mode);
    } else {
      DimoException e = assertThrows(DimoException.class, () -> call(client, target, mode));
      assertEquals(expected, e.getClass(), () -> "got " + e);
      assertNoSecrets(e);
      checkDetails(fault, target, e);
    }
    assertEquals(requests, fault == Fault.CONNECTION_REFUSED ? 0 : server.getRequestCount());
    for (String line : logLines) {
      assertFalse(line.contains(USER_TOKEN) || line.contains(VEHICLE_TOKEN) || line.contains("eyJ"),
          "token in log: " + line);
    }
    if (fault != Fault.CONNECTION_REFUSED) {
      assertTrue(logLines.contains("Authorization: \u2588\u2588"), "request logged: " + logLines);
    }
  }

  private void checkDetails(Fault fault, Target target, DimoException e) {
    String operation = target == Target.SAFE_GET ? "listMyVehicles"
        : target == Target.MINT_POST ? "submitMint" : "lockDoors";
    assertTrue(e.getMessage().startsWith(operation), e.getMessage());
    switch (fault) {
      case RATE_LIMITED_WITH_RETRY_AFTER:
        assertEquals(Duration.ofSeconds(3), ((RateLimitedException) e).retryAfter());
        assertEquals(target == Target.SAFE_GET
            ? Arrays.asList(Duration.ofSeconds(3), Duration.ofSeconds(3)) : Collections.emptyList(),
            sleeper.sleeps);
        break;
      case HTML_502:
        if (target == Target.SAFE_GET) {
          ServerErrorException serverError = (ServerErrorException) e;
          assertEquals(502, serverError.statusCode());
          assertNull(serverError.errorMessage());
          assertTrue(serverError.rawBody().contains("<h1>502 Bad Gateway</h1>"));
        } else {
          assertInstanceOf(ServerErrorException.class, e.getCause());
          assertTrue(e.getMessage().contains("re-read the state"), e.getMessage());
        }
        break;
      case MALFORMED_JSON:
        assertEquals(MALFORMED, ((DimoDecodingException) e).rawBody());
        break;
      case CONNECTION_REFUSED:
        assertTrue(e.getMessage().contains("before anything was sent") || target == Target.SAFE_GET,
            e.getMessage());
        break;
      case RESET_AFTER_REQUEST:
      case DISCONNECT_DURING_BODY:
      case STALL_PAST_TIMEOUT:
        if (target == Target.SAFE_GET) {
          assertEquals(2, sleeper.sleeps.size());
        } else {
          assertEquals(operation, ((OutcomeUnknownException) e).operationId());
          assertInstanceOf(DimoIoException.class, e.getCause());
        }
        break;
      default:
        break;
    }
  }

  private static MockResponse response(Fault fault) {
    String body = "{\"userDevices\": [], \"requestId\": \"abc\"}";
    switch (fault) {
      case RESET_AFTER_REQUEST:
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
      case DISCONNECT_DURING_BODY:
        return new MockResponse.Builder().code(200).body(body)
            .onResponseBody(new SocketEffect.CloseSocket()).build();
      case MALFORMED_JSON:
        return json(200, MALFORMED);
      case HTML_502:
        return new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
            .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build();
      case STALL_PAST_TIMEOUT:
        return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
      case RATE_LIMITED_WITH_RETRY_AFTER:
        return new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
            .body("{\"code\":429,\"message\":\"too many requests\"}").build();
      case SERVICE_UNAVAILABLE:
        return json(503, "{\"code\":503,\"message\":\"unavailable\"}");
      default:
        return json(200, body);
    }
  }

  private static Object call(DimoClient client, Target target, Mode mode) {
    DimoCall<?> call;
    switch (target) {
      case SAFE_GET:
        call = client.userDevices().listMyVehicles();
        break;
      case MINT_POST:
        call = client.userDevices().submitMint("d1",
            VehicleMintRequest.builder().imageData("aW1n").signature("0x" + repeat("ab", 65)).build());
        break;
      default:
        call = client.vehicleCommands().lockDoors(7L);
        break;
    }
    switch (mode) {
      case EXECUTE:
        return call.execute();
      case WITH_RESPONSE:
        return call.withResponse().execute().body();
      default:
        try {
          return call.executeAsync().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          // The future carries exactly the exception execute() would throw.
          if (e.getCause() instanceof DimoException) {
            throw (DimoException) e.getCause();
          }
          throw new AssertionError("not a DimoException: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
          throw new AssertionError(e);
        }
    }
  }

  // --- error bodies and statuses ------------------------------------------------------------

  @Test
  void errorShapesAreAllRead() throws Exception {
    DimoClient client = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN))
        .retryPolicy(RetryPolicy.none()).build();
    server.enqueue(json(400, "{\"code\":400,\"message\":\"invalid country\"}"));
    server.enqueue(json(400, "{\"errorMessage\":\"name already used\"}"));
    server.enqueue(json(400, "{\"status\":400,\"message\":\"bad address\"}"));
    server.enqueue(json(400, "{\"error\":\"invalid_request\",\"error_description\":\"unknown state\"}"));
    server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "text/plain")
        .body("Invalid or expired JWT").build());

    DimoServiceException a = assertThrows(BadRequestException.class, () -> client.userDevices().listMyVehicles().execute());
    DimoServiceException b = assertThrows(BadRequestException.class, () -> client.userDevices().listMyVehicles().execute());
    DimoServiceException c = assertThrows(BadRequestException.class, () -> client.userDevices().listMyVehicles().execute());
    DimoServiceException d = assertThrows(BadRequestException.class, () -> client.userDevices().listMyVehicles().execute());
    DimoServiceException e = assertThrows(UnauthorizedException.class, () -> client.userDevices().listMyVehicles().execute());

    assertEquals("400", a.errorCode());
    assertEquals("invalid country", a.errorMessage());
    assertEquals("listMyVehicles failed: HTTP 400: invalid country (code 400)", a.getMessage());
    assertNull(b.errorCode());
    assertEquals("name already used", b.errorMessage());
    assertEquals("400", c.errorCode());
    assertEquals("bad address", c.errorMessage());
    assertEquals("invalid_request", d.errorCode());
    assertEquals("unknown state", d.errorMessage());
    assertEquals("Invalid or expired JWT", e.errorMessage());
    assertEquals("text/plain", e.header("content-type"));
    assertEquals(Collections.singletonList("text/plain"), e.headers().get("content-type"));
  }

  @Test
  void eachStatusHasItsClass() {
    DimoClient client = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN))
        .retryPolicy(RetryPolicy.none()).build();
    int[] statuses = {400, 401, 403, 404, 409, 422, 429, 500, 503, 418};
    List<Class<?>> expected = Arrays.asList(BadRequestException.class, UnauthorizedException.class,
        ForbiddenException.class, NotFoundException.class, ConflictException.class,
        UnprocessableEntityException.class, RateLimitedException.class, ServerErrorException.class,
        ServerErrorException.class, UnexpectedStatusException.class);
    for (int i = 0; i < statuses.length; i++) {
      server.enqueue(json(statuses[i], "{\"code\":" + statuses[i] + ",\"message\":\"m\"}"));
      DimoServiceException e = assertThrows(DimoServiceException.class,
          () -> client.geofences().deleteGeofence("g1").execute());
      assertEquals(expected.get(i), e.getClass(), "status " + statuses[i]);
      assertEquals(statuses[i], e.statusCode());
      assertEquals("deleteGeofence", e.operationId());
    }
    assertEquals(statuses.length, server.getRequestCount());
  }

  @Test
  void conflictIsNeverRetried() {
    DimoClient client = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN)).build();
    server.enqueue(json(409, "{\"code\":409,\"message\":\"VIN already in use\"}"));

    ConflictException e = assertThrows(ConflictException.class,
        () -> client.userDevices().listMyVehicles().execute());

    assertEquals("VIN already in use", e.errorMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void rawBodyIsBoundedTo64KiB() {
    DimoClient client = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN)).build();
    server.enqueue(new MockResponse.Builder().code(404).body(repeat("x", 100_000)).build());

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.userDevices().listMyVehicles().execute());

    assertEquals(64 * 1024, e.rawBody().length());
    assertNull(e.errorMessage());
  }

  @Test
  void tokenEchoedInAnErrorBodyStaysOutOfTheMessage() {
    DimoClient client = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN)).build();
    server.enqueue(json(401, "{\"code\":401,\"message\":\"token " + USER_TOKEN + " expired; key "
        + TestSupport.PRIVATE_KEY_HEX + "\"}"));

    UnauthorizedException e = assertThrows(UnauthorizedException.class,
        () -> client.userDevices().listMyVehicles().execute());

    assertNoSecrets(e);
    assertEquals("listMyVehicles failed: HTTP 401: token [redacted] expired; key [redacted] (code 401)",
        e.getMessage());
  }

  static void assertNoSecrets(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (String text : new String[] {String.valueOf(t.getMessage()), t.toString()}) {
        assertFalse(text.contains(USER_TOKEN), "user token leaked: " + text);
        assertFalse(text.contains(VEHICLE_TOKEN), "vehicle token leaked: " + text);
        assertFalse(text.contains(TestSupport.PRIVATE_KEY_HEX.substring(2)), "key leaked: " + text);
        assertFalse(text.contains("eyJ"), "JWT-shaped text leaked: " + text);
      }
    }
  }

  static String repeat(String s, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(s);
    }
    return sb.toString();
  }
}
