package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import zone.dimo.sdk.devices.api.UserDevicesApi;
import zone.dimo.sdk.devices.model.CreateVehicleFromSmartcarRequest;
import zone.dimo.sdk.devices.model.CreateVehicleFromVinRequest;
import zone.dimo.sdk.devices.model.CreateVehicleRequest;
import zone.dimo.sdk.devices.model.DimoError;
import zone.dimo.sdk.devices.model.MetaTransactionStatus;
import zone.dimo.sdk.devices.model.MyDevicesResponse;
import zone.dimo.sdk.devices.model.PowertrainType;
import zone.dimo.sdk.devices.model.TypedDataDocument;
import zone.dimo.sdk.devices.model.TypedDataField;
import zone.dimo.sdk.devices.model.UpdateVinRequest;
import zone.dimo.sdk.devices.model.UserDevice;
import zone.dimo.sdk.devices.model.UserDeviceIntegration;
import zone.dimo.sdk.devices.model.UserDeviceResponse;
import zone.dimo.sdk.devices.model.VehicleMintRequest;
import zone.dimo.sdk.devices.model.VehicleNftData;

class UserDevicesApiWireTest extends WireTestSupport {

  private static final String USER_DEVICE_ID = "2bjtLvUGPjtoffSFHR2CjshPb3t";
  private static final String VIN = "1FMEE5DP5NLA12345";
  private static final String SIGNATURE = "0x60d1a86012c5a650cc05b2a3ecb88747a3e389d32544cc76d5aba38733de3345"
      + "672fd192f058b2b5363c1b4e4fde42462327a46a2fdc7e6f4268e6ab4445b31d1c";
  /** A 1x1 PNG, base64 (standard alphabet, padded) as the mint body carries it. */
  private static final String PNG_BASE64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

  private UserDevicesApi api() {
    return api(UserDevicesApi.class);
  }

  @Test
  @WireContract("createVehicle")
  void createVehicleSendsDefinitionAndCountryAndReadsTheWrappedVehicle() throws Exception {
    enqueueFixture(201, "user-device-created.json");

    Response<UserDeviceResponse> response = execute(api().createVehicle(CreateVehicleRequest.builder()
        .countryCode("USA")
        .deviceDefinitionId("22N2xaPOq2WW2gAHBHd0Ikn4Zob").build()), 201);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices");
    assertJsonBody(request, "{\"countryCode\":\"USA\",\"deviceDefinitionId\":\"22N2xaPOq2WW2gAHBHd0Ikn4Zob\"}");

    UserDevice device = response.body().userDevice();
    assertEquals(USER_DEVICE_ID, device.id());
    assertNull(device.vin());
    assertEquals(false, device.vinConfirmed());
    assertNull(device.name());
    assertEquals("USA", device.countryCode());
    assertEquals("22N2xaPOq2WW2gAHBHd0Ikn4Zob", device.deviceDefinition().deviceDefinitionId());
    assertEquals("2022 Ford Bronco", device.deviceDefinition().name());
    assertEquals("Ford", device.deviceDefinition().make().name());
    assertEquals("https://assets.dimo.xyz/ford.png", device.deviceDefinition().make().logoUrl());
    assertEquals(2022, device.deviceDefinition().type().year());
    assertEquals(List.of("Badlands"), device.deviceDefinition().type().subModels());
    assertEquals(List.of(), device.integrations());
    assertNull(device.nft());
    assertNull(device.optedInAt());
    assertNull(device.privilegedUsers());
  }

  @Test
  @WireContract("createVehicleFromSmartcar")
  void createVehicleFromSmartcarSendsCodeRedirectAndCountry() throws Exception {
    enqueueFixture(201, "user-device-from-smartcar.json");

    Response<UserDeviceResponse> response = execute(api().createVehicleFromSmartcar(
        CreateVehicleFromSmartcarRequest.builder()
            .code("4e8e5c2b-8a0e-4c1d-9b57-3f2d7a9c1e6f")
            .redirectURI("https://app.example.com/smartcar/callback")
            .countryCode("USA").build()), 201);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/fromsmartcar");
    assertJsonBody(request, "{\"code\":\"4e8e5c2b-8a0e-4c1d-9b57-3f2d7a9c1e6f\","
        + "\"redirectURI\":\"https://app.example.com/smartcar/callback\",\"countryCode\":\"USA\"}");

    UserDevice device = response.body().userDevice();
    assertEquals(VIN, device.vin());
    assertEquals(true, device.vinConfirmed());
    UserDeviceIntegration smartcar = device.integrations().get(0);
    assertEquals("SmartCar", smartcar.integrationVendor());
    assertEquals("Pending", smartcar.status());
    assertEquals("0f6dc4d1-7a2e-4c84-bb5e-7f1f9d1e2c3a", smartcar.externalId());
    assertNull(smartcar.metadata());
    assertEquals(OffsetDateTime.parse("2024-07-28T15:40:11Z"), smartcar.createdAt());
  }

