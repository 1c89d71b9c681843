package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.TestSupport.clientFor;
import static zone.dimo.sdk.TestSupport.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.errors.DimoAuthenticationException;
import zone.dimo.sdk.errors.DimoConfigurationException;
import zone.dimo.sdk.errors.DimoDecodingException;
import zone.dimo.sdk.errors.UnauthorizedException;

/** Credentials stay out of everything a caller or a log can read. */
class SecretsTest {
  /** Opaque (not a JWT, not hex): only knowing what was sent can find it in an echo. */
  static final String OPAQUE = "opaque-credential-Zm9vYmFyYmF6";

  private final MockWebServer server = new MockWebServer();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anEchoedOpaqueTokenIsCutFromTheExceptionAndTheLog() {
    server.enqueue(json(401, "{\"code\":401,\"message\":\"unknown token " + OPAQUE + "\"}"));
    DimoClient client = clientFor(server, new TestSupport.RecordingSleeper())
        .userToken(TokenProvider.of(OPAQUE)).httpLogging(HttpLogLevel.BODY, log::add).build();

    UnauthorizedException e = assertThrows(UnauthorizedException.class,
        () -> client.geofences().listGeofences().execute());

    assertEquals("listGeofences failed: HTTP 401: unknown token [redacted] (code 401)",
        e.getMessage());
    assertEquals("unknown token [redacted]", e.errorMessage());
    assertFalse(e.rawBody().contains(OPAQUE));
    assertTrue(log.stream().anyMatch(line -> line.contains("unknown token [redacted]")), log::toString);
    assertFalse(log.stream().anyMatch(line -> line.contains(OPAQUE)), log::toString);
  }

  @Test
  void anUndecodableExchangeAnswerKeepsNoBodyAndIsNeverLogged() {
    String issued = "{\"token\":" + "\"" + OPAQUE + "\"";  // cut short: not JSON
    server.enqueue(json(200, issued));
    DimoClient client = clientFor(server, new TestSupport.RecordingSleeper())
        .userToken(TokenProvider.of("user-token-value"))
        .httpLogging(HttpLogLevel.BODY, log::add).build();

    DimoAuthenticationException e = assertThrows(DimoAuthenticationException.class,
        () -> client.vehicleCommands().lockDoors(7L).execute());

    DimoDecodingException cause = (DimoDecodingException) e.getCause();
    assertEquals("", cause.rawBody());
    assertEquals(200, cause.statusCode());
    assertFalse(e.getMessage().contains(OPAQUE));
    assertFalse(log.stream().anyMatch(line -> line.contains(OPAQUE)), log::toString);
    assertTrue(log.stream().anyMatch(line -> line.contains("/v1/tokens/exchange")), log::toString);
  }

  @Test
  void baseUrlsWithUserInfoAreRefusedWithoutEchoingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Environment.DEV.newBuilder().devicesUrl("https://alice:s3cret@devices.example"));

    assertEquals("devicesUrl must not carry a user name or password (user:password@host);"
        + " DIMO's services authenticate with tokens", e.getMessage());
  }

  @Test
  void plainHttpToAnotherHostIsRefusedUnlessAllowed() {
    Environment cleartext = Environment.PRODUCTION.newBuilder()
        .devicesUrl("http://devices-api.dimo.zone").build();

    DimoConfigurationException e = assertThrows(DimoConfigurationException.class,
        () -> DimoClient.builder().environment(cleartext).build());

    assertEquals("Environment production: devicesUrl http://devices-api.dimo.zone/ is plain http"
        + " to another host, which would send tokens in clear; use https, or"
        + " DimoClient.builder().allowCleartextHttp(true) on a trusted network", e.getMessage());
    DimoClient.builder().environment(cleartext).allowCleartextHttp(true).build();
    for (String loopback : new String[] {"http://localhost:1", "http://127.0.0.1:1",
        "http://127.1.2.3:1", "http://[::1]:1"}) {
      DimoClient.builder().environment(Environment.DEV.newBuilder().devicesUrl(loopback)
          .authUrl(loopback).tokenExchangeUrl(loopback).build()).build();
    }
    Environment lookalike = Environment.DEV.newBuilder().devicesUrl("http://127.evil.example")
        .build();
    assertThrows(DimoConfigurationException.class,
        () -> DimoClient.builder().environment(lookalike).build());
  }
}
