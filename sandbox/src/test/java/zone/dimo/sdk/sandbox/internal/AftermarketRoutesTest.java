package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.AftermarketDevice;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.SandboxHttp;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.PrivateKey;

class AftermarketRoutesTest {
  private final DimoSandbox sandbox = DimoSandbox.start();
  private final SandboxHttp http = new SandboxHttp(sandbox);
  private final PrivateKey user = PrivateKey.generate(new SecureRandom());
  private String token;
  private AftermarketDevice device;
  private String claimPath;

  @BeforeEach
  void login() {
    token = http.login(user);
    device = sandbox.aftermarketDevices().get(0);
    claimPath = "/v1/aftermarket/device/by-serial/" + device.serial() + "/commands/claim";
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  private String claimBody(String deviceSig, String userSig) {
    return "{\"aftermarketDeviceSignature\":\"" + deviceSig + "\",\"userSignature\":\"" + userSig + "\"}";
  }

  @Test
  void getAftermarketDeviceBySerial() {
    SandboxHttp.Answer a = http.get("/v1/aftermarket/device/by-serial/" + device.serial().toUpperCase(), token);
    assertEquals(200, a.status(), a.body());
    Map<String, Object> info = a.json();
    assertEquals(new BigDecimal(1337), info.get("tokenId"));
    assertEquals(device.serial(), info.get("unitId"));
    assertEquals(device.address().toChecksumHex().toLowerCase(), info.get("ethereumAddress"));
    assertNull(info.get("ownerAddress"));
    assertNull(info.get("claim"));
    assertEquals("AutoPi", map(info.get("manufacturer")).get("name"));
    SandboxHttp.Answer unknown = http.get("/v1/aftermarket/device/by-serial/nope", token);
    assertEquals(404, unknown.status());
    assertEquals("AftermarketDevice not minted, or serial is invalid.", unknown.json().get("message"));
    assertEquals(405, http.post("/v1/aftermarket/device/by-serial/" + device.serial(), token, "{}").status());
    assertEquals(401, http.get("/v1/aftermarket/device/by-serial/" + device.serial(), null).status());
  }

  @Test
  void theClaimHandlersLookTheRawSerialUpVerbatim() {
    // devices-api 307a607f: the by-serial middleware trims and lower-cases the path value (so the
    // info route finds an upper-case serial), the claim handlers then look c.Params("serial") up
    // again as sent — an upper-case serial passes the middleware and misses there.
    String upper = "/v1/aftermarket/device/by-serial/" + device.serial().toUpperCase();
    assertEquals(200, http.get(upper, token).status());
    SandboxHttp.Answer get = http.get(upper + "/commands/claim", token);
    assertEquals(404, get.status());
    assertEquals("Aftermarket device not minted.", get.json().get("message"));
    SandboxHttp.Answer post = http.post(upper + "/commands/claim", token, claimBody("0x00", "0x00"));
    assertEquals(404, post.status());
    assertEquals("Aftermarket device not minted.", post.json().get("message"));
    // The body is parsed before that lookup.
    assertEquals("Couldn't parse request body.", http.post(upper + "/commands/claim", token, "[]").json().get("message"));
    assertEquals(200, http.get(claimPath, token).status());
  }

  @Test
  void pathValuesAreRawSoAnEncodedSpaceIsNotTrimmed() {
    // Fiber without UnescapePath hands "%20" to the middleware, whose TrimSpace leaves it.
    SandboxHttp.Answer a = http.get("/v1/aftermarket/device/by-serial/%20" + device.serial(), token);
    assertEquals(404, a.status());
    assertEquals("AftermarketDevice not minted, or serial is invalid.", a.json().get("message"));
  }

  @Test
  void theClaimPayloadIsSerialisedLikeTheService() {
    SandboxHttp.Answer a = http.get(claimPath, token);
    assertEquals(200, a.status());
    assertEquals("""
        {"types":{"ClaimAftermarketDeviceSign":[{"name":"aftermarketDeviceNode","type":"uint256"},\
        {"name":"owner","type":"address"}],"EIP712Domain":[{"name":"name","type":"string"},\
        {"name":"version","type":"string"},{"name":"chainId","type":"uint256"},\
        {"name":"verifyingContract","type":"address"}]},"primaryType":"ClaimAftermarketDeviceSign",\
        "domain":{"name":"DIMO","version":"1","chainId":"0x13882",\
        "verifyingContract":"0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c","salt":""},\
        "message":{"aftermarketDeviceNode":"0x539","owner":"%s"}}""".formatted(user.address().toChecksumHex()),
        a.body());
  }

  @Test
  void claimWithBothSignatures() {
    SandboxHttp.Answer claim = http.claim(token, device, user);
    assertEquals(200, claim.status(), claim.body());
    assertEquals("", claim.body());
    Map<String, Object> info = http.get("/v1/aftermarket/device/by-serial/" + device.serial(), token).json();
    assertEquals(user.address().toChecksumHex(), info.get("ownerAddress"));
    assertEquals("Confirmed", map(info.get("claim")).get("status"));
    SandboxHttp.Answer again = http.get(claimPath, token);
    assertEquals(409, again.status());
    assertEquals("Device already claimed.", again.json().get("message"));
  }

  @Test
  void claimRefusals() {
    String payload = http.get(claimPath, token).body();
    EthSignature userSig = SandboxHttp.signPayload(payload, user);
    EthSignature deviceSig = SandboxHttp.signPayload(payload, device.privateKey());
    EthSignature stranger = SandboxHttp.signPayload(payload, PrivateKey.generate(new SecureRandom()));

    assertEquals(405, http.post(claimPath, token, null).status());
    SandboxHttp.Answer wrapped = http.post(claimPath, token,
        "{\"claimRequest\":" + claimBody(deviceSig.toHex(), userSig.toHex()) + "}");
    assertEquals(400, wrapped.status());
    assertTrue(((String) wrapped.json().get("message")).contains("claimRequest"));
    assertEquals("User signature invalid.",
        http.post(claimPath, token, claimBody(deviceSig.toHex(), stranger.toHex())).json().get("message"));
    assertEquals("Aftermarket device signature invalid.",
        http.post(claimPath, token, claimBody(stranger.toHex(), userSig.toHex())).json().get("message"));
    assertEquals("User signature has invalid length 2.",
        http.post(claimPath, token, claimBody(deviceSig.toHex(), "0x1234")).json().get("message"));
    assertEquals(500, http.post(claimPath, token, claimBody(deviceSig.toHex(), SandboxHttp.rawV(userSig))).status());
    SandboxHttp.Answer highS = http.post(claimPath, token, claimBody(SandboxHttp.highS(deviceSig), userSig.toHex()));
    assertEquals(400, highS.status());
    assertEquals(Signatures.HIGH_S_MESSAGE, highS.json().get("message"));
    SandboxHttp.Answer ints = http.post(claimPath, token,
        "{\"aftermarketDeviceSignature\":" + SandboxHttp.intArray(deviceSig) + ",\"userSignature\":\"" + userSig.toHex() + "\"}");
    assertEquals(400, ints.status());
    assertEquals("Couldn't parse request body.", ints.json().get("message"));
    assertEquals(200, http.post(claimPath, token, claimBody(deviceSig.toHex(), userSig.toHex())).status());
  }

  private String pairedSetup() {
    assertEquals(200, http.claim(token, device, user).status());
    return http.mintedVehicle(token, user, sandbox.deviceDefinitions().get(0).sampleVin());
  }

  private String pairBody(String signature) {
    return "{\"externalId\":\"" + device.serial() + "\",\"signature\":\"" + signature + "\"}";
  }

  @Test
  void pairAndUnpair() {
    String id = pairedSetup();
    String pairPath = "/v1/user/devices/" + id + "/aftermarket/commands/pair";
    SandboxHttp.Answer noSerial = http.get(pairPath, token);
    assertEquals(400, noSerial.status());
    assertEquals("Serial required.", noSerial.json().get("message"));
    SandboxHttp.Answer payload = http.get(pairPath + "?external_id=" + device.serial(), token);
    assertEquals(200, payload.status(), payload.body());
    assertEquals("""
        {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},\
        {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],\
        "PairAftermarketDeviceSign":[{"name":"aftermarketDeviceNode","type":"uint256"},\
        {"name":"vehicleNode","type":"uint256"}]},"primaryType":"PairAftermarketDeviceSign",\
        "domain":{"name":"DIMO","version":"1","chainId":"0x13882",\
        "verifyingContract":"0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c","salt":""},\
        "message":{"aftermarketDeviceNode":"0x539","vehicleNode":"0x5208"}}""", payload.body());
    EthSignature sig = SandboxHttp.signPayload(payload.body(), user);
    SandboxHttp.Answer pair = http.post(pairPath, token, pairBody(sig.toHex()));
    assertEquals(200, pair.status(), pair.body());
    assertEquals("", pair.body());
    List<?> integrations = (List<?>) http.myVehicle(token, id).get("integrations");
    assertEquals(device.serial(), map(integrations.get(0)).get("externalId"));
    assertEquals(409, http.get(pairPath + "?external_id=" + device.serial(), token).status());

    String unpairPath = "/v1/user/devices/" + id + "/aftermarket/commands/unpair";
    SandboxHttp.Answer unpairPayload = http.get(unpairPath, token);
    assertEquals(200, unpairPayload.status());
    assertTrue(unpairPayload.body().contains("\"primaryType\":\"UnPairAftermarketDeviceSign\""));
    EthSignature unpairSig = SandboxHttp.signPayload(unpairPayload.body(), user);
    assertEquals(200, http.post(unpairPath, token, "{\"signature\":\"" + unpairSig.toHex() + "\"}").status());
    assertEquals(List.of(), http.myVehicle(token, id).get("integrations"));
    SandboxHttp.Answer again = http.get(unpairPath, token);
    assertEquals(409, again.status());
    assertEquals("Vehicle not paired with an aftermarket device.", again.json().get("message"));
    assertEquals(200, http.get(pairPath + "?external_id=" + device.serial(), token).status(), "pairable again");
  }

  @Test
  void pairRefusals() {
    String id = pairedSetup();
    String pairPath = "/v1/user/devices/" + id + "/aftermarket/commands/pair";
    String payload = http.get(pairPath + "?external_id=" + device.serial(), token).body();
    EthSignature sig = SandboxHttp.signPayload(payload, user);

    assertEquals(405, http.post(pairPath, token, null).status());
    SandboxHttp.Answer ints = http.post(pairPath, token,
        "{\"externalId\":\"" + device.serial() + "\",\"signature\":" + SandboxHttp.intArray(sig) + "}");
    assertEquals(400, ints.status());
    assertEquals("Couldn't parse request body.", ints.json().get("message"));
    assertEquals(400, http.post(pairPath, token, pairBody(sig.toHex().substring(2))).status(), "no 0x prefix");
    SandboxHttp.Answer wrapped = http.post(pairPath, token, "{\"userSignature\":" + pairBody(sig.toHex()) + "}");
    assertEquals(400, wrapped.status());
    assertTrue(((String) wrapped.json().get("message")).contains("userSignature"));
    assertEquals(500, http.post(pairPath, token, pairBody(SandboxHttp.rawV(sig))).status());
    assertEquals(Signatures.HIGH_S_MESSAGE, http.post(pairPath, token, pairBody(SandboxHttp.highS(sig))).json().get("message"));
    EthSignature stranger = SandboxHttp.signPayload(payload, PrivateKey.generate(new SecureRandom()));
    assertEquals("Incorrect user signature.", http.post(pairPath, token, pairBody(stranger.toHex())).json().get("message"));
    assertEquals("User signature was not 65 bytes long.", http.post(pairPath, token, pairBody("0x1234")).json().get("message"));
    SandboxHttp.Answer unknownSerial = http.post(pairPath, token,
        "{\"externalId\":\"nope\",\"signature\":\"" + sig.toHex() + "\"}");
    assertEquals(400, unknownSerial.status());
    assertEquals(200, http.post(pairPath, token, pairBody(sig.toHex())).status());
  }

  @Test
  void pairNeedsAMintedVehicleAndAClaimedDevice() {
    String unminted = http.createFromVin(token, sandbox.deviceDefinitions().get(0).sampleVin());
    SandboxHttp.Answer a = http.get("/v1/user/devices/" + unminted + "/aftermarket/commands/pair?external_id=" + device.serial(), token);
    assertEquals(409, a.status());
    assertEquals("Vehicle not yet minted.", a.json().get("message"));
    String minted = http.mintedVehicle(token, user, sandbox.deviceDefinitions().get(1).sampleVin());
    SandboxHttp.Answer b = http.get("/v1/user/devices/" + minted + "/aftermarket/commands/pair?external_id=" + device.serial(), token);
    assertEquals(409, b.status());
    assertEquals("Aftermarket device not yet claimed.", b.json().get("message"));
  }

  @Test
  void pairAcrossOwnersNeedsTheDeviceSignature() {
    AftermarketDevice other = sandbox.aftermarketDevices().get(2);
    PrivateKey deviceOwner = PrivateKey.generate(new SecureRandom());
    assertEquals(200, http.claim(http.login(deviceOwner), other, deviceOwner).status());
    String id = http.mintedVehicle(token, user, sandbox.deviceDefinitions().get(0).sampleVin());
    String pairPath = "/v1/user/devices/" + id + "/aftermarket/commands/pair";
    String payload = http.get(pairPath + "?external_id=" + other.serial(), token).body();
    EthSignature userSig = SandboxHttp.signPayload(payload, user);
    SandboxHttp.Answer missing = http.post(pairPath, token,
        "{\"externalId\":\"" + other.serial() + "\",\"signature\":\"" + userSig.toHex() + "\"}");
    assertEquals("Aftermarket device signature was not 65 bytes long.", missing.json().get("message"));
    EthSignature deviceSig = SandboxHttp.signPayload(payload, other.privateKey());
    assertEquals(200, http.post(pairPath, token, "{\"externalId\":\"" + other.serial() + "\",\"signature\":\""
        + userSig.toHex() + "\",\"aftermarketDeviceSignature\":\"" + deviceSig.toHex() + "\"}").status());
  }

  @Test
  void unpairRefusals() {
    String id = pairedSetup();
    String pairPath = "/v1/user/devices/" + id + "/aftermarket/commands/pair";
    String payload = http.get(pairPath + "?external_id=" + device.serial(), token).body();
    assertEquals(200, http.post(pairPath, token, pairBody(SandboxHttp.signPayload(payload, user).toHex())).status());
    String unpairPath = "/v1/user/devices/" + id + "/aftermarket/commands/unpair";
    EthSignature sig = SandboxHttp.signPayload(http.get(unpairPath, token).body(), user);
    assertEquals(405, http.post(unpairPath, token, null).status());
    assertEquals(400, http.post(unpairPath, token, "{\"signature\":" + SandboxHttp.intArray(sig) + "}").status());
    assertEquals(400, http.post(unpairPath, token, "{\"userSignature\":{\"signature\":\"" + sig.toHex() + "\"}}").status());
    assertEquals(500, http.post(unpairPath, token, "{\"signature\":\"" + SandboxHttp.rawV(sig) + "\"}").status());
    assertEquals(400, http.post(unpairPath, token, "{\"signature\":\"" + SandboxHttp.highS(sig) + "\"}").status());
    assertEquals("Signature has length 0, not the required 65.", http.post(unpairPath, token, "{}").json().get("message"));
    assertEquals(200, http.post(unpairPath, token, "{\"signature\":\"" + sig.toHex() + "\"}").status());
  }

  @Test
  void pendingTransactionsConfirmAfterReads() {
    DimoSandbox slow = DimoSandbox.builder().pendingReads(1).start();
    try {
      SandboxHttp h = new SandboxHttp(slow);
      String t = h.login(user);
      AftermarketDevice d = slow.aftermarketDevices().get(1);
      assertEquals(200, h.claim(t, d, user).status());
      String path = "/v1/aftermarket/device/by-serial/" + d.serial();
      assertEquals(409, h.get(path + "/commands/claim", t).status(), "claim in progress");
      Map<String, Object> first = h.get(path, t).json();
      assertEquals("Submitted", map(first.get("claim")).get("status"));
      assertNull(first.get("ownerAddress"));
      Map<String, Object> second = h.get(path, t).json();
      assertEquals("Confirmed", map(second.get("claim")).get("status"));
      assertEquals(user.address().toChecksumHex(), second.get("ownerAddress"));
    } finally {
      slow.close();
    }
  }
}