  @Test
  @WireContract("createVehicleFromSmartcar")
  void createVehicleFromSmartcarReadsTheExistingVehicleOn200() throws Exception {
    enqueueFixture(200, "user-device-from-smartcar.json");

    Response<UserDeviceResponse> response = execute(api().createVehicleFromSmartcar(
        CreateVehicleFromSmartcarRequest.builder()
            .code("4e8e5c2b-8a0e-4c1d-9b57-3f2d7a9c1e6f")
            .redirectURI("https://app.example.com/smartcar/callback")
            .countryCode("USA").build()), 200);

    assertRequestLine(takeRequest(), "POST", "/v1/user/devices/fromsmartcar");
    assertEquals(USER_DEVICE_ID, response.body().userDevice().id());
  }

  @Test
  @WireContract("createVehicleFromVin")
  void createVehicleFromVinSendsCountryVinAndCanProtocol() throws Exception {
    enqueueFixture(201, "user-device-from-vin.json");

    Response<UserDeviceResponse> response = execute(api().createVehicleFromVin(
        CreateVehicleFromVinRequest.builder().countryCode("USA").vin(VIN).canProtocol("6").build()), 201);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/fromvin");
    assertJsonBody(request, "{\"countryCode\":\"USA\",\"vin\":\"" + VIN + "\",\"canProtocol\":\"6\"}");

    UserDevice device = response.body().userDevice();
    assertEquals(VIN, device.vin());
    assertEquals(false, device.vinConfirmed());
    assertEquals("6", device.metadata().canProtocol());
    assertNull(device.metadata().powertrainType());
  }

  @Test
  @WireContract("createVehicleFromVin")
  void createVehicleFromVinOmitsAnUnsetCanProtocol() throws Exception {
    enqueueFixture(201, "user-device-from-vin.json");

    execute(api().createVehicleFromVin(CreateVehicleFromVinRequest.builder().countryCode("DEU").vin(VIN).build()), 201);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/fromvin");
    assertJsonBody(request, "{\"countryCode\":\"DEU\",\"vin\":\"" + VIN + "\"}");
  }

