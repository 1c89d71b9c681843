package zone.dimo.sdk.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every Devices API operation states its upstream status ({@code x-dimo-upstream}): {@code served}
 * (the route is still in devices-api's code, HEAD b63a7b29) or {@code retired} with the commit and
 * date that removed it (DESIGN.md §9). Retired operations are {@code deprecated: true}; the only
 * deprecated operation still served is the mint payload, deprecated by the published docs'
 * "[Deprecating]" marker (ERRATA.md 25).
 */
class UpstreamStatusSpecTest {
  private static final Set<String> KEYS = Set.of("status", "retiredIn", "retiredOn", "successor");
  /** Commit → date, as in DESIGN.md §9 and ERRATA.md. */
  private static final Map<String, String> RETIREMENTS = Map.of(
      "000c7783", "2024-04-15",
      "44b1ce57", "2025-01-17",
      "22efd8de", "2025-01-23",
      "712917ee", "2025-02-11",
      "1c313f3a", "2025-08-04",
      "d8b0a6fb", "2025-08-11");

  private static Map<String, Operation> operations() {
    String dir = System.getProperty("dimo.openapi.dir");
    assertNotNull(dir, "surefire sets dimo.openapi.dir");
    OpenAPI api = new OpenAPIV3Parser().read(Paths.get(dir, "devices-api.yaml").toString());
    Map<String, Operation> out = new TreeMap<>();
    for (PathItem item : api.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        out.put(op.getOperationId(), op);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> upstream(Operation op) {
    Object value = op.getExtensions() == null ? null : op.getExtensions().get("x-dimo-upstream");
    assertTrue(value instanceof Map, op.getOperationId() + ": x-dimo-upstream is an object");
    return (Map<String, Object>) value;
  }

  @Test
  void everyOperationHasAValidUpstreamStatus() {
    Map<String, Operation> ops = operations();
    assertEquals(33, ops.size());
    for (Operation op : ops.values()) {
      String id = op.getOperationId();
      Map<String, Object> u = upstream(op);
      assertTrue(KEYS.containsAll(u.keySet()), id + ": unknown keys " + u.keySet());
      Object status = u.get("status");
      if ("retired".equals(status)) {
        String commit = (String) u.get("retiredIn");
        assertTrue(RETIREMENTS.containsKey(commit), id + ": retiredIn " + commit);
        assertEquals(RETIREMENTS.get(commit), u.get("retiredOn"), id + ": retiredOn is a quoted date of that commit");
        assertEquals(Boolean.TRUE, op.getDeprecated(), id + ": retired => deprecated");
      } else {
        assertEquals("served", status, id);
        assertEquals(null, u.get("retiredIn"), id);
        assertEquals(null, u.get("retiredOn"), id);
        if (Boolean.TRUE.equals(op.getDeprecated())) {
          assertEquals("getMintPayload", id, "deprecated but served: only the docs' [Deprecating] mint payload");
        }
      }
      if (u.containsKey("successor")) {
        assertTrue(u.get("successor") instanceof String && !((String) u.get("successor")).isEmpty(), id);
      }
    }
  }

  @Test
  void theStatusesAreDesignSection9s() {
    Map<String, Set<String>> byCommit = new TreeMap<>();
    Set<String> served = new TreeSet<>();
    for (Operation op : operations().values()) {
      Map<String, Object> u = upstream(op);
      if ("served".equals(u.get("status"))) {
        served.add(op.getOperationId());
      } else {
        byCommit.computeIfAbsent((String) u.get("retiredIn"), k -> new TreeSet<>()).add(op.getOperationId());
      }
    }
    assertEquals(new TreeSet<>(Set.of("listMyVehicles", "createVehicle", "getMintPayload", "submitMint", "optIn",
        "lockDoors", "unlockDoors", "openFrunk", "openTrunk", "listErrorCodes", "submitErrorCodes", "clearErrorCodes")),
        served);
    assertEquals(Map.of(
        "000c7783", Set.of("getDcnMetadata", "getDcnImage"),
        "44b1ce57", Set.of("getAftermarketDeviceMetadata", "getAftermarketDeviceImage",
            "getAftermarketDeviceMetadataByAddress", "getSyntheticDeviceMetadata", "getClaimPayload", "submitClaim",
            "getPairPayload", "submitPair", "getUnpairPayload", "submitUnpair"),
        "22efd8de", Set.of("updateVin"),
        "712917ee", Set.of("listGeofences", "createGeofence", "updateGeofence", "deleteGeofence"),
        "1c313f3a", Set.of("getAftermarketDevice"),
        "d8b0a6fb", Set.of("createVehicleFromVin", "createVehicleFromSmartcar", "refreshData")), byCommit);
  }

  @Test
  void theReadmeTableSaysWhatTheSpecSays() throws java.io.IOException {
    java.nio.file.Path readme = Paths.get(System.getProperty("dimo.openapi.dir"), "..", "README.md");
    String text = new String(java.nio.file.Files.readAllBytes(readme), java.nio.charset.StandardCharsets.UTF_8);
    int start = text.indexOf("## Which operations DIMO still serves");
    assertTrue(start >= 0, "README section");
    String section = text.substring(start, text.indexOf("\n## ", start + 1));
    Map<String, String> rows = new TreeMap<>();
    for (String line : section.split("\n")) {
      if (line.startsWith("| `")) {
        String[] cells = line.split(" \\| ");
        rows.put(cells[0].substring(3, cells[0].length() - 1), cells[2] + " | " + cells[3].replaceAll(" \\|$", ""));
      }
    }
    Map<String, String> expected = new TreeMap<>();
    for (Operation op : operations().values()) {
      Map<String, Object> u = upstream(op);
      String status = "served".equals(u.get("status"))
          ? "served" : "retired " + u.get("retiredOn") + " (`" + u.get("retiredIn") + "`)";
      Object successor = u.get("successor");
      expected.put(op.getOperationId(), status + " | " + (successor == null ? "\u2014" : successor));
    }
    assertEquals(expected, rows);
  }
}
