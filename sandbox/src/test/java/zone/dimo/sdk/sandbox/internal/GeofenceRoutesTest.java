package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.SandboxHttp;
import zone.dimo.sdk.signing.PrivateKey;

class GeofenceRoutesTest {
  private static final String CELL = "8a2a1072b59ffff";
  private final DimoSandbox sandbox = DimoSandbox.start();
  private final SandboxHttp http = new SandboxHttp(sandbox);
  private final PrivateKey user = PrivateKey.generate(new SecureRandom());
  private String token;

  @BeforeEach
  void login() {
    token = http.login(user);
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  private static String fence(String name, String type, List<String> cells, List<String> vehicles) {
    return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"h3Indexes\":" + array(cells)
        + ",\"userDeviceIds\":" + array(vehicles) + "}";
  }

  private static String array(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (String v : values) {
      sb.append(sb.length() == 1 ? "" : ",").append('"').append(v).append('"');
    }
    return sb.append(']').toString();
  }

  private static List<String> cells(int n) {
    return java.util.Collections.nCopies(n, CELL); // the service does not require distinct tiles
  }

  @Test
  void crud() {
    String vehicle = http.mintedVehicle(token, user, sandbox.deviceDefinitions().get(0).sampleVin());
    SandboxHttp.Answer created = http.post("/v1/user/geofences", token, fence("Home", "PrivacyFence", List.of(CELL), List.of(vehicle)));
    assertEquals(201, created.status(), created.body());
    String id = (String) created.json().get("id");
    assertEquals(27, id.length());

    Map<?, ?> listed = (Map<?, ?>) ((List<?>) http.get("/v1/user/geofences", token).json().get("geofences")).get(0);
    assertEquals("Home", listed.get("name"));
    assertEquals("PrivacyFence", listed.get("type"));
    assertEquals(List.of(CELL), listed.get("h3Indexes"));
    assertEquals("2022 Ford Bronco", ((Map<?, ?>) ((List<?>) listed.get("userDevices")).get(0)).get("mmy"));

    SandboxHttp.Answer updated = http.devices("PUT", "/v1/user/geofences/" + id, token, fence("Work", "TriggerExit", cells(12), List.of()));
    assertEquals(204, updated.status(), updated.body());
    Map<?, ?> after = (Map<?, ?>) ((List<?>) http.get("/v1/user/geofences", token).json().get("geofences")).get(0);
    assertEquals("Work", after.get("name"));
    assertEquals(12, ((List<?>) after.get("h3Indexes")).size());

    assertEquals(204, http.devices("DELETE", "/v1/user/geofences/" + id, token, null).status());
    assertEquals(List.of(), http.get("/v1/user/geofences", token).json().get("geofences"));
    SandboxHttp.Answer gone = http.devices("DELETE", "/v1/user/geofences/" + id, token, null);
    assertEquals(404, gone.status());
    assertEquals(Map.of("errorMessage", "sql: no rows in result set"), gone.json());
  }

  @Test
  void atMostTwelveTiles() {
    assertEquals(201, http.post("/v1/user/geofences", token, fence("a", "TriggerEntry", cells(12), List.of())).status());
    SandboxHttp.Answer a = http.post("/v1/user/geofences", token, fence("b", "TriggerEntry", cells(13), List.of()));
    assertEquals(400, a.status());
    assertEquals(Map.of("errorMessage", "h3Indexes: the length must be no more than 12."), a.json());
  }

  @Test
  void namesAreUniquePerUser() {
    assertEquals(201, http.post("/v1/user/geofences", token, fence("Home", "TriggerEntry", List.of(), List.of())).status());
    SandboxHttp.Answer dup = http.post("/v1/user/geofences", token, fence("Home", "TriggerExit", List.of(), List.of()));
    assertEquals(400, dup.status());
    assertEquals("Geofence with that name already exists for this user", dup.json().get("errorMessage"));
    String other = http.login(PrivateKey.generate(new SecureRandom()));
    assertEquals(201, http.post("/v1/user/geofences", other, fence("Home", "TriggerEntry", List.of(), List.of())).status());
    assertEquals(1, ((List<?>) http.get("/v1/user/geofences", other).json().get("geofences")).size());
    String second = (String) http.post("/v1/user/geofences", token, fence("Work", "TriggerEntry", List.of(), List.of())).json().get("id");
    assertEquals(400, http.devices("PUT", "/v1/user/geofences/" + second, token, fence("Home", "TriggerEntry", List.of(), List.of())).status());
  }

  @Test
  void validation() {
    SandboxHttp.Answer blank = http.post("/v1/user/geofences", token, "{}");
    assertEquals(Map.of("errorMessage", "name: cannot be blank; type: cannot be blank."), blank.json());
    SandboxHttp.Answer type = http.post("/v1/user/geofences", token, fence("x", "Circle", List.of(), List.of()));
    assertEquals("type: must be a valid value.", type.json().get("errorMessage"));
    SandboxHttp.Answer cell = http.post("/v1/user/geofences", token, fence("x", "TriggerEntry", List.of("zzz"), List.of()));
    assertEquals(400, cell.status());
    assertTrue(((String) cell.json().get("errorMessage")).startsWith("h3Indexes: (0) \"zzz\""));
    SandboxHttp.Answer unminted = http.post("/v1/user/geofences", token, fence("x", "TriggerEntry", List.of(),
        List.of(http.createFromVin(token, sandbox.deviceDefinitions().get(0).sampleVin()))));
    assertEquals(400, unminted.status());
    assertEquals(new BigDecimal(400), unminted.json().get("code"));
    SandboxHttp.Answer notMine = http.post("/v1/user/geofences", token, fence("x", "TriggerEntry", List.of(), List.of("nope")));
    assertEquals("User doesn't own a device with id \"nope\".", notMine.json().get("message"));
    assertEquals(404, http.devices("PUT", "/v1/user/geofences/nope", token, fence("x", "TriggerEntry", List.of(), List.of())).status());
  }
}
