package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    List<Geofence> geofences = response.body().getGeofences();
    assertEquals(2, geofences.size());
    Geofence home = geofences.get(0);
    assertEquals(GEOFENCE_ID, home.getId());
    assertEquals("Home", home.getName());
    assertEquals(GeofenceType.PRIVACY_FENCE, home.getType());
    assertEquals(List.of("8a2a1072b59ffff", "8a2a1072b597fff"), home.getH3Indexes());
    GeofenceUserDevice bronco = home.getUserDevices().get(0);
    assertEquals(USER_DEVICE_ID, bronco.getUserDeviceId());
    assertEquals("Weekend Bronco", bronco.getName());
    assertEquals("2022 Ford Bronco", bronco.getMmy());
    assertNull(home.getUserDevices().get(1).getName());
    assertEquals(OffsetDateTime.parse("2024-05-01T08:00:00Z"), home.getCreatedAt());
    assertEquals(OffsetDateTime.parse("2024-05-02T09:30:15.5Z"), home.getUpdatedAt());

    Geofence office = geofences.get(1);
    assertEquals("Office", office.getName());
    // "Foo" is not a type this SDK version knows: it must not fail the whole list.
    assertEquals(GeofenceType.UNKNOWN_DEFAULT_OPEN_API, office.getType());
    assertNull(office.getUserDevices());
  }

  @Test
  @WireContract("listGeofences")
  void listGeofencesReadsAnEmptyList() throws Exception {
    enqueueJson(200, "{\"geofences\":[]}");

    Response<GeofenceList> response = execute(api().listGeofences(), 200);

    assertRequestLine(takeRequest(), "GET", "/v1/user/geofences");
    assertEquals(List.of(), response.body().getGeofences());
  }

  @Test
  @WireContract("createGeofence")
  void createGeofenceSendsTheRequestAndReads201Id() throws Exception {
    enqueueJson(201, "{\"id\":\"" + GEOFENCE_ID + "\"}");

    Response<CreateGeofenceResponse> response = execute(api().createGeofence(new GeofenceRequest()
        .name("Home")
        .type(GeofenceType.PRIVACY_FENCE)
        .h3Indexes(List.of("8a2a1072b59ffff", "8a2a1072b597fff"))
        .userDeviceIds(List.of(USER_DEVICE_ID))), 201);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/geofences");
    assertJsonBody(request, "{\"name\":\"Home\",\"type\":\"PrivacyFence\","
        + "\"h3Indexes\":[\"8a2a1072b59ffff\",\"8a2a1072b597fff\"],"
        + "\"userDeviceIds\":[\"" + USER_DEVICE_ID + "\"]}");
    assertEquals(GEOFENCE_ID, response.body().getId());
  }

  @Test
  @WireContract("updateGeofence")
  void updateGeofencePutsTheRequestAndAccepts204() throws Exception {
    enqueueEmpty(204);

    Response<Void> response = execute(api().updateGeofence(GEOFENCE_ID, new GeofenceRequest()
        .name("Home (arrivals)")
        .type(GeofenceType.TRIGGER_ENTRY)
        .h3Indexes(List.of("8a2a1072b59ffff"))
        .userDeviceIds(List.of())), 204);

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
        new GeofenceRequest().name("Exit").type(GeofenceType.TRIGGER_EXIT)), 204);

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
        new GeofenceRequest().name("Home").type(GeofenceType.PRIVACY_FENCE)), 400, GeofenceError.class);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/geofences");
    assertJsonBody(request, "{\"name\":\"Home\",\"type\":\"PrivacyFence\"}");
    assertEquals("Geofence with that name already exists for this user", error.getErrorMessage());
  }

  @Test
  @WireContract("deleteGeofence")
  void deleteGeofenceOfAnUnknownIdDecodesGeofenceError() throws Exception {
    enqueueJson(404, "{\"errorMessage\":\"sql: no rows in result set\"}");

    GeofenceError error = executeError(api().deleteGeofence(GEOFENCE_ID), 404, GeofenceError.class);

    assertRequestLine(takeRequest(), "DELETE", "/v1/user/geofences/" + GEOFENCE_ID);
    assertEquals("sql: no rows in result set", error.getErrorMessage());
  }
}
