package zone.dimo.sdk.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeprecationTest {

  @Test
  void retiredOperationTextNamesDateCommitSuccessorAndWhereItStillWorks() {
    assertEquals("DIMO's hosted Devices API no longer serves this operation: it was retired upstream on"
            + " 2025-11-24 (devices-api commit `abc123`). Replaced by: the Identity API's `vehicles` query."
            + " It remains fully supported against the SDK's sandbox and self-hosted deployments of the"
            + " Devices API.",
        Deprecation.text("listMyVehicles", true, Map.of("status", "retired", "retiredIn", "abc123",
            "retiredOn", "2025-11-24", "successor", "the Identity API's `vehicles` query")));
    assertEquals("DIMO's hosted Devices API no longer serves this operation: it was retired upstream on"
            + " 2025-11-24 (devices-api commit `abc123`). DIMO names no successor. It remains fully"
            + " supported against the SDK's sandbox and self-hosted deployments of the Devices API.",
        Deprecation.text("x", true, Map.of("status", "retired", "retiredIn", "abc123", "retiredOn", "2025-11-24")));
  }

  @Test
  void servedAndPlainDeprecatedOperations() {
    assertNull(Deprecation.text("x", false, Map.of("status", "served")));
    assertNull(Deprecation.text("x", false, Map.of("status", "served", "successor", "y")));
    assertEquals("Deprecated in the API specification; DIMO's hosted Devices API still serves it."
            + " Successor: minting through a smart account.",
        Deprecation.text("getMintPayload", true, Map.of("status", "served", "successor", "minting through a smart account")));
    assertNull(Deprecation.text("x", false, null));
    assertEquals("Deprecated in the API specification.", Deprecation.text("x", true, null));
  }

  @Test
  void inconsistentSpecsFailTheGeneration() {
    assertEquals("Operation x: x-dimo-upstream.status is retired, so the operation must be deprecated: true",
        assertThrows(IllegalStateException.class, () -> Deprecation.text("x", false,
            Map.of("status", "retired", "retiredIn", "a", "retiredOn", "2025-01-01"))).getMessage());
    assertEquals("Operation x: x-dimo-upstream.status is served, so it takes no retiredIn or retiredOn",
        assertThrows(IllegalStateException.class, () -> Deprecation.text("x", true,
            Map.of("status", "served", "retiredOn", "2025-01-01"))).getMessage());
    assertEquals("Operation x: x-dimo-upstream.status is retired but retiredIn is missing",
        assertThrows(IllegalStateException.class, () -> Deprecation.text("x", true,
            Map.of("status", "retired", "retiredOn", "2025-01-01"))).getMessage());
    assertEquals("Operation x: x-dimo-upstream.status must be served or retired, not gone",
        assertThrows(IllegalStateException.class, () -> Deprecation.text("x", true, Map.of("status", "gone")))
            .getMessage());
    assertEquals("Operation x: x-dimo-upstream has an unknown key retired_on (known: status, retiredIn, retiredOn, successor)",
        assertThrows(IllegalStateException.class, () -> Deprecation.text("x", true,
            Map.of("status", "retired", "retired_on", "2025-01-01"))).getMessage());
  }
}
