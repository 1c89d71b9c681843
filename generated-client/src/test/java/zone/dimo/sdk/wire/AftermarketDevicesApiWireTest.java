package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import zone.dimo.sdk.devices.api.AftermarketDevicesApi;
import zone.dimo.sdk.devices.model.AftermarketDeviceClaimRequest;
import zone.dimo.sdk.devices.model.AftermarketDeviceInfo;
import zone.dimo.sdk.devices.model.AftermarketDevicePairRequest;
import zone.dimo.sdk.devices.model.DimoError;
import zone.dimo.sdk.devices.model.MetaTransactionStatus;
import zone.dimo.sdk.devices.model.TypedDataDocument;
import zone.dimo.sdk.devices.model.TypedDataField;

class AftermarketDevicesApiWireTest extends WireTestSupport {

  private static final String SERIAL = "8f7e2c4a-1b3d-4e5f-9a6b-7c8d9e0f1a2b";
  private static final String USER_DEVICE_ID = "2bjtLvUGPjtoffSFHR2CjshPb3t";
  private static final String USER_SIGNATURE = "0x76dd33f1d40dd8eed6284dc40a1747f67b8f7c7b785eb191895c3fea0dbff854"
      + "7dcfd574304dda0d0ee7d21cf214d20b8ec02e2dee0fb2dea30244e00b8ef31a1c";
  private static final String DEVICE_SIGNATURE = "0xcea568a359fe42dbe66a3aa82e6880d5a29ed40c7b571f9bfda6952ec22f2a8b"
      + "59f8c789775a52e2de88fcb84635384dadceb9c9d456333679e7864fe42dabac1b";

  private AftermarketDevicesApi api() {
    return api(AftermarketDevicesApi.class);
  }

