package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import zone.dimo.sdk.devices.api.ErrorCodesApi;
import zone.dimo.sdk.devices.model.DimoError;
import zone.dimo.sdk.devices.model.ErrorCodeDescription;
import zone.dimo.sdk.devices.model.ErrorCodeQuery;
import zone.dimo.sdk.devices.model.ErrorCodeQueryList;
import zone.dimo.sdk.devices.model.ErrorCodesResult;
import zone.dimo.sdk.devices.model.SubmitErrorCodesRequest;

class ErrorCodesApiWireTest extends WireTestSupport {

  private static final String USER_DEVICE_ID = "2bjtLvUGPjtoffSFHR2CjshPb3t";

  private ErrorCodesApi api() {
    return api(ErrorCodesApi.class);
  }

  @Test
  @WireContract("listErrorCodes")
  void listErrorCodesReadsEveryQuery() throws Exception {
    enqueueFixture(200, "error-code-queries.json");

    Response<ErrorCodeQueryList> response = execute(api().listErrorCodes(USER_DEVICE_ID), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/user/devices/" + USER_DEVICE_ID + "/error-codes");
    assertNoBody(request);

    List<ErrorCodeQuery> queries = response.body().queries();
    assertEquals(2, queries.size());
    assertEquals(List.of("P0106", "P0279"), codes(queries.get(0).errorCodes()));
    assertEquals("Manifold Absolute Pressure/Barometric Pressure Circuit Range/Performance Problem",
        queries.get(0).errorCodes().get(0).description());
    assertEquals(OffsetDateTime.parse("2023-05-24T08:01:12Z"), queries.get(0).requestedAt());
    assertNull(queries.get(0).clearedAt());
    assertEquals(List.of("P0148"), codes(queries.get(1).errorCodes()));
    assertEquals(OffsetDateTime.parse("2023-05-23T12:56:36Z"), queries.get(1).requestedAt());
    assertEquals(OffsetDateTime.parse("2023-05-23T12:57:05Z"), queries.get(1).clearedAt());
  }

  @Test
  @WireContract("submitErrorCodes")
  void submitErrorCodesSendsAnUnwrappedListAndReadsOneQuery() throws Exception {
    enqueueJson(200, "{\"errorCodes\":["
        + "{\"code\":\"P0106\",\"description\":\"Manifold Absolute Pressure/Barometric Pressure Circuit"
        + " Range/Performance Problem\"},"
        + "{\"code\":\"P0279\",\"description\":\"Cylinder 7 Contribution/Balance Fault\"}],"
        + "\"clearedAt\":null}");

    Response<ErrorCodesResult> response = execute(api().submitErrorCodes(USER_DEVICE_ID,
        SubmitErrorCodesRequest.builder().errorCodes(List.of("P0106", "P0279")).build()), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/error-codes");
    assertJsonBody(request, "{\"errorCodes\":[\"P0106\",\"P0279\"]}");

    ErrorCodesResult result = response.body();
    assertEquals(List.of("P0106", "P0279"), codes(result.errorCodes()));
    assertEquals("Cylinder 7 Contribution/Balance Fault", result.errorCodes().get(1).description());
    assertNull(result.clearedAt());
  }

  @Test
  @WireContract("clearErrorCodes")
  void clearErrorCodesPostsNoBodyAndReadsTheClearedQuery() throws Exception {
    enqueueJson(200, "{\"errorCodes\":[{\"code\":\"P0148\",\"description\":\"Fuel delivery error\"}],"
        + "\"clearedAt\":\"2023-05-23T12:57:05.084Z\"}");

    Response<ErrorCodesResult> response = execute(api().clearErrorCodes(USER_DEVICE_ID), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/error-codes/clear");
    assertEmptyPost(request);

    ErrorCodesResult result = response.body();
    assertEquals("P0148", result.errorCodes().get(0).code());
    assertEquals("Fuel delivery error", result.errorCodes().get(0).description());
    assertEquals(OffsetDateTime.parse("2023-05-23T12:57:05.084Z"), result.clearedAt());
  }

  private static List<String> codes(List<ErrorCodeDescription> descriptions) {
    return descriptions.stream().map(ErrorCodeDescription::code).toList();
  }

  @Test
  @WireContract("clearErrorCodes")
  void clearingTwiceIs400WithDimoError() throws Exception {
    enqueueJson(400, "{\"code\":400,\"message\":\"all error codes already cleared\"}");

    DimoError error = executeError(api().clearErrorCodes(USER_DEVICE_ID), 400, DimoError.class);

    assertRequestLine(takeRequest(), "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/error-codes/clear");
    assertEquals(400, error.code());
    assertEquals("all error codes already cleared", error.message());
  }
}
