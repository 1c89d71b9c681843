package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.TestSupport.json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import zone.dimo.sdk.errors.DimoIoException;
import zone.dimo.sdk.errors.ServerErrorException;
import zone.dimo.sdk.errors.UnauthorizedException;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * Leak canary for logs: login, token exchange, commands, a signing flow and a set of faults at
 * every logging level — no token, signature or key ever reaches the logger.
 */
class RedactingLoggerTest {
  /** One expiry for every token the test server issues, so a re-login gets the same token. */
  private static final long EXP = Instant.now().getEpochSecond() + 3600;

  private final MockWebServer server = new MockWebServer();
  private final List<String> secrets = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger faults = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    secrets.add(TestSupport.PRIVATE_KEY_HEX.substring(2));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        int signatureAt = body.indexOf("signature=");
        if (signatureAt >= 0) {
          secrets.add(body.substring(signatureAt + "signature=".length()).split("&")[0]);
        }
        switch (path) {
          case "/auth/web3/generate_challenge":
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain")
                .body("{\"state\":\"s\",\"challenge\":\"sign me\"}").build();
          case "/auth/web3/submit_challenge": {
            String token = TestSupport.jwt("login", EXP);
            String id = TestSupport.jwt("id", EXP);
            secrets.add(token);
            secrets.add(id);
            return json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\","
                + "\"expires_in\":3600,\"id_token\":\"" + id + "\"}");
          }
          case "/v1/tokens/exchange": {
            String token = TestSupport.jwt("privilege", EXP);
            secrets.add(token);
            return json(200, "{\"token\":\"" + token + "\"}");
          }
          case "/v1/user/devices/me":
            switch (faults.getAndIncrement()) {
              case 0:
                return json(200, "{\"userDevices\":[]}");
              case 1:
                return json(401, "{\"code\":401,\"message\":\"bad token " + secrets.get(1) + "\"}");
              case 2:
                return new MockResponse.Builder().code(200).body("{\"userDevices\":[")
                    .onResponseBody(new SocketEffect.CloseSocket()).build();
              default:
                return new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build();
            }
          default:
            return json(200, "{\"requestId\":\"r\"}");
        }
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(HttpLogLevel.class)
  void noSecretReachesTheLogAtAnyLevel(HttpLogLevel level) {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Secp256k1Signer signer = Secp256k1Signer.of(PrivateKey.fromHex(TestSupport.PRIVATE_KEY_HEX));
    DimoClient client = TestSupport.clientFor(server, new TestSupport.RecordingSleeper())
        .readTimeout(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.none())
        .web3Login("0xclient", "https://example.com/cb", signer)
        .httpLogging(level, lines::add)
        .build();

    client.userDevices().listMyVehicles().execute();
    client.vehicleCommands().lockDoors(7L).execute();
    assertThrows(UnauthorizedException.class, () -> client.userDevices().listMyVehicles().execute());
    assertThrows(DimoIoException.class, () -> client.userDevices().listMyVehicles().execute());
    assertThrows(ServerErrorException.class, () -> client.userDevices().listMyVehicles().execute());

    if (level != HttpLogLevel.NONE) {
      assertTrue(lines.size() > 5, "expected log output at " + level + ": " + lines);
    }
    assertTrue(secrets.size() >= 5, "the scenario must have produced secrets: " + secrets.size());
    for (String line : lines) {
      for (String secret : secrets) {
        assertFalse(line.contains(secret), "secret in log line at " + level + ": " + line);
      }
      assertFalse(line.contains("eyJ"), "JWT-shaped text in log line: " + line);
    }
    if (level == HttpLogLevel.HEADERS || level == HttpLogLevel.BODY) {
      assertTrue(lines.contains("Authorization: \u2588\u2588"), "Authorization header redacted: " + lines);
    }
  }
}
