package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;
import static zone.dimo.sdk.TestSupport.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.errors.BadRequestException;
import zone.dimo.sdk.errors.DimoDecodingException;
import zone.dimo.sdk.errors.DimoTimeoutException;
import zone.dimo.sdk.errors.MintFailedException;
import zone.dimo.sdk.errors.NotFoundException;
import zone.dimo.sdk.errors.PayloadMismatchException;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * The signing flows end to end on MockWebServer with DIMO's payloads (from the shared EIP-712
 * vectors): the exact bytes are signed and the expected signatures posted.
 */
class FlowsTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
  static final byte[] TRANSPARENT_PNG = {(byte) 0x89, 'P', 'N', 'G', 9};

  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
  private Map<String, Object> vectors;
  private Secp256k1Signer userSigner;   // K1_cow
  private Secp256k1Signer deviceSigner; // K2_one

  @BeforeEach
  void start() throws Exception {
    server.start();
    vectors = TypedDataJson.parseObject(resource("dimo-vectors.json"));
    userSigner = Secp256k1Signer.of(PrivateKey.fromHex(key("K1_cow")));
    deviceSigner = Secp256k1Signer.of(PrivateKey.fromHex(key("K2_one")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private DimoClient client(Environment environment) {
    return DimoClient.builder().environment(TestSupport.at(server, environment))
        .readTimeout(Duration.ofSeconds(5))
        .sleeper(sleeper)
        .userToken(TokenProvider.of(USER_TOKEN))
        .build();
  }

  @Test
  void confirmVinSendsTheVinSignedByTheDeviceOverItsKeccakHash() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client(Environment.DEV).confirmVin("2Oq1e2H8", "1FMEE5DPXNA100001", deviceSigner);

    RecordedRequest patch = server.takeRequest();
    assertEquals("PATCH", patch.getMethod());
    assertEquals("/v1/user/devices/2Oq1e2H8/vin", patch.getUrl().encodedPath());
    assertEquals("application/json; charset=UTF-8", patch.getHeaders().get("Content-Type"));
    Map<String, Object> body = TypedDataJson.parseObject(patch.getBody().utf8());
    assertEquals(2, body.size(), body.toString());
    assertEquals("1FMEE5DPXNA100001", body.get("vin"));
    byte[] digest = zone.dimo.sdk.signing.Keccak256.hash("1FMEE5DPXNA100001".getBytes(StandardCharsets.US_ASCII));
    EthSignature posted = EthSignature.fromHex((String) body.get("signature"));
    assertEquals(deviceSigner.address(), posted.recoverSigner(digest));
    assertEquals(deviceSigner.signDigest(digest), posted);
  }

  @Test
  void confirmVinRefusesAMalformedVinBeforeSigning() {
    DimoClient client = client(Environment.DEV);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> client.confirmVin("2Oq1e2H8", "1fmee5dpxna10000", deviceSigner));
    assertEquals("confirmVin: vin must be 17 upper-case letters or digits, was 16 characters: 1fmee5dpxna10000",
        error.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void mintSignsThePayloadBytesAndPostsImageAndSignature() throws Exception {
    server.enqueue(payload("dimo_mint_vehicle_sign"));
    server.enqueue(new MockResponse.Builder().code(200).build());

    client(Environment.PRODUCTION).mintVehicle("2Oq1e2H8", userSigner, PNG);

    RecordedRequest get = server.takeRequest();
    assertEquals("GET", get.getMethod());
    assertEquals("/v1/user/devices/2Oq1e2H8/commands/mint", get.getUrl().encodedPath());
    assertEquals("Bearer " + USER_TOKEN, get.getHeaders().get("Authorization"));
    RecordedRequest post = server.takeRequest();
    assertEquals("POST", post.getMethod());
    assertEquals("/v1/user/devices/2Oq1e2H8/commands/mint", post.getUrl().encodedPath());
    Map<String, Object> body = TypedDataJson.parseObject(post.getBody().utf8());
    assertEquals(Base64.getEncoder().encodeToString(PNG), body.get("imageData"));
    assertEquals(signature("dimo_mint_vehicle_sign", "K1_cow"), body.get("signature"));
    assertFalse(body.containsKey("imageDataTransparent"));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void mintOnDevWithTransparentImage() throws Exception {
    server.enqueue(payload("dimo_mint_vehicle_sign_image"));
    server.enqueue(new MockResponse.Builder().code(200).build());

    client(Environment.DEV).mintVehicle("ud1", userSigner, PNG, TRANSPARENT_PNG);

    server.takeRequest();
    Map<String, Object> body = TypedDataJson.parseObject(server.takeRequest().getBody().utf8());
    assertEquals(signature("dimo_mint_vehicle_sign_image", "K1_cow"), body.get("signature"));
    assertEquals(Base64.getEncoder().encodeToString(TRANSPARENT_PNG), body.get("imageDataTransparent"));
  }

  @Test
  void mintAcceptsMintVehicleWithDeviceDefinitionSign() throws Exception {
    server.enqueue(payload("dimo_mint_vehicle_with_dd_sign"));
    server.enqueue(new MockResponse.Builder().code(200).build());

    client(Environment.PRODUCTION).mintVehicle("ud1", deviceSigner, PNG);

    server.takeRequest();
    Map<String, Object> body = TypedDataJson.parseObject(server.takeRequest().getBody().utf8());
    assertEquals(signature("dimo_mint_vehicle_with_dd_sign", "K2_one"), body.get("signature"));
  }

  @Test
  void claimWithDeviceSignerPostsBothSignatures() throws Exception {
    server.enqueue(payload("dimo_claim_ad_sign"));
    server.enqueue(new MockResponse.Builder().code(200).build());

    // Typed in upper case as printed on the device: the claim handlers look serials up verbatim.
    client(Environment.PRODUCTION).claimAftermarketDevice("SER-1", userSigner, deviceSigner);

    assertEquals("/v1/aftermarket/device/by-serial/ser-1/commands/claim",
        server.takeRequest().getUrl().encodedPath());
    RecordedRequest post = server.takeRequest();
    assertEquals("/v1/aftermarket/device/by-serial/ser-1/commands/claim", post.getUrl().encodedPath());
    Map<String, Object> body = TypedDataJson.parseObject(post.getBody().utf8());
    assertEquals(signature("dimo_claim_ad_sign", "K1_cow"), body.get("userSignature"));
    assertEquals(signature("dimo_claim_ad_sign", "K2_one"), body.get("aftermarketDeviceSignature"));
  }

  @Test
  void claimWithAGivenDeviceSignaturePostsItUnchanged() throws Exception {
    EthSignature fromDevice = EthSignature.fromHex(signature("dimo_claim_ad_sign", "K2_one"));
    server.enqueue(payload("dimo_claim_ad_sign"));
    server.enqueue(new MockResponse.Builder().code(200).build());

    client(Environment.PRODUCTION).claimAftermarketDevice("SER-1", userSigner, fromDevice);

    server.takeRequest();
    Map<String, Object> body = TypedDataJson.parseObject(server.takeRequest().getBody().utf8());
    assertEquals(fromDevice.toHex(), body.get("aftermarketDeviceSignature"));
    assertEquals(signature("dimo_claim_ad_sign", "K1_cow"), body.get("userSignature"));
  }

  @Test
  void pairSendsTheSerialAsExternalIdAndPostsHexSignatures() throws Exception {
    server.enqueue(payload("dimo_pair_ad_sign"));
    server.enqueue(new MockResponse.Builder().code(200).build());

    // Typed as printed on the device, with stray spaces: sent as DIMO stores it.
    client(Environment.PRODUCTION).pairAftermarketDevice("ud9", " AP09C31A65 ", userSigner);

    RecordedRequest get = server.takeRequest();
    assertEquals("/v1/user/devices/ud9/aftermarket/commands/pair", get.getUrl().encodedPath());
    assertEquals("ap09c31a65", get.getUrl().queryParameter("external_id"));
    Map<String, Object> body = TypedDataJson.parseObject(server.takeRequest().getBody().utf8());
    assertEquals("ap09c31a65", body.get("externalId"));
    assertEquals(signature("dimo_pair_ad_sign", "K1_cow"), body.get("signature"));
    assertFalse(body.containsKey("aftermarketDeviceSignature"));
  }

  @Test
  void unpairOnDevWithDeviceSigner() throws Exception {
    server.enqueue(payload("dimo_unpair_ad_sign"));
    server.enqueue(new MockResponse.Builder().code(200).build());

    client(Environment.DEV).unpairAftermarketDevice("ud9", "SER-3", userSigner, deviceSigner);

    assertEquals("/v1/user/devices/ud9/aftermarket/commands/unpair",
        server.takeRequest().getUrl().encodedPath());
    RecordedRequest post = server.takeRequest();
    assertEquals("/v1/user/devices/ud9/aftermarket/commands/unpair", post.getUrl().encodedPath());
    Map<String, Object> body = TypedDataJson.parseObject(post.getBody().utf8());
    assertEquals(signature("dimo_unpair_ad_sign", "K1_cow"), body.get("signature"));
    assertEquals(signature("dimo_unpair_ad_sign", "K2_one"), body.get("aftermarketDeviceSignature"));
  }

  @Test
  void wrongChainIsRefusedBeforeSigning() {
    server.enqueue(payload("dimo_mint_vehicle_sign")); // chain 137
    DimoClient dev = client(Environment.DEV);

    PayloadMismatchException e = assertThrows(PayloadMismatchException.class,
        () -> dev.mintVehicle("ud1", userSigner, PNG));

    assertEquals("domain.chainId", e.field());
    assertEquals("80002 (Environment.DEV)", e.expected());
    assertEquals("137", e.actual());
    // Both values in decimal, and the setting that would match what the service sent.
    assertEquals("Refusing to sign: domain.chainId is 137, this client expects 80002"
        + " (Environment.DEV); for PRODUCTION use Environment.PRODUCTION", e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void wrongVerifyingContractIsRefused() {
    DimoClient client = client(Environment.PRODUCTION.newBuilder()
        .registryAddress(zone.dimo.sdk.signing.Address.fromHex(
            "0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c")).build());
    server.enqueue(payload("dimo_claim_ad_sign"));

    PayloadMismatchException e = assertThrows(PayloadMismatchException.class,
        () -> client.claimAftermarketDevice("S", userSigner, deviceSigner));

    assertEquals("domain.verifyingContract", e.field());
    assertEquals("0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c (the client's Environment"
        + " \"production\")", e.expected());
    assertEquals("0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC", e.actual());
    assertEquals("Refusing to sign: domain.verifyingContract is"
        + " 0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC, this client expects"
        + " 0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c (the client's Environment \"production\");"
        + " for PRODUCTION use Environment.PRODUCTION", e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void wrongPrimaryTypeIsRefused() {
    server.enqueue(payload("dimo_claim_ad_sign"));

    PayloadMismatchException e = assertThrows(PayloadMismatchException.class,
        () -> client(Environment.PRODUCTION).mintVehicle("ud1", userSigner, PNG));

    assertEquals("primaryType", e.field());
    assertEquals("MintVehicleSign or MintVehicleWithDeviceDefinitionSign", e.expected());
    assertEquals("ClaimAftermarketDeviceSign", e.actual());
  }

  @Test
  void wrongDomainNameAndVersionAreRefused() throws Exception {
    String original = resource("dimo-payloads/dimo_pair_ad_sign.json");
    server.enqueue(json(200, original.replace("\"name\":\"DIMO\"", "\"name\":\"DIM0\"")));
    server.enqueue(json(200, original.replace("\"version\":\"1\"", "\"version\":\"2\"")));
    DimoClient client = client(Environment.PRODUCTION);

    PayloadMismatchException name = assertThrows(PayloadMismatchException.class,
        () -> client.pairAftermarketDevice("u", "s", userSigner));
    PayloadMismatchException version = assertThrows(PayloadMismatchException.class,
        () -> client.pairAftermarketDevice("u", "s", userSigner));

    assertEquals("Refusing to sign: domain.name is DIM0, this client expects DIMO", name.getMessage());
    assertEquals("Refusing to sign: domain.version is 2, this client expects 1", version.getMessage());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void numericChainIdIsAccepted() throws Exception {
    String numeric = resource("dimo-payloads/dimo_pair_ad_sign.json")
        .replace("\"chainId\":\"0x89\"", "\"chainId\":137");
    server.enqueue(json(200, numeric));
    server.enqueue(new MockResponse.Builder().code(200).build());

    client(Environment.PRODUCTION).pairAftermarketDevice("u", "s", userSigner);

    server.takeRequest();
    Map<String, Object> body = TypedDataJson.parseObject(server.takeRequest().getBody().utf8());
    assertEquals(signature("dimo_pair_ad_sign", "K1_cow"), body.get("signature"));
  }

  @Test
  void malformedPayloadIsADecodingErrorAndNothingIsPosted() {
    server.enqueue(json(200, "{\"types\":{"));

    DimoDecodingException e = assertThrows(DimoDecodingException.class,
        () -> client(Environment.PRODUCTION).mintVehicle("ud1", userSigner, PNG));

    assertEquals("{\"types\":{", e.rawBody());
    assertTrue(e.getMessage().startsWith("The signing payload is not valid typed data"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void payloadErrorStatusIsTyped() {
    server.enqueue(json(400, "{\"code\":400,\"message\":\"VIN not confirmed\"}"));

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> client(Environment.PRODUCTION).mintVehicle("ud1", userSigner, PNG));

    assertEquals("getMintPayload", e.operationId());
    assertEquals("VIN not confirmed", e.errorMessage());
  }

  @Test
  void waitForMintPollsWithBackoffUntilConfirmed() throws Exception {
    server.enqueue(json(200, vehicles("ud1", "Submitted", null)));
    server.enqueue(json(200, vehicles("ud1", "Mined", null)));
    server.enqueue(json(200, vehicles("ud1", "Confirmed", 42L)));

    long tokenId = client(Environment.DEV).waitForMint("ud1", Duration.ofMinutes(5));

    assertEquals(42L, tokenId);
    assertEquals(Arrays.asList(Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.sleeps);
    assertEquals("/v1/user/devices/me", server.takeRequest().getUrl().encodedPath());
  }

  @Test
  void waitForMintReportsFailure() {
    server.enqueue(json(200, vehicles("ud1", "Failed", null)));

    MintFailedException e = assertThrows(MintFailedException.class,
        () -> client(Environment.DEV).waitForMint("ud1", Duration.ofMinutes(5)));

    assertEquals("Minting vehicle ud1 failed: execution reverted", e.getMessage());
    assertEquals("ud1", e.userDeviceId());
  }

  @Test
  void waitForMintTimesOutOnTheClientsClock() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    for (int i = 0; i < 10; i++) {
      server.enqueue(json(200, vehicles("ud1", "Submitted", null)));
    }
    DimoClient client = DimoClient.builder().environment(TestSupport.at(server, Environment.DEV))
        .userToken(TokenProvider.of(USER_TOKEN)).clock(clock)
        .sleeper(clock::advance)
        .build();

    DimoTimeoutException e = assertThrows(DimoTimeoutException.class,
        () -> client.waitForMint("ud1", Duration.ofSeconds(10)));

    assertEquals("Vehicle ud1 was not minted within PT10S (last status: Submitted)", e.getMessage());
    assertEquals(4, server.getRequestCount()); // at 0, 2, 6 and 10 s
  }

  @Test
  void waitForMintOfAnUnknownVehicleIsNotFound() {
    server.enqueue(json(200, vehicles("other", "Confirmed", 1L)));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client(Environment.DEV).waitForMint("ud1", Duration.ofMinutes(1)));

    assertEquals("waitForMint failed: HTTP 404: vehicle ud1 is not among the user's vehicles",
        e.getMessage());
  }

  // --- helpers -------------------------------------------------------------------------------

  static String vehicles(String id, String status, Long tokenId) {
    return "{\"userDevices\":[{\"id\":\"" + id + "\",\"nft\":{\"status\":\"" + status + "\""
        + (tokenId == null ? "" : ",\"tokenId\":" + tokenId)
        + ("Failed".equals(status) ? ",\"failureReason\":\"execution reverted\"" : "")
        + "}}],\"sharedDevices\":[]}";
  }

  private MockResponse payload(String id) {
    try {
      return json(200, resource("dimo-payloads/" + id + ".json"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private String signature(String caseId, String keyId) {
    for (Object item : (List<Object>) vectors.get("dimo")) {
      Map<String, Object> c = (Map<String, Object>) item;
      if (caseId.equals(c.get("id"))) {
        return (String) ((Map<String, Object>) c.get("signatures")).get(keyId);
      }
    }
    throw new AssertionError("no vector " + caseId);
  }

  @SuppressWarnings("unchecked")
  private String key(String keyId) {
    for (Object item : (List<Object>) vectors.get("keys")) {
      Map<String, Object> k = (Map<String, Object>) item;
      if (keyId.equals(k.get("id"))) {
        return (String) k.get("privateKey");
      }
    }
    throw new AssertionError("no key " + keyId);
  }

  static String resource(String name) throws IOException {
    try (InputStream in = FlowsTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
      return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
  }
}
