package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.TestSupport.clientFor;
import static zone.dimo.sdk.TestSupport.json;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.errors.BadRequestException;
import zone.dimo.sdk.errors.DimoAuthenticationException;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.PersonalSign;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

class Web3LoginTokenProviderTest {
  static final String CLIENT_ID = "0x22de9eb3e7bd1ea7e1d36b2ec7e5a9c0ec18b7c7";
  static final String DOMAIN = "https://example.com/callback";
  static final String CHALLENGE = "auth.dimo.zone wants you to sign in with your Ethereum account";

  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final Secp256k1Signer signer =
      Secp256k1Signer.of(PrivateKey.fromHex(TestSupport.PRIVATE_KEY_HEX));
  private final AtomicInteger challenges = new AtomicInteger();
  private final AtomicInteger logins = new AtomicInteger();
  private final List<String> issued = new ArrayList<>();
  private volatile long lifetimeSeconds = 3600;
  private volatile boolean jwtTokens = true;
  private volatile int unauthorizedReads;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/auth/web3/generate_challenge")) {
          int n = challenges.incrementAndGet();
          // The real server labels this JSON as text/plain.
          return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain")
              .body("{\"state\":\"state-" + n + "\",\"challenge\":\"" + CHALLENGE + "\"}").build();
        }
        if (path.equals("/auth/web3/submit_challenge")) {
          int n = logins.incrementAndGet();
          long exp = clock.instant().getEpochSecond() + lifetimeSeconds;
          String token = jwtTokens ? TestSupport.jwt("login-" + n, exp) : "opaque-login-" + n;
          synchronized (issued) {
            issued.add(token);
          }
          return json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\","
              + "\"expires_in\":" + lifetimeSeconds + ",\"id_token\":\"x\"}");
        }
        if (unauthorizedReads > 0) {
          unauthorizedReads--;
          return new MockResponse.Builder().code(401).body("Invalid or expired JWT").build();
        }
        return json(200, "{\"userDevices\":[]}");
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private DimoClient client() {
    return clientFor(server, sleeper).clock(clock).readTimeout(Duration.ofSeconds(10))
        .web3Login(CLIENT_ID, DOMAIN, signer).build();
  }

  @Test
  void logsInWithTheChallengeFlowAndSendsTheAccessToken() throws Exception {
    DimoClient client = client();

    client.userDevices().listMyVehicles().execute();

    RecordedRequest generate = server.takeRequest();
    assertEquals("/auth/web3/generate_challenge", generate.getUrl().encodedPath());
    Map<String, String> form = form(generate);
    assertEquals(CLIENT_ID, form.get("client_id"));
    assertEquals(DOMAIN, form.get("domain"));
    assertEquals("openid email", form.get("scope"));
    assertEquals("code", form.get("response_type"));
    assertEquals(signer.address().toChecksumHex(), form.get("address"));
    assertEquals(null, generate.getHeaders().get("Authorization"));

    RecordedRequest submit = server.takeRequest();
    Map<String, String> submitted = form(submit);
    assertEquals("state-1", submitted.get("state"));
    assertEquals(PersonalSign.signText(signer, CHALLENGE).toHex(), submitted.get("signature"));
    assertEquals("authorization_code", submitted.get("grant_type"));
    assertEquals(CLIENT_ID, submitted.get("client_id"));
    assertEquals(DOMAIN, submitted.get("domain"));

    RecordedRequest read = server.takeRequest();
    assertEquals("Bearer " + issued.get(0), read.getHeaders().get("Authorization"));
  }

  @Test
  void thirtyTwoConcurrentCallersShareOneLogin() throws Exception {
    DimoClient client = client();
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit((Callable<Object>) () -> {
          go.await();
          return client.userDevices().listMyVehicles().execute();
        }));
      }
      go.countDown();
      for (Future<Object> result : results) {
        result.get(20, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, challenges.get());
    assertEquals(1, logins.get());
    assertEquals(2 + threads, server.getRequestCount());
  }

  @Test
  void refreshesShortlyBeforeTheJwtExpires() {
    DimoClient client = client();
    client.userDevices().listMyVehicles().execute();
    clock.advance(Duration.ofMinutes(58)); // 2 minutes left: still outside the 60 s margin
    client.userDevices().listMyVehicles().execute();
    assertEquals(1, logins.get());

    clock.advance(Duration.ofSeconds(61)); // 59 s left: inside the margin
    client.userDevices().listMyVehicles().execute();

    assertEquals(2, logins.get());
  }

  @Test
  void fallsBackToExpiresInForOpaqueTokens() {
    jwtTokens = false;
    lifetimeSeconds = 600;
    DimoClient client = client();
    client.userDevices().listMyVehicles().execute();
    clock.advance(Duration.ofSeconds(539));
    client.userDevices().listMyVehicles().execute();
    assertEquals(1, logins.get());

    clock.advance(Duration.ofSeconds(2));
    client.userDevices().listMyVehicles().execute();

    assertEquals(2, logins.get());
  }

  @Test
  void unauthorizedCachedTokenIsDroppedAndTheSafeCallRetriedOnce() throws Exception {
    DimoClient client = client();
    client.userDevices().listMyVehicles().execute();
    unauthorizedReads = 1;

    client.userDevices().listMyVehicles().execute();

    assertEquals(2, logins.get());
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      requests.add(server.takeRequest());
    }
    RecordedRequest last = requests.get(requests.size() - 1);
    assertEquals("/v1/user/devices/me", last.getUrl().encodedPath());
    assertEquals("Bearer " + issued.get(1), last.getHeaders().get("Authorization"));
  }

  @Test
  void failedLoginSurfacesTheAuthServersError() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(400, "{\"status\":400,\"message\":\"unknown client id\"}");
      }
    });
    DimoClient client = client();

    // The caller made listMyVehicles: the failure says so, is an authentication failure (not
    // the login's 400), and keeps the auth server's answer as its cause.
    DimoAuthenticationException e = assertThrows(DimoAuthenticationException.class,
        () -> client.userDevices().listMyVehicles().execute());

    assertEquals("listMyVehicles: could not get a user access token: generateChallenge failed:"
        + " HTTP 400: unknown client id (code 400)", e.getMessage());
    BadRequestException cause = assertInstanceOf(BadRequestException.class, e.getCause());
    assertEquals("generateChallenge", cause.operationId());
    assertEquals("unknown client id", cause.errorMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void theClientsProviderIsCompleteAndPrintsNoSecrets() throws Exception {
    TokenProvider provider = client().userTokens();

    assertEquals("web3Login(clientId=" + CLIENT_ID + ", domain=" + DOMAIN
        + ", address=" + signer.address() + ")", provider.toString());
    // Usable as held: logs in on first use, no binding step.
    String token = provider.token();
    assertEquals(issued.get(0), token);
    assertEquals(2, server.getRequestCount());
    assertFalse(provider.toString().contains(TestSupport.PRIVATE_KEY_HEX.substring(2)));
    assertTrue(TokenProvider.of("secret-token").toString().contains("[redacted]"));
    assertFalse(TokenProvider.of("secret-token").toString().contains("secret-token"));
  }

  @Test
  void aDeveloperLicenseLogsInAsTheLicenseSignedByItsApiKey() throws Exception {
    Address license = Address.fromHex("0x1111111111111111111111111111111111111111");
    DimoClient client = clientFor(server, sleeper).clock(clock)
        .developerLicense(license, DOMAIN, signer).build();

    String token = client.licenseTokens().token();
    assertEquals(issued.get(0), token);

    Map<String, String> challenge = form(server.takeRequest());
    assertEquals(license.toChecksumHex(), challenge.get("client_id"));
    assertEquals(license.toChecksumHex(), challenge.get("address"));
    assertEquals(DOMAIN, challenge.get("domain"));
    Map<String, String> submit = form(server.takeRequest());
    assertEquals(license.toChecksumHex(), submit.get("client_id"));
    EthSignature signature = EthSignature.fromHex(submit.get("signature"));
    assertEquals(signer.address(), signature.recoverSigner(PersonalSign.hashText(CHALLENGE)));
    assertEquals("developerLicense(clientId=" + license.toChecksumHex() + ", domain=" + DOMAIN
        + ", address=" + license + ")", client.licenseTokens().toString());
  }

  static Map<String, String> form(RecordedRequest request) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : request.getBody().utf8().split("&")) {
      int eq = pair.indexOf('=');
      fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8.name()),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8.name()));
    }
    return fields;
  }
}
