package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import zone.dimo.sdk.devices.api.VehicleCommandsApi;
import zone.dimo.sdk.devices.model.CommandResponse;
import zone.dimo.sdk.devices.model.DimoError;
import zone.dimo.sdk.spec.DimoCall;

class VehicleCommandsApiWireTest extends WireTestSupport {

  private static final long TOKEN_ID = 21957L;
  private static final String REQUEST_ID = "2bh8fNMoix9qduuiE9NHUzTGpZx";

  private VehicleCommandsApi api() {
    return api(VehicleCommandsApi.class);
  }

  @Test
  @WireContract("lockDoors")
  void lockDoors() throws Exception {
    assertCommand(api().lockDoors(TOKEN_ID), "/v1/vehicle/21957/commands/doors/lock");
  }

  @Test
  @WireContract("unlockDoors")
  void unlockDoors() throws Exception {
    assertCommand(api().unlockDoors(TOKEN_ID), "/v1/vehicle/21957/commands/doors/unlock");
  }

  @Test
  @WireContract("openFrunk")
  void openFrunk() throws Exception {
    assertCommand(api().openFrunk(TOKEN_ID), "/v1/vehicle/21957/commands/frunk/open");
  }

  @Test
  @WireContract("openTrunk")
  void openTrunk() throws Exception {
    assertCommand(api().openTrunk(TOKEN_ID), "/v1/vehicle/21957/commands/trunk/open");
  }

  @Test
  @WireContract("lockDoors")
  void tokenIdBeyondIntRangeIsSentInDecimal() throws Exception {
    assertCommand(api().lockDoors(4_294_967_301L), "/v1/vehicle/4294967301/commands/doors/lock");
  }

  /** Every command is a bodiless POST answered {@code 200 {"requestId": ...}}. */
  private void assertCommand(DimoCall<CommandResponse> call, String target) throws Exception {
    enqueueJson(200, "{\"requestId\":\"" + REQUEST_ID + "\"}");

    Response<CommandResponse> response = execute(call, 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", target);
    assertEmptyPost(request);
    assertEquals(REQUEST_ID, response.body().requestId());
  }

  @Test
  @WireContract("unlockDoors")
  void underPrivilegedTokenGetsJson401() throws Exception {
    enqueueJson(401, "{\"code\":401,\"message\":\"Unauthorized! Token does not contain required privileges\"}");

    DimoError error = executeError(api().unlockDoors(TOKEN_ID), 401, DimoError.class);

    assertRequestLine(takeRequest(), "POST", "/v1/vehicle/21957/commands/doors/unlock");
    assertEquals(401, error.code());
    assertEquals("Unauthorized! Token does not contain required privileges", error.message());
  }
}
