package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.DeviceDefinition;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.MutableClock;
import zone.dimo.sdk.sandbox.SandboxHttp;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.Keccak256;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

class UserDeviceRoutesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private DimoSandbox sandbox = DimoSandbox.builder().clock(clock).accessTokenLifetime(Duration.ofDays(1)).start();
  private SandboxHttp http = new SandboxHttp(sandbox);
  private final PrivateKey user = PrivateKey.generate(new SecureRandom());
  private String token;
  private DeviceDefinition ford;

  @BeforeEach
  void login() {
    token = http.login(user);
    ford = sandbox.deviceDefinitions().get(0);
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> userDevice(SandboxHttp.Answer a) {
    return (Map<String, Object>) a.json().get("userDevice");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void createByDefinitionOnlyChecksTheCountryCodeLength() {
    SandboxHttp.Answer a = http.post("/v1/user/devices", token,
        "{\"countryCode\":\"MEX\",\"deviceDefinitionId\":\"" + ford.id() + "\"}");
    assertEquals(201, a.status(), a.body());
    assertEquals("application/json", a.contentType());
    Map<String, Object> ud = userDevice(a);
    assertEquals(27, ((String) ud.get("id")).length());
    assertNull(ud.get("vin"));
    assertEquals(false, ud.get("vinConfirmed"));
    assertEquals("MEX", ud.get("countryCode"));
    assertEquals(ford.id(), map(ud.get("deviceDefinition")).get("deviceDefinitionId"));
    assertFalse(ud.containsKey("nft"));

    SandboxHttp.Answer bad = http.post("/v1/user/devices", token, "{\"countryCode\":\"US\"}");
    assertEquals(400, bad.status());
    assertEquals("countryCode: the length must be exactly 3; deviceDefinitionId: cannot be blank.",
        bad.json().get("message"));
    assertEquals(new BigDecimal(400), bad.json().get("code"));
    assertEquals(404, http.post("/v1/user/devices", token,
        "{\"countryCode\":\"USA\",\"deviceDefinitionId\":\"nope\"}").status());
  }

  @Test
  void fromVinDecodesByWmi() {
    for (DeviceDefinition d : sandbox.deviceDefinitions()) {
      SandboxHttp.Answer a = http.post("/v1/user/devices/fromvin", token,
          "{\"countryCode\":\"usa\",\"vin\":\"" + d.sampleVin().toLowerCase() + "\",\"canProtocol\":\"6\"}");
      assertEquals(201, a.status(), a.body());
      Map<String, Object> ud = userDevice(a);
      assertEquals(d.sampleVin(), ud.get("vin"));
      assertEquals(false, ud.get("vinConfirmed"));
      assertEquals(d.id(), map(ud.get("deviceDefinition")).get("deviceDefinitionId"));
      assertEquals("6", map(ud.get("metadata")).get("canProtocol"));
    }
  }

  @Test
  void fromVinValidation() {
    String vin = ford.sampleVin();
    SandboxHttp.Answer mex = http.post("/v1/user/devices/fromvin", token, "{\"countryCode\":\"MEX\",\"vin\":\"" + vin + "\"}");
    assertEquals(400, mex.status());
    assertEquals("unsupported or invalid country: MEX", mex.json().get("message"));
    assertEquals(400, http.post("/v1/user/devices/fromvin", token, "{\"countryCode\":\"BRA\",\"vin\":\"" + vin + "\"}").status());
    for (String country : new String[] {"USA", "CAN", "GBR", "DEU", "FRA", "ESP", "ITA", "NLD"}) {
      assertEquals(201, http.post("/v1/user/devices/fromvin", token,
          "{\"countryCode\":\"" + country + "\",\"vin\":\"" + vin + "\"}").status(), country);
    }
    SandboxHttp.Answer shortVin = http.post("/v1/user/devices/fromvin", token, "{\"countryCode\":\"USA\",\"vin\":\"1FMEE5DPXNA10000\"}");
    assertEquals(400, shortVin.status());
    assertEquals("vin: the length must be exactly 17.", shortVin.json().get("message"));
    SandboxHttp.Answer letterO = http.post("/v1/user/devices/fromvin", token, "{\"countryCode\":\"USA\",\"vin\":\"1FMEE5DPXNA1O0001\"}");
    assertEquals(400, letterO.status());
    SandboxHttp.Answer unknownWmi = http.post("/v1/user/devices/fromvin", token, "{\"countryCode\":\"USA\",\"vin\":\"WVWZZZ1JZXW000001\"}");
    assertEquals(424, unknownWmi.status());
    assertEquals("unable to decode vin", unknownWmi.json().get("message"));
    SandboxHttp.Answer wrongType = http.post("/v1/user/devices/fromvin", token, "{\"countryCode\":\"USA\",\"vin\":17}");
    assertEquals(400, wrongType.status());
  }

  @Test
  void aVinConfirmedByAnotherUserIsAConflict() {
    String vin = ford.sampleVin();
    String id = http.createFromVin(token, vin);
    http.confirmVin(token, id, vin);
    String other = http.login(PrivateKey.generate(new SecureRandom()));
    SandboxHttp.Answer a = http.post("/v1/user/devices/fromvin", other, "{\"countryCode\":\"USA\",\"vin\":\"" + vin + "\"}");
    assertEquals(409, a.status());
    assertEquals("VIN already exists for a different user: " + vin, a.json().get("message"));
    String otherId = http.createFromVin(other, ford.vin(5));
    SandboxHttp.Answer patch = http.devices("PATCH", "/v1/user/devices/" + otherId + "/vin", other,
        "{\"vin\":\"" + vin + "\",\"signature\":\"" + deviceSignature(vin) + "\"}");
    assertEquals(409, patch.status());
    assertEquals("VIN already in use by another vehicle.", patch.json().get("message"));
  }

  @Test
  void fromSmartcarNeedsTheSandboxCode() {
    SandboxHttp.Answer a = http.post("/v1/user/devices/fromsmartcar", token,
        "{\"code\":\"" + sandbox.smartcarCode() + "\",\"redirectURI\":\"https://app.example/cb\",\"countryCode\":\"USA\"}");
    assertEquals(201, a.status(), a.body());
    Map<String, Object> ud = userDevice(a);
    assertEquals("5YJ3E1EA7MF200001", ud.get("vin"));
    List<?> integrations = (List<?>) ud.get("integrations");
    assertEquals("SmartCar", map(integrations.get(0)).get("integrationVendor"));
    SandboxHttp.Answer wrong = http.post("/v1/user/devices/fromsmartcar", token,
        "{\"code\":\"x\",\"redirectURI\":\"https://app.example/cb\",\"countryCode\":\"USA\"}");
    assertEquals(400, wrong.status());
    assertEquals("Failed to exchange authorization code with Smartcar.", wrong.json().get("message"));
    assertEquals("code: cannot be blank; redirectURI: cannot be blank.",
        http.post("/v1/user/devices/fromsmartcar", token, "{\"countryCode\":\"USA\"}").json().get("message"));
  }

  @Test
  void listMyVehiclesShowsOnlyTheCallersVehicles() {
    String id = http.createFromVin(token, ford.sampleVin());
    String other = http.login(PrivateKey.generate(new SecureRandom()));
    SandboxHttp.Answer mine = http.get("/v1/user/devices/me", token);
    assertEquals(200, mine.status());
    assertEquals(1, ((List<?>) mine.json().get("userDevices")).size());
    assertTrue(mine.json().containsKey("sharedDevices"));
    assertEquals(id, http.myVehicle(token, id).get("id"));
    assertEquals(List.of(), http.get("/v1/user/devices/me", other).json().get("userDevices"));
  }

  @Test
  void routesUnderAVehicleAnswer404ToOtherUsers() {
    String id = http.createFromVin(token, ford.sampleVin());
    String other = http.login(PrivateKey.generate(new SecureRandom()));
    for (String path : new String[] {"/commands/mint", "/error-codes", "/aftermarket/commands/unpair"}) {
      SandboxHttp.Answer a = http.get("/v1/user/devices/" + id + path, other);
      assertEquals(404, a.status(), path);
      assertEquals(Map.of("code", new BigDecimal(404), "message", "Device not found."), a.json());
    }
    assertEquals(404, http.post("/v1/user/devices/" + id + "/commands/opt-in", other, null).status());
    assertEquals(404, http.post("/v1/user/devices/nope/commands/opt-in", token, null).status());
  }

  private String deviceSignature(String vin) {
    PrivateKey device = sandbox.aftermarketDevices().get(1).privateKey();
    return Secp256k1Signer.of(device).signDigest(Keccak256.hash(vin.getBytes(StandardCharsets.US_ASCII))).toHex();
  }

  @Test
  void updateVinWithAndWithoutTheDeviceSignature() {
    String id = http.post("/v1/user/devices", token,
        "{\"countryCode\":\"USA\",\"deviceDefinitionId\":\"" + ford.id() + "\"}").json().toString();
    id = (String) userDevice(http.post("/v1/user/devices", token,
        "{\"countryCode\":\"USA\",\"deviceDefinitionId\":\"" + ford.id() + "\"}")).get("id");
    String path = "/v1/user/devices/" + id + "/vin";
    String vin = ford.vin(42);
    SandboxHttp.Answer plain = http.devices("PATCH", path, token, "{\"vin\":\"" + vin.toLowerCase() + "\"}");
    assertEquals(204, plain.status());
    assertEquals("", plain.body());
    assertEquals(vin, http.myVehicle(token, id).get("vin"));
    assertEquals(false, http.myVehicle(token, id).get("vinConfirmed"));

    PrivateKey stranger = PrivateKey.generate(new SecureRandom());
    String strangerSig = Secp256k1Signer.of(stranger).signDigest(Keccak256.hash(vin.getBytes(StandardCharsets.US_ASCII))).toHex();
    SandboxHttp.Answer unknown = http.devices("PATCH", path, token, "{\"vin\":\"" + vin + "\",\"signature\":\"" + strangerSig + "\"}");
    assertEquals(400, unknown.status());
    assertEquals("VIN signature author " + stranger.address().toChecksumHex()
        + " does not match any known aftermarket device.", unknown.json().get("message"));

    assertEquals(204, http.devices("PATCH", path, token,
        "{\"vin\":\"" + vin + "\",\"signature\":\"" + deviceSignature(vin) + "\"}").status());
    assertEquals(true, http.myVehicle(token, id).get("vinConfirmed"));
    assertEquals(409, http.devices("PATCH", path, token, "{\"vin\":\"" + vin + "\"}").status());
    assertEquals(204, http.devices("PATCH", path, token,
        "{\"vin\":\"" + vin + "\",\"signature\":\"" + deviceSignature(vin) + "\"}").status());

    assertEquals("VIN is not 17 characters long.", http.devices("PATCH", path, token, "{\"vin\":\"ABC\"}").json().get("message"));
    assertEquals("VIN contains a non-alphanumeric character.",
        http.devices("PATCH", path, token, "{\"vin\":\"1FMEE5DPXNA-00001\"}").json().get("message"));
    assertEquals("Signature is not 65 bytes long.", http.devices("PATCH", path, token,
        "{\"vin\":\"" + vin + "\",\"signature\":\"0x1234\"}").json().get("message"));
    assertEquals("Could not parse request body.", http.devices("PATCH", path, token, "[1]").json().get("message"));
  }

  @Test
  void theMintPayloadIsSerialisedLikeTheService() {
    String vin = ford.sampleVin();
    String id = http.createFromVin(token, vin);
    SandboxHttp.Answer before = http.get("/v1/user/devices/" + id + "/commands/mint", token);
    assertEquals(400, before.status());
    assertEquals("VIN not confirmed", before.json().get("message"));
    http.confirmVin(token, id, vin);
    SandboxHttp.Answer payload = http.get("/v1/user/devices/" + id + "/commands/mint", token);
    assertEquals(200, payload.status());
    assertEquals("application/json", payload.contentType());
    String expected = """
        {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},\
        {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],\
        "MintVehicleWithDeviceDefinitionSign":[{"name":"manufacturerNode","type":"uint256"},\
        {"name":"owner","type":"address"},{"name":"deviceDefinitionId","type":"string"},\
        {"name":"attributes","type":"string[]"},{"name":"infos","type":"string[]"}]},\
        "primaryType":"MintVehicleWithDeviceDefinitionSign",\
        "domain":{"name":"DIMO","version":"1","chainId":"0x13882",\
        "verifyingContract":"0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c","salt":""},\
        "message":{"attributes":["Make","Model","Year"],"deviceDefinitionId":"ford_bronco_2022",\
        "infos":["Ford","Bronco","2022"],"manufacturerNode":"0x2a","owner":"%s"}}""".formatted(
        user.address().toChecksumHex());
    assertEquals(expected, payload.body());
  }

  @Test
  void mintEndToEndWithARealSignature() {
    String vin = ford.sampleVin();
    String id = http.createFromVin(token, vin);
    http.confirmVin(token, id, vin);
    SandboxHttp.Answer mint = http.mint(token, id, user);
    assertEquals(200, mint.status(), mint.body());
    assertEquals("", mint.body());
    assertNull(mint.contentType());
    Map<String, Object> nft = map(http.myVehicle(token, id).get("nft"));
    assertEquals("Confirmed", nft.get("status"));
    assertEquals(new BigDecimal(21000), nft.get("tokenId"));
    assertEquals(user.address().toChecksumHex().toLowerCase(), nft.get("ownerAddress"));
    assertEquals(66, ((String) nft.get("txHash")).length());
    SandboxHttp.Answer again = http.get("/v1/user/devices/" + id + "/commands/mint", token);
    assertEquals("vehicle already minted with token id 21000", again.json().get("message"));

    String second = http.mintedVehicle(token, user, ford.vin(2));
    assertEquals(21001, http.tokenIdOf(token, second));
  }

  @Test
  void mintConfirmsAfterTheConfiguredNumberOfReads() {
    sandbox.close();
    sandbox = DimoSandbox.builder().pendingReads(2).start();
    http = new SandboxHttp(sandbox);
    token = http.login(user);
    String vin = ford.sampleVin();
    String id = http.createFromVin(token, vin);
    http.confirmVin(token, id, vin);
    assertEquals(200, http.mint(token, id, user).status());
    assertEquals("vehicle minting already in process",
        http.get("/v1/user/devices/" + id + "/commands/mint", token).json().get("message"));
    Map<String, Object> first = map(http.myVehicle(token, id).get("nft"));
    assertEquals("Submitted", first.get("status"));
    assertFalse(first.containsKey("tokenId"));
    assertEquals("Submitted", map(http.myVehicle(token, id).get("nft")).get("status"));
    Map<String, Object> third = map(http.myVehicle(token, id).get("nft"));
    assertEquals("Confirmed", third.get("status"));
    assertEquals(new BigDecimal(21000), third.get("tokenId"));
  }

  private String mintableVehicle() {
    String vin = ford.sampleVin();
    String id = http.createFromVin(token, vin);
    http.confirmVin(token, id, vin);
    return id;
  }

  private String mintBody(String signature) {
    return "{\"imageData\":\"" + SandboxHttp.PNG_BASE64 + "\",\"signature\":\"" + signature + "\"}";
  }

  @Test
  void mintRefusals() {
    String id = mintableVehicle();
    String path = "/v1/user/devices/" + id + "/commands/mint";
    String payload = http.get(path, token).body();
    EthSignature good = SandboxHttp.signPayload(payload, user);

    SandboxHttp.Answer bodiless = http.post(path, token, null);
    assertEquals(405, bodiless.status());
    assertEquals("GET, POST", bodiless.headers().get("Allow"));

    SandboxHttp.Answer wrapped = http.post(path, token, "{\"mintRequest\":" + mintBody(good.toHex()) + "}");
    assertEquals(400, wrapped.status());
    assertTrue(((String) wrapped.json().get("message")).contains("mintRequest"));

    SandboxHttp.Answer rawV = http.post(path, token, mintBody(SandboxHttp.rawV(good)));
    assertEquals(500, rawV.status());
    assertEquals(Map.of("code", new BigDecimal(500), "message", "Internal error"), rawV.json());

    SandboxHttp.Answer highS = http.post(path, token, mintBody(SandboxHttp.highS(good)));
    assertEquals(400, highS.status());
    assertEquals(Signatures.HIGH_S_MESSAGE, highS.json().get("message"));

    EthSignature stranger = SandboxHttp.signPayload(payload, PrivateKey.generate(new SecureRandom()));
    assertEquals("Signature incorrect.", http.post(path, token, mintBody(stranger.toHex())).json().get("message"));

    SandboxHttp.Answer textPlain = http.send(SandboxHttp.request(sandbox.devicesUrl() + path, "POST", token,
        RequestBody.create(mintBody(good.toHex()), MediaType.get("text/plain"))));
    assertEquals(400, textPlain.status());
    assertEquals("Couldn't parse request body.", textPlain.json().get("message"));

    assertEquals("Primary image not properly base64-encoded.", http.post(path, token,
        "{\"imageData\":\"@@@\",\"signature\":\"" + good.toHex() + "\"}").json().get("message"));
    assertEquals("No image in request body and none assigned previously.", http.post(path, token,
        "{\"signature\":\"" + good.toHex() + "\"}").json().get("message"));
    assertEquals(500, http.post(path, token, "{\"imageData\":\"" + SandboxHttp.PNG_BASE64 + "\"}").status());
    assertEquals(400, http.post(path, token, "{\"imageData\":\"" + SandboxHttp.PNG_BASE64
        + "\",\"signature\":" + SandboxHttp.intArray(good) + "}").status());
    assertEquals(405, http.devices("PUT", path, token, "{}").status());

    assertEquals(200, http.post(path, token, mintBody(good.toHex())).status(), "still mintable after refusals");
  }

  @Test
  void optInAnswers200ThenNoContent() {
    String id = http.createFromVin(token, ford.sampleVin());
    SandboxHttp.Answer first = http.post("/v1/user/devices/" + id + "/commands/opt-in", token, null);
    assertEquals(200, first.status());
    assertEquals("", first.body());
    assertTrue(http.myVehicle(token, id).get("optedInAt") instanceof String);
    assertEquals(204, http.post("/v1/user/devices/" + id + "/commands/opt-in", token, null).status());
  }

  @Test
  void refreshIsRateLimitedAndNeedsSmartcar() {
    String vinVehicle = http.createFromVin(token, ford.sampleVin());
    SandboxHttp.Answer noSmartcar = http.post("/v1/user/devices/" + vinVehicle + "/commands/refresh", token, null);
    assertEquals(400, noSmartcar.status());
    assertEquals("no active Smartcar integration found for this device", noSmartcar.json().get("message"));

    String id = (String) userDevice(http.post("/v1/user/devices/fromsmartcar", token,
        "{\"code\":\"" + sandbox.smartcarCode() + "\",\"redirectURI\":\"https://app.example/cb\",\"countryCode\":\"USA\"}")).get("id");
    String path = "/v1/user/devices/" + id + "/commands/refresh";
    assertEquals(204, http.post(path, token, null).status());
    SandboxHttp.Answer limited = http.post(path, token, null);
    assertEquals(429, limited.status());
    assertEquals("rate limit for integration refresh hit, next available: 2026-01-01T01:00:00Z",
        limited.json().get("message"));
    clock.advance(Duration.ofMinutes(59));
    assertEquals(429, http.post(path, token, null).status());
    clock.advance(Duration.ofMinutes(1));
    assertEquals(204, http.post(path, token, null).status());
  }
}
