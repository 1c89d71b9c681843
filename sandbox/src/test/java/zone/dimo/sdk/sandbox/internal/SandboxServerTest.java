package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.SandboxHttp;
import zone.dimo.sdk.signing.PrivateKey;

class SandboxServerTest {
  private final DimoSandbox sandbox = DimoSandbox.start();
  private final SandboxHttp http = new SandboxHttp(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void unknownPathsAre404AndWrongMethods405() {
    SandboxHttp.Answer missing = http.get("/v1/nope", null);
    assertEquals(404, missing.status());
    assertEquals(Map.of("code", new BigDecimal(404), "message", "Cannot GET /v1/nope"), missing.json());
    String token = http.login(PrivateKey.generate(new SecureRandom()));
    SandboxHttp.Answer wrong = http.post("/v1/user/devices/me", token, "{}");
    assertEquals(405, wrong.status());
    assertEquals("Method Not Allowed", wrong.json().get("message"));
    assertEquals("GET", wrong.headers().get("Allow"));
    assertEquals(405, http.devices("DELETE", "/v1/synthetic/device/512", null, null).status());
  }

  @Test
  void userRoutesNeedABearerToken() {
    SandboxHttp.Answer none = http.get("/v1/user/devices/me", null);
    assertEquals(401, none.status());
    assertEquals("text/plain; charset=utf-8", none.contentType());
    assertEquals("Invalid or expired JWT", none.body());
    SandboxHttp.Answer basic = http.send(new okhttp3.Request.Builder().url(sandbox.devicesUrl() + "/v1/user/devices/me")
        .header("Authorization", "Basic dXNlcjpwYXNz").build());
    assertEquals(401, basic.status());
    SandboxHttp.Answer garbage = http.get("/v1/user/devices/me", "not.a.jwt");
    assertEquals(401, garbage.status());
    assertEquals("text/plain; charset=utf-8", garbage.contentType());
    assertEquals("Invalid or expired JWT", garbage.body());
    String token = http.login(PrivateKey.generate(new SecureRandom()));
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    assertEquals(401, http.get("/v1/user/devices/me", tampered).status());
    SandboxHttp.Answer lowercaseScheme = http.send(new okhttp3.Request.Builder().url(sandbox.devicesUrl() + "/v1/user/devices/me")
        .header("Authorization", "bearer " + token).build());
    assertEquals(200, lowercaseScheme.status());
  }

  @Test
  void userRoutesRefusePrivilegeTokens() {
    PrivateKey owner = PrivateKey.generate(new SecureRandom());
    String token = http.login(owner);
    String id = http.mintedVehicle(token, owner, sandbox.deviceDefinitions().get(0).sampleVin());
    String privilege = http.privilegeToken(token, http.tokenIdOf(token, id), 2);
    SandboxHttp.Answer a = http.get("/v1/user/devices/me", privilege);
    assertEquals(401, a.status());
    assertEquals("Invalid or expired JWT", a.body());
  }

  @Test
  void aTrailingSlashIsTolerated() {
    assertEquals(200, http.get("/v1/synthetic/device/512/", null).status());
  }

  @Test
  void concurrentRequestsAreSafe() throws Exception {
    String token = http.login(PrivateKey.generate(new SecureRandom()));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        final int serial = i;
        results.add(pool.submit(() -> http.post("/v1/user/devices/fromvin", token,
            "{\"countryCode\":\"USA\",\"vin\":\"" + sandbox.deviceDefinitions().get(0).vin(serial) + "\"}").status()));
      }
      for (Future<Integer> f : results) {
        assertEquals(201, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(40, ((List<?>) http.get("/v1/user/devices/me", token).json().get("userDevices")).size());
  }
}
