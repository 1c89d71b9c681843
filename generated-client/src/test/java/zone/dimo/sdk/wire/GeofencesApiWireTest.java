package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import zone.dimo.sdk.devices.api.GeofencesApi;
import zone.dimo.sdk.devices.model.CreateGeofenceResponse;
import zone.dimo.sdk.devices.model.Geofence;
import zone.dimo.sdk.devices.model.GeofenceError;
import zone.dimo.sdk.devices.model.GeofenceList;
import zone.dimo.sdk.devices.model.GeofenceRequest;
import zone.dimo.sdk.devices.model.GeofenceType;
import zone.dimo.sdk.devices.model.GeofenceUserDevice;

class GeofencesApiWireTest extends WireTestSupport {

  private static final String GEOFENCE_ID = "2bjtMnR0q3s1TJzYvW8kLxCeHaP";
  private static final String USER_DEVICE_ID = "2bjtLvUGPjtoffSFHR2CjshPb3t";

  private GeofencesApi api() {
    return api(GeofencesApi.class);
  }

  @Test
  @WireContract("listGeofences")
  void listGeofencesReadsTheWrappedListAndAnUnknownType() throws Exception {
    enqueueFixture(200, "geofences.json");

    Response<GeofenceList> response = execute(api().listGeofences(), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/user/geofences");
    assertNoBody(request);

    List<Geofence> geofences = response.body().geofences();
    assertEquals(2, geofences.size());
    Geofence home = geofences.get(0);
    assertEquals(GEOFENCE_ID, home.id());
    assertEquals("Home", home.name());
    assertEquals(GeofenceType.PRIVACY_FENCE, home.type());
    assertEquals(List.of("8a2a1072b59ffff", "8a2a1072b597fff"), home.h3Indexes());
    GeofenceUserDevice bronco = home.userDevices().get(0);
    assertEquals(USER_DEVICE_ID, bronco.userDeviceId());
    assertEquals("Weekend Bronco", bronco.name());
    assertEquals("2022 Ford Bronco", bronco.mmy());
    assertNull(home.userDevices().get(1).name());
    assertEquals(OffsetDateTime.parse("2024-05-01T08:00:00Z"), home.createdAt());
    assertEquals(OffsetDateTime.parse("2024-05-02T09:30:15.5Z"), home.updatedAt());

    Geofence office = geofences.get(1);
    assertEquals("Office", office.name());
    // "Foo" is not a type this SDK version knows: it must not fail the whole list.
    assertEquals("Foo", office.type().value());
    assertFalse(office.type().isKnown());
    assertNull(office.userDevices());
  }

  @Test
  @WireContract("listGeofences")
  void listGeofencesReadsAnEmptyList() throws Exception {
    enqueueJson(200, "{\"geofences\":[]}");

    Response<GeofenceList> response = execute(api().listGeofences(), 200);

    assertRequestLine(takeRequest(), "GET", "/v1/user/geofences");
    assertEquals(List.of(), response.body().geofences());
  }

  @Test
  @WireContract("createGeofence")
  void createGeofenceSendsTheRequestAndReads201Id() throws Exception {
    enqueueJson(201, "{\"id\":\"" + GEOFENCE_ID + "\"}");

    Response<CreateGeofenceResponse> response = execute(api().createGeofence(GeofenceRequest.builder()
        .name("Home")
        .type(GeofenceType.PRIVACY_FENCE)
        .h3Indexes(List.of("8a2a1072b59ffff", "8a2a1072b597fff"))
        .userDeviceIds(List.of(USER_DEVICE_ID)).build()), 201);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/geofences");
    assertJsonBody(request, "{\"name\":\"Home\",\"type\":\"PrivacyFence\","
        + "\"h3Indexes\":[\"8a2a1072b59ffff\",\"8a2a1072b597fff\"],"
        + "\"userDeviceIds\":[\"" + USER_DEVICE_ID + "\"]}");
    assertEquals(GEOFENCE_ID, response.body().id());
  }

  @Test
  @WireContract("updateGeofence")
  void updateGeofencePutsTheRequestAndAccepts204() throws Exception {
    enqueueEmpty(204);

    Response<Void> response = execute(api().updateGeofence(GEOFENCE_ID, GeofenceRequest.builder()
        .name("Home (arrivals)")
        .type(GeofenceType.TRIGGER_ENTRY)
        .h3Indexes(List.of("8a2a1072b59ffff"))
        .userDeviceIds(List.of()).build()), 204);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "PUT", "/v1/user/geofences/" + GEOFENCE_ID);
    assertJsonBody(request, "{\"name\":\"Home (arrivals)\",\"type\":\"TriggerEntry\","
        + "\"h3Indexes\":[\"8a2a1072b59ffff\"],\"userDeviceIds\":[]}");
    assertNull(response.body());
  }

  @Test
  @WireContract("updateGeofence")
  void updateGeofenceOmitsUnsetLists() throws Exception {
    enqueueEmpty(204);

    execute(api().updateGeofence(GEOFENCE_ID,
        GeofenceRequest.builder().name("Exit").type(GeofenceType.TRIGGER_EXIT).build()), 204);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "PUT", "/v1/user/geofences/" + GEOFENCE_ID);
    assertJsonBody(request, "{\"name\":\"Exit\",\"type\":\"TriggerExit\"}");
  }

  @Test
  @WireContract("deleteGeofence")
  void deleteGeofenceSendsNoBodyAndAccepts204() throws Exception {
    enqueueEmpty(204);

    Response<Void> response = execute(api().deleteGeofence(GEOFENCE_ID), 204);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "DELETE", "/v1/user/geofences/" + GEOFENCE_ID);
    assertNoBody(request);
    assertNull(response.body());
  }

  @Test
  @WireContract("createGeofence")
  void createGeofenceWithADuplicateNameDecodesGeofenceError() throws Exception {
    enqueueJson(400, "{\"errorMessage\":\"Geofence with that name already exists for this user\"}");

    GeofenceError error = executeError(api().createGeofence(
        GeofenceRequest.builder().name("Home").type(GeofenceType.PRIVACY_FENCE).build()), 400, GeofenceError.class);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/geofences");
    assertJsonBody(request, "{\"name\":\"Home\",\"type\":\"PrivacyFence\"}");
    assertEquals("Geofence with that name already exists for this user", error.errorMessage());
  }

  @Test
  @WireContract("deleteGeofence")
  void deleteGeofenceOfAnUnknownIdDecodesGeofenceError() throws Exception {
    enqueueJson(404, "{\"errorMessage\":\"sql: no rows in result set\"}");

    GeofenceError error = executeError(api().deleteGeofence(GEOFENCE_ID), 404, GeofenceError.class);

    assertRequestLine(takeRequest(), "DELETE", "/v1/user/geofences/" + GEOFENCE_ID);
    assertEquals("sql: no rows in result set", error.errorMessage());
  }
}
