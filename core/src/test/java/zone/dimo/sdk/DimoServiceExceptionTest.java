package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.errors.ConflictException;
import zone.dimo.sdk.errors.DimoServiceException;
import zone.dimo.sdk.errors.ErrorResponse;

class DimoServiceExceptionTest {
  private static ErrorResponse error(String code, String message) {
    Map<String, List<String>> headers = new TreeMap<>();
    headers.put("Content-Type", Collections.singletonList("application/json"));
    headers.put("X-Trace", Arrays.asList("a", "b"));
    return ErrorResponse.of("createVehicle", 409, headers, code, message, "{\"code\":409}");
  }

  @Test
  void carriesEverythingAndDescribesItselfWithoutSecrets() {
    ConflictException e = new ConflictException(error("409", "VIN in use by " + TestSupport.USER_TOKEN));

    assertEquals("createVehicle", e.operationId());
    assertEquals(409, e.statusCode());
    assertEquals("409", e.errorCode());
    assertEquals("{\"code\":409}", e.rawBody());
    assertEquals("application/json", e.header("CONTENT-TYPE"));
    assertEquals(Arrays.asList("a", "b"), e.headers().get("x-trace"));
    assertNull(e.header("missing"));
    assertEquals("createVehicle failed: HTTP 409: VIN in use by [redacted] (code 409)",
        e.getMessage());
  }

  @Test
  void headersAreUnmodifiable() {
    DimoServiceException e = new ConflictException(error(null, null));
    assertThrows(UnsupportedOperationException.class, () -> e.headers().put("x", null));
    assertThrows(UnsupportedOperationException.class, () -> e.headers().get("x-trace").add("c"));
    assertEquals("createVehicle failed: HTTP 409", e.getMessage());
  }
}