  @Test
  @WireContract("listMyVehicles")
  void listMyVehiclesReadsEveryFieldAndUnknownEnumValues() throws Exception {
    enqueueFixture(200, "my-vehicles.json");

    Response<MyDevicesResponse> response = execute(api().listMyVehicles(), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/user/devices/me");
    assertNoBody(request);

    MyDevicesResponse body = response.body();
    assertNull(body.sharedDevices());
    assertEquals(2, body.userDevices().size());

    UserDevice bronco = body.userDevices().get(0);
    assertEquals(USER_DEVICE_ID, bronco.id());
    assertEquals(VIN, bronco.vin());
    assertEquals(true, bronco.vinConfirmed());
    assertEquals("Weekend Bronco", bronco.name());
    assertNull(bronco.customImageUrl());
    assertEquals("https://assets.dimo.xyz/ford_bronco_2022.png", bronco.deviceDefinition().imageUrl());
    assertEquals(true, bronco.deviceDefinition().verified());
    assertEquals("Vehicle", bronco.deviceDefinition().type().type());
    UserDeviceIntegration autoPi = bronco.integrations().get(0);
    assertEquals("27qftVRWQYpVDcO5DltO5Ojbjxk", autoPi.integrationId());
    assertEquals("AutoPi", autoPi.integrationVendor());
    assertEquals("Active", autoPi.status());
    assertEquals("8f7e2c4a-1b3d-4e5f-9a6b-7c8d9e0f1a2b", autoPi.externalId());
    assertEquals(OffsetDateTime.parse("2024-03-02T10:15:30.123Z"), autoPi.createdAt());
    assertEquals(OffsetDateTime.parse("2024-03-02T10:21:02.456Z"), autoPi.updatedAt());
    assertEquals(Map.of("autoPiUnitId", "8f7e2c4a-1b3d-4e5f-9a6b-7c8d9e0f1a2b"), autoPi.metadata());
    assertNull(autoPi.syntheticDevice());
    assertEquals("6", bronco.metadata().canProtocol());
    assertEquals(PowertrainType.ICE, bronco.metadata().powertrainType());
    assertEquals("USA", bronco.metadata().geoDecodedCountry());
    assertEquals("CA", bronco.metadata().geoDecodedStateProv());
    assertEquals("94107", bronco.metadata().postalCode());
    VehicleNftData nft = bronco.nft();
    assertEquals(21957L, nft.tokenId());
    assertEquals("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826", nft.ownerAddress());
    assertEquals("https://devices-api.dimo.zone/v1/vehicle/21957", nft.tokenUri());
    assertEquals("0x30bce3da6985897224b29a0fe064fd2b426bb85a394cc09efe823b5c83326a8e", nft.txHash());
    assertEquals(MetaTransactionStatus.CONFIRMED, nft.status());
    assertNull(nft.failureReason());
    assertEquals(OffsetDateTime.parse("2024-03-02T10:30:00Z"), bronco.optedInAt());
    assertEquals("0x8B1a3C45d9C13e3d6A0b4A4bB3fC1E0aD4C1F9b2", bronco.privilegedUsers().get(0).address());
    assertEquals(1L, bronco.privilegedUsers().get(0).privileges().get(0).id());
    assertEquals(OffsetDateTime.parse("2025-05-01T08:00:00Z"),
        bronco.privilegedUsers().get(0).privileges().get(0).expiry());

    UserDevice tesla = body.userDevices().get(1);
    assertNull(tesla.name());
    assertEquals("DEU", tesla.countryCode());
    assertEquals(List.of(), tesla.deviceDefinition().type().subModels());
    // Values this SDK version does not know keep their text.
    assertEquals(PowertrainType.of("EREV"), tesla.metadata().powertrainType());
    UserDeviceIntegration teslaIntegration = tesla.integrations().get(0);
    assertNull(teslaIntegration.externalId());
    assertNull(teslaIntegration.metadata());
    assertEquals(512L, teslaIntegration.syntheticDevice().tokenId());
    assertEquals("0x4b8e3d2f1a0c9b8a7f6e5d4c3b2a19087f6e5d4c", teslaIntegration.syntheticDevice().address());
    assertEquals(MetaTransactionStatus.of("Reverted"), teslaIntegration.syntheticDevice().status());
    assertEquals(MetaTransactionStatus.FAILED, tesla.nft().status());
    assertEquals("execution reverted: Invalid signature", tesla.nft().failureReason());
    assertNull(tesla.optedInAt());
  }

  @Test
  @WireContract("updateVin")
  void updateVinSendsVinAndSignatureAndAccepts204() throws Exception {
    enqueueEmpty(204);

    Response<Void> response = execute(api().updateVin(USER_DEVICE_ID,
        UpdateVinRequest.builder().vin(VIN).signature(SIGNATURE).build()), 204);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "PATCH", "/v1/user/devices/" + USER_DEVICE_ID + "/vin");
    assertJsonBody(request, "{\"vin\":\"" + VIN + "\",\"signature\":\"" + SIGNATURE + "\"}");
    assertNull(response.body());
  }