  @Test
  @WireContract("getAftermarketDevice")
  void getAftermarketDeviceReadsHexAddressesAndAnUnknownTransactionStatus() throws Exception {
    enqueueFixture(200, "aftermarket-device.json");

    Response<AftermarketDeviceInfo> response = execute(api().getAftermarketDevice(SERIAL), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/aftermarket/device/by-serial/" + SERIAL);
    assertNoBody(request);

    AftermarketDeviceInfo device = response.body();
    assertEquals("4a7bd2c1-9b6e-4d3f-8c21-5e6f7a8b9c0d", device.deviceId());
    assertEquals(SERIAL, device.unitId());
    assertEquals(true, device.isUpdated());
    assertEquals(List.of(1012, 1013), device.dockerReleases());
    assertEquals("7.0", device.hwRevision());
    assertEquals(10, device.template());
    assertEquals(OffsetDateTime.parse("2024-07-28T15:40:11Z"), device.lastCommunication());
    assertEquals("v1.23.4", device.releaseVersion());
    assertEquals(false, device.shouldUpdate());
    assertEquals(1337L, device.tokenId());
    assertEquals("0x8b1a3c45d9c13e3d6a0b4a4bb3fc1e0ad4c1f9b2", device.ethereumAddress());
    assertEquals("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826", device.ownerAddress());
    assertEquals("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826", device.beneficiaryAddress());
    assertEquals(MetaTransactionStatus.CONFIRMED, device.claim().status());
    assertEquals("0x28b4662f1e1b15083261a4a5077664f4003d58cb528826b7aab7fad466c28e70", device.claim().hash());
    assertEquals(OffsetDateTime.parse("2024-03-01T09:22:21.002Z"), device.claim().createdAt());
    assertEquals(OffsetDateTime.parse("2024-03-01T09:22:46.337Z"), device.claim().updatedAt());
    // "Reverted" is not a status this SDK version knows: it must not fail the whole answer.
    assertEquals(MetaTransactionStatus.of("Reverted"), device.pair().status());
    assertEquals("Reverted", device.pair().status().value());
    assertFalse(device.pair().status().isKnown());
    assertEquals("execution reverted: VehicleNode already paired", device.pair().failureReason());
    assertNull(device.unpair());
    assertEquals(137L, device.manufacturer().tokenId());
    assertEquals("AutoPi", device.manufacturer().name());
  }

  @Test
  @WireContract("getClaimPayload")
  void getClaimPayloadIsAGetAndReadsTheTypedData() throws Exception {
    enqueueFixture(200, "typed-data-claim.json");

    Response<TypedDataDocument> response = execute(api().getClaimPayload(SERIAL), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/aftermarket/device/by-serial/" + SERIAL + "/commands/claim");
    assertNoBody(request);

    TypedDataDocument typedData = response.body();
    assertEquals("ClaimAftermarketDeviceSign", typedData.primaryType());
    assertEquals(List.of("aftermarketDeviceNode", "owner"), fieldNames(typedData, "ClaimAftermarketDeviceSign"));
    assertEquals(List.of("name", "version", "chainId", "verifyingContract"), fieldNames(typedData, "EIP712Domain"));
    assertEquals("0x89", typedData.domain().chainId());
    assertEquals("", typedData.domain().salt());
    assertEquals(Map.of("aftermarketDeviceNode", "0x539", "owner", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"),
        typedData.message());
  }

  @Test
  @WireContract("submitClaim")
  void submitClaimSendsBothSignaturesAsHexStringsWithoutWrapper() throws Exception {
    enqueueEmpty(200);

    Response<Void> response = execute(api().submitClaim(SERIAL, AftermarketDeviceClaimRequest.builder()
        .aftermarketDeviceSignature(DEVICE_SIGNATURE)
        .userSignature(USER_SIGNATURE).build()), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/aftermarket/device/by-serial/" + SERIAL + "/commands/claim");
    assertJsonBody(request, "{\"aftermarketDeviceSignature\":\"" + DEVICE_SIGNATURE
        + "\",\"userSignature\":\"" + USER_SIGNATURE + "\"}");
    assertNull(response.body());
  }

  @Test
  @WireContract("getPairPayload")
  void getPairPayloadSendsTheSerialAsExternalId() throws Exception {
    enqueueFixture(200, "typed-data-pair.json");

    Response<TypedDataDocument> response = execute(api().getPairPayload(USER_DEVICE_ID, SERIAL), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET",
        "/v1/user/devices/" + USER_DEVICE_ID + "/aftermarket/commands/pair?external_id=" + SERIAL);
    assertNoBody(request);

    TypedDataDocument typedData = response.body();
    assertEquals("PairAftermarketDeviceSign", typedData.primaryType());
    assertEquals(List.of("aftermarketDeviceNode", "vehicleNode"), fieldNames(typedData, "PairAftermarketDeviceSign"));
    assertEquals("0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC", typedData.domain().verifyingContract());
    assertEquals(Map.of("aftermarketDeviceNode", "0x539", "vehicleNode", "0x5208"), typedData.message());
  }

  @Test
  @WireContract("getPairPayload")
  void getPairPayloadWithoutSerialSendsNoQuery() throws Exception {
    enqueueFixture(200, "typed-data-pair.json");

    execute(api().getPairPayload(USER_DEVICE_ID, null), 200);

    assertRequestLine(takeRequest(), "GET", "/v1/user/devices/" + USER_DEVICE_ID + "/aftermarket/commands/pair");
  }

  @Test
  @WireContract("submitPair")
  void submitPairSendsSerialAndHexSignatures() throws Exception {
    enqueueEmpty(200);

    Response<Void> response = execute(api().submitPair(USER_DEVICE_ID, AftermarketDevicePairRequest.builder()
        .externalId(SERIAL)
        .signature(USER_SIGNATURE)
        .aftermarketDeviceSignature(DEVICE_SIGNATURE).build()), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/aftermarket/commands/pair");
    assertJsonBody(request, "{\"externalId\":\"" + SERIAL + "\",\"signature\":\"" + USER_SIGNATURE
        + "\",\"aftermarketDeviceSignature\":\"" + DEVICE_SIGNATURE + "\"}");
    assertNull(response.body());
  }

  @Test
  @WireContract("submitPair")
  void submitPairBySameOwnerSendsOnlyTheUserSignature() throws Exception {
    enqueueEmpty(200);

    execute(api().submitPair(USER_DEVICE_ID, AftermarketDevicePairRequest.builder().signature(USER_SIGNATURE).build()), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/aftermarket/commands/pair");
    assertJsonBody(request, "{\"signature\":\"" + USER_SIGNATURE + "\"}");
  }

  @Test
  @WireContract("getUnpairPayload")
  void getUnpairPayloadReadsAHexChainId() throws Exception {
    enqueueFixture(200, "typed-data-unpair.json");

    Response<TypedDataDocument> response = execute(api().getUnpairPayload(USER_DEVICE_ID), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/user/devices/" + USER_DEVICE_ID + "/aftermarket/commands/unpair");
    assertNoBody(request);

    TypedDataDocument typedData = response.body();
    assertEquals("UnPairAftermarketDeviceSign", typedData.primaryType());
    assertEquals("DIMO", typedData.domain().name());
    assertEquals("1", typedData.domain().version());
    assertEquals("0x13882", typedData.domain().chainId());
    assertEquals("0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c", typedData.domain().verifyingContract());
    assertEquals("", typedData.domain().salt());
    assertEquals(Map.of("aftermarketDeviceNode", "0x539", "vehicleNode", "0x5208"), typedData.message());
  }

  @Test
  @WireContract("submitUnpair")
  void submitUnpairPostsToUnpairNotPair() throws Exception {
    enqueueEmpty(200);

    Response<Void> response = execute(api().submitUnpair(USER_DEVICE_ID,
        AftermarketDevicePairRequest.builder().signature(USER_SIGNATURE).build()), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/user/devices/" + USER_DEVICE_ID + "/aftermarket/commands/unpair");
    assertJsonBody(request, "{\"signature\":\"" + USER_SIGNATURE + "\"}");
    assertNull(response.body());
  }

  private static List<String> fieldNames(TypedDataDocument typedData, String type) {
    return typedData.types().get(type).stream().map(TypedDataField::name).toList();
  }

  @Test
  @WireContract("getAftermarketDevice")
  void getAftermarketDeviceOfAnotherOwnerDecodesDimoError() throws Exception {
    enqueueJson(403, "{\"code\":403,\"message\":\"user does not have rights to this device\"}");

    DimoError error = executeError(api().getAftermarketDevice(SERIAL), 403, DimoError.class);

    assertRequestLine(takeRequest(), "GET", "/v1/aftermarket/device/by-serial/" + SERIAL);
    assertEquals(403, error.code());
    assertEquals("user does not have rights to this device", error.message());
  }
}
