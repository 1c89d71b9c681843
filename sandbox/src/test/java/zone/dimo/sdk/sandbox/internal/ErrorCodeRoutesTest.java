package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.SandboxHttp;
import zone.dimo.sdk.signing.PrivateKey;

class ErrorCodeRoutesTest {
  private final DimoSandbox sandbox = DimoSandbox.start();
  private final SandboxHttp http = new SandboxHttp(sandbox);
  private String token;
  private String path;

  @BeforeEach
  void vehicle() {
    token = http.login(PrivateKey.generate(new SecureRandom()));
    String id = http.createFromVin(token, sandbox.deviceDefinitions().get(0).sampleVin());
    path = "/v1/user/devices/" + id + "/error-codes";
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  private static String codes(int n, String code) {
    StringBuilder sb = new StringBuilder("{\"errorCodes\":[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(code).append('"');
    }
    return sb.append("]}").toString();
  }

  @Test
  void submitListClearAndClearAgain() {
    SandboxHttp.Answer submit = http.post(path, token, "{\"errorCodes\":[\"P0148\",\"\",\"U0100\"]}");
    assertEquals(200, submit.status(), submit.body());
    assertTrue(submit.body().startsWith("{\"errorCodes\":[{\"code\":\"P0148\",\"description\":\"Fuel delivery error\"},"
        + "{\"code\":\"U0100\",\"description\":"), submit.body());
    assertTrue(submit.body().endsWith(",\"clearedAt\":null}"), submit.body());

    SandboxHttp.Answer list = http.get(path, token);
    assertEquals(200, list.status());
    List<?> queries = (List<?>) list.json().get("queries");
    assertEquals(1, queries.size());
    Map<?, ?> q = (Map<?, ?>) queries.get(0);
    assertEquals(2, ((List<?>) q.get("errorCodes")).size());
    assertTrue(q.get("requestedAt") instanceof String);
    assertNull(q.get("clearedAt"));

    SandboxHttp.Answer clear = http.post(path + "/clear", token, null);
    assertEquals(200, clear.status());
    assertTrue(clear.json().get("clearedAt") instanceof String);
    assertEquals(2, ((List<?>) clear.json().get("errorCodes")).size());

    SandboxHttp.Answer again = http.post(path + "/clear", token, null);
    assertEquals(400, again.status());
    assertEquals("all error codes already cleared", again.json().get("message"));
    assertTrue(((Map<?, ?>) ((List<?>) http.get(path, token).json().get("queries")).get(0)).get("clearedAt") instanceof String);
  }

  @Test
  void limits() {
    assertEquals(200, http.post(path, token, codes(100, "P0300")).status());
    SandboxHttp.Answer tooMany = http.post(path, token, codes(101, "P0300"));
    assertEquals(400, tooMany.status());
    assertEquals("Too many error codes. Error codes list must be 100 or below in length.", tooMany.json().get("message"));
    assertEquals("Invalid error code \"P01\".", http.post(path, token, codes(1, "P01")).json().get("message"));
    assertEquals(400, http.post(path, token, codes(1, "P01234567")).status());
    assertEquals(200, http.post(path, token, codes(1, "P0123456")).status());
    assertEquals(200, http.post(path, token, codes(1, "P0123")).status());
  }

  @Test
  void refusals() {
    SandboxHttp.Answer wrapped = http.post(path, token, "{\"queryDeviceErrorCodes\":{\"errorCodes\":[\"P0148\"]}}");
    assertEquals(400, wrapped.status());
    assertTrue(((String) wrapped.json().get("message")).contains("queryDeviceErrorCodes"));
    assertEquals("Couldn't parse request.", http.post(path, token, "{\"errorCodes\":\"P0148\"}").json().get("message"));
    SandboxHttp.Answer nothing = http.post(path + "/clear", token, null);
    assertEquals(400, nothing.status());
    SandboxHttp.Answer empty = http.post(path, token, "{\"errorCodes\":[]}");
    assertEquals("{\"errorCodes\":[],\"clearedAt\":null}", empty.body());
    assertEquals(List.of(), http.get(path, token).json().get("queries"), "an empty submission is not stored");
  }
}