  @Test
  @WireContract("updateVin")
  void updateVinWithoutSignatureSendsOnlyTheVin() throws Exception {
    enqueueEmpty(204);

    execute(api().updateVin(USER_DEVICE_ID, UpdateVinRequest.builder().vin(VIN).build()), 204);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "PATCH", "/v1/user/devices/" + USER_DEVICE_ID + "/vin");
    assertJsonBody(request, "{\"vin\":\"" + VIN + "\"}");
  }

  @Test
  @WireContract("getMintPayload")
  void getMintPayloadIsAGetAndReadsTheTypedData() throws Exception {
    enqueueFixture(200, "typed-data-mint.json");

    Response<TypedDataDocument> response = execute(api().getMintPayload(USER_DEVICE_ID), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/user/devices/" + USER_DEVICE_ID + "/commands/mint");
    assertNoBody(request);

    TypedDataDocument typedData = response.body();
    assertEquals("MintVehicleWithDeviceDefinitionSign", typedData.primaryType());
    assertEquals(List.of("EIP712Domain", "MintVehicleWithDeviceDefinitionSign"),
        List.copyOf(typedData.types().keySet()));
    List<TypedDataField> fields = typedData.types().get("MintVehicleWithDeviceDefinitionSign");
    assertEquals(List.of("manufacturerNode", "owner", "deviceDefinitionId", "attributes", "infos"),
        fields.stream().map(TypedDataField::name).toList());
    assertEquals(List.of("uint256", "address", "string", "string[]", "string[]"),
        fields.stream().map(TypedDataField::type).toList());
    assertEquals("DIMO", typedData.domain().name());
    assertEquals("1", typedData.domain().version());
    assertEquals("0x89", typedData.domain().chainId());
    assertEquals("0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC", typedData.domain().verifyingContract());
    assertEquals("", typedData.domain().salt());
    assertEquals(Map.of(
        "attributes", List.of("Make", "Model", "Year"),
        "deviceDefinitionId", "ford_bronco_2022",
        "infos", List.of("Ford", "Bronco", "2022"),
        "manufacturerNode", "0x2a",
        "owner", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), typedData.message());
  }

  @Test
  @WireContract("submitMint")
  void submitMintSendsTheUnwrappedBodyAndAcceptsAnEmpty200() throws Exception {
    enqueueEmpty(200);

    Response<Void> response = execute(api().submitMint(USER_DEVICE_ID, VehicleMintRequest.builder()
        .imageData(PNG_BASE64)
        .imageDataTransparent(PNG_BASE64)
        .signature(SIGNATURE).build()), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/commands/mint");
    assertJsonBody(request, "{\"imageData\":\"" + PNG_BASE64 + "\",\"imageDataTransparent\":\""
        + PNG_BASE64 + "\",\"signature\":\"" + SIGNATURE + "\"}");
    assertNull(response.body());
  }

  @Test
  @WireContract("submitMint")
  void submitMintOmitsAnUnsetTransparentImage() throws Exception {
    enqueueEmpty(200);

    execute(api().submitMint(USER_DEVICE_ID,
        VehicleMintRequest.builder().imageData(PNG_BASE64).signature(SIGNATURE).build()), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/commands/mint");
    assertJsonBody(request, "{\"imageData\":\"" + PNG_BASE64 + "\",\"signature\":\"" + SIGNATURE + "\"}");
  }

  @Test
  @WireContract("optIn")
  void optInPostsNoBodyAndAcceptsAnEmpty200() throws Exception {
    enqueueEmpty(200);

    Response<Void> response = execute(api().optIn(USER_DEVICE_ID), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/commands/opt-in");
    assertEmptyPost(request);
    assertNull(response.body());
  }

  @Test
  @WireContract("optIn")
  void optInAccepts204WhenAlreadyOptedIn() throws Exception {
    enqueueEmpty(204);

    execute(api().optIn(USER_DEVICE_ID), 204);

    assertRequestLine(takeRequest(), "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/commands/opt-in");
  }

  @Test
  @WireContract("refreshData")
  void refreshDataPostsNoBodyAndAccepts204() throws Exception {
    enqueueEmpty(204);

    Response<Void> response = execute(api().refreshData(USER_DEVICE_ID), 204);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/commands/refresh");
    assertEmptyPost(request);
    assertNull(response.body());
  }

  @Test
  @WireContract("updateVin")
  void updateVinConflictDecodesDimoError() throws Exception {
    enqueueJson(409, "{\"code\":409,\"message\":\"VIN already in use by another vehicle.\"}");

    DimoError error = executeError(api().updateVin(USER_DEVICE_ID, UpdateVinRequest.builder().vin(VIN).build()), 409,
        DimoError.class);

    assertRequestLine(takeRequest(), "PATCH", "/v1/user/devices/" + USER_DEVICE_ID + "/vin");
    assertEquals(409, error.code());
    assertEquals("VIN already in use by another vehicle.", error.message());
  }

  @Test
  @WireContract("refreshData")
  void refreshDataRateLimitDecodesDimoError() throws Exception {
    enqueueJson(429, "{\"code\":429,"
        + "\"message\":\"rate limit for integration refresh hit, next available: 2024-07-28T15:40:11Z\"}");

    DimoError error = executeError(api().refreshData(USER_DEVICE_ID), 429, DimoError.class);

    assertRequestLine(takeRequest(), "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/commands/refresh");
    assertEquals(429, error.code());
    assertEquals("rate limit for integration refresh hit, next available: 2024-07-28T15:40:11Z", error.message());
  }

  @Test
  @WireContract("listMyVehicles")
  void listMyVehiclesWithExpiredTokenGetsTextPlain401() throws Exception {
    enqueue(401, "text/plain; charset=utf-8", new Buffer().writeUtf8("Invalid or expired JWT"));

    Response<MyDevicesResponse> response = RetrofitBackedCall.raw(api().listMyVehicles());

    assertRequestLine(takeRequest(), "GET", "/v1/user/devices/me");
    assertEquals(401, response.code());
    assertNull(response.body());
    try (ResponseBody errorBody = response.errorBody()) {
      assertEquals("text/plain; charset=utf-8", String.valueOf(errorBody.contentType()));
      assertEquals("Invalid or expired JWT", errorBody.string());
    }
  }
}
