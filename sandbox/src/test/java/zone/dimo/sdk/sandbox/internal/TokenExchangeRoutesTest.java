package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.DeveloperLicense;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.MutableClock;
import zone.dimo.sdk.sandbox.SandboxHttp;
import zone.dimo.sdk.signing.PrivateKey;

class TokenExchangeRoutesTest {
  private static final String COMMANDS = "privilege:ExecuteCommands";
  private static final String HISTORY = "privilege:GetNonLocationHistory";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final PrivateKey owner = PrivateKey.generate(new SecureRandom());
  private DimoSandbox sandbox;
  private SandboxHttp http;
  private String ownerToken;
  private long tokenId;

  private void start(DimoSandbox.Builder builder) {
    sandbox = builder.clock(clock).start();
    http = new SandboxHttp(sandbox);
    ownerToken = http.login(owner);
    String id = http.mintedVehicle(ownerToken, owner, sandbox.deviceDefinitions().get(0).sampleVin());
    tokenId = http.tokenIdOf(ownerToken, id);
  }

  private void start() {
    start(DimoSandbox.builder());
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  private String contract() {
    return sandbox.vehicleNftContract().toChecksumHex();
  }

  private String did(long id) {
    return "did:erc721:80002:" + contract() + ":" + id;
  }

  private static String oldBody(String contract, String privileges, long token) {
    return "{\"nftContractAddress\":\"" + contract + "\",\"privileges\":" + privileges + ",\"tokenId\":" + token + "}";
  }

  private static String newBody(String asset, String permissions) {
    return "{\"asset\":\"" + asset + "\",\"permissions\":" + permissions + "}";
  }

  private static String names(String... names) {
    StringBuilder out = new StringBuilder("[");
    for (String n : names) {
      out.append(out.length() == 1 ? "" : ",").append('"').append(n).append('"');
    }
    return out.append(']').toString();
  }

  private static Map<String, Object> claims(SandboxHttp.Answer a) {
    assertEquals(200, a.status(), a.body());
    return AuthRoutesTest.claims((String) a.json().get("token"));
  }

  private static void assertError(int status, String message, SandboxHttp.Answer a) {
    assertEquals(status, a.status(), a.body());
    assertEquals("application/json", a.contentType());
    assertEquals(Map.of("code", new BigDecimal(status), "message", message), a.json());
  }

  @Test
  void theDeprecatedBodyGetsTodaysClaims() {
    start();
    Map<String, Object> claims = claims(http.exchange(ownerToken, oldBody(contract().toLowerCase(), "[2,1]", tokenId)));
    assertEquals(did(tokenId), claims.get("asset"));
    assertEquals(List.of(COMMANDS, HISTORY), claims.get("permissions"));
    assertEquals(Map.of("events", List.of()), claims.get("cloud_events"));
    assertEquals(String.valueOf(tokenId), claims.get("token_id"));
    assertEquals(contract().toLowerCase(), claims.get("contract_address"));
    assertEquals(List.of(new BigDecimal(2), new BigDecimal(1)), claims.get("privilege_ids"));
    assertEquals(List.of("dimo.zone"), claims.get("aud"));
    assertEquals(owner.address().toChecksumHex(), claims.get("sub"), "lenient mode: the user is the subject");
    assertEquals(new BigDecimal(clock.instant().getEpochSecond() + 600), claims.get("exp"));
  }

  @Test
  void theNewBodyByAssetDidAndPermissionNames() {
    start();
    String body = "{\"asset\":\"did:erc721:80002:" + contract().toLowerCase() + ":" + tokenId + "\","
        + "\"permissions\":" + names(HISTORY, COMMANDS) + ",\"audience\":[\"my-backend\"]}";
    Map<String, Object> claims = claims(http.exchange(ownerToken, body));
    assertEquals(did(tokenId), claims.get("asset"), "the contract is printed checksummed");
    assertEquals(List.of(HISTORY, COMMANDS), claims.get("permissions"));
    assertEquals(List.of(new BigDecimal(1), new BigDecimal(2)), claims.get("privilege_ids"));
    assertEquals(List.of("my-backend"), claims.get("aud"));
    assertEquals(String.valueOf(tokenId), claims.get("token_id"));
  }

  @Test
  void assetWinsOverTheContractAndTokenIdAndPermissionsWinOverPrivileges() {
    start();
    String body = "{\"asset\":\"" + did(tokenId) + "\",\"nftContractAddress\":\"nonsense\",\"tokenId\":999,"
        + "\"permissions\":" + names(COMMANDS) + ",\"privileges\":[9,1]}";
    Map<String, Object> claims = claims(http.exchange(ownerToken, body));
    assertEquals(List.of(COMMANDS), claims.get("permissions"));
    assertEquals(String.valueOf(tokenId), claims.get("token_id"));
    // Empty permissions: the privileges are used (and mapped).
    claims = claims(http.exchange(ownerToken, "{\"asset\":\"" + did(tokenId) + "\",\"permissions\":[],\"privileges\":[6]}"));
    assertEquals(List.of("privilege:GetLiveData"), claims.get("permissions"));
  }

  @Test
  void errorsInTheServicesOrder() {
    start();
    String ok = newBody(did(tokenId), names(COMMANDS));
    SandboxHttp.Answer none = http.exchange(null, ok);
    assertEquals(400, none.status());
    assertEquals("text/plain; charset=utf-8", none.contentType());
    assertEquals("missing or malformed JWT", none.body());
    SandboxHttp.Answer bad = http.exchange("abc.def.ghi", ok);
    assertEquals(401, bad.status());
    assertEquals("Invalid or expired JWT", bad.body());

    assertError(400, "Couldn't parse request body.", http.exchange(ownerToken, "{\"privileges\":\"2\"}"));
    assertError(400, "Couldn't parse request body.", http.exchange(ownerToken, "{\"cloudEvents\":[]}"));
    assertError(400, "Couldn't parse request body.", http.exchange(ownerToken, "{\"tokenId\":\"7\"}"));
    assertError(400, "Couldn't parse request body.", http.send(SandboxHttp.request(
        sandbox.tokenExchangeUrl() + "/v1/tokens/exchange", "POST", ownerToken,
        RequestBody.create(ok, MediaType.get("text/plain")))));

    assertError(400, "Invalid asset DID \"did:erc721:1:0xzz:5\": invalid asset DID \"did:erc721:1:0xzz:5\": invalid DID.",
        http.exchange(ownerToken, newBody("did:erc721:1:0xzz:5", names(COMMANDS))));
    assertError(400, "Invalid asset DID \"did:ethr:x:" + contract() + "\": invalid asset DID \"did:ethr:x:" + contract()
        + "\": invalid DID, invalid chain ID x.", http.exchange(ownerToken, newBody("did:ethr:x:" + contract(), names(COMMANDS))));
    assertError(400, "Invalid asset DID \"did:nft:1:0x12\": invalid asset DID \"did:nft:1:0x12\": invalid DID, wrong DID method nft.",
        http.exchange(ownerToken, newBody("did:nft:1:0x12", names(COMMANDS))));
    assertError(400, "Invalid asset DID \"a:b:c:d\": invalid asset DID \"a:b:c:d\": invalid DID, wrong DID prefix a.",
        http.exchange(ownerToken, newBody("a:b:c:d", names(COMMANDS))));
    assertError(400, "Invalid asset DID \"did:ethr:1:0x12\": invalid asset DID \"did:ethr:1:0x12\": invalid DID, invalid contract address 0x12.",
        http.exchange(ownerToken, newBody("did:ethr:1:0x12", names(COMMANDS))));

    assertError(400, "Invalid NFT contract address \"0x1234\".", http.exchange(ownerToken, oldBody("0x1234", "[2]", tokenId)));
    assertError(400, "Invalid NFT contract address \"\".",
        http.exchange(ownerToken, "{\"permissions\":" + names(COMMANDS) + "}"));
    assertError(400, "unknown privileges [9 0]", http.exchange(ownerToken, oldBody(contract(), "[2,9,0]", tokenId)));
    assertError(400, "Please provide at least one privilege or cloudevent",
        http.exchange(ownerToken, oldBody(contract(), "[]", tokenId)));
    assertError(400, "Please provide at least one privilege or cloudevent",
        http.exchange(ownerToken, "{\"asset\":\"" + did(tokenId) + "\",\"cloudEvents\":{\"events\":[]}}"));

    // Cloud events need a sharing document; the sandbox has none, not even for the owner.
    assertError(400, "failed to fetch source document from IPFS", http.exchange(ownerToken,
        "{\"asset\":\"" + did(tokenId) + "\",\"cloudEvents\":{\"events\":[{\"eventType\":\"dimo.attestation\"}]}}"));

    String me = owner.address().toChecksumHex();
    assertError(403, "Address " + me + " lacks permissions [privilege:Nope] for asset " + did(tokenId) + ".",
        http.exchange(ownerToken, newBody(did(tokenId), names(COMMANDS, "privilege:Nope"))));
    assertError(403, "Address " + me + " lacks permissions [2] for asset " + did(999_999) + ".",
        http.exchange(ownerToken, newBody(did(999_999), names(COMMANDS))));
    String elsewhere = "did:erc721:80002:0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF:" + tokenId;
    assertError(403, "Address " + me + " lacks permissions [2 1] for asset " + elsewhere + ".",
        http.exchange(ownerToken, newBody(elsewhere, names(COMMANDS, HISTORY))));
  }

  @Test
  void anotherUserLacksThePermissions() {
    start();
    PrivateKey other = PrivateKey.generate(new SecureRandom());
    String otherToken = http.login(other);
    assertError(403, "Address " + other.address().toChecksumHex() + " lacks permissions [2 4] for asset " + did(tokenId) + ".",
        http.exchange(otherToken, oldBody(contract(), "[2,4]", tokenId)));
  }

  @Test
  void aLicenseGetsWhatTheOwnerShared() {
    start(DimoSandbox.builder().loginSharesAllVehicles(false));
    DeveloperLicense license = sandbox.developerLicenses().get(0);
    String licenseToken = http.loginLicense(license);
    String who = license.address().toChecksumHex();
    assertError(403, "Address " + who + " lacks permissions [2] for asset " + did(tokenId) + ".",
        http.exchange(licenseToken, newBody(did(tokenId), names(COMMANDS))));

    sandbox.sharePermissions(tokenId, license.address(), COMMANDS);
    Map<String, Object> claims = claims(http.exchange(licenseToken, newBody(did(tokenId), names(COMMANDS))));
    assertEquals(who, claims.get("sub"));
    assertEquals(List.of(COMMANDS), claims.get("permissions"));
    assertError(403, "Address " + who + " lacks permissions [1] for asset " + did(tokenId) + ".",
        http.exchange(licenseToken, newBody(did(tokenId), names(COMMANDS, HISTORY))));
    // The other license got nothing.
    DeveloperLicense second = sandbox.developerLicenses().get(1);
    assertEquals(403, http.exchange(http.loginLicense(second), newBody(did(tokenId), names(COMMANDS))).status());
  }

  @Test
  void anOwnersLoginWithALicenseClientIdSharesEverything() {
    start();
    DeveloperLicense license = sandbox.developerLicenses().get(0);
    String licenseToken = http.loginLicense(license);
    String ethr = "did:ethr:80002:" + owner.address().toChecksumHex();
    assertEquals(403, http.exchange(licenseToken, newBody(did(tokenId), names(COMMANDS))).status());
    assertError(403, "Address " + license.address().toChecksumHex() + " lacks permissions [1] for asset " + ethr + ".",
        http.exchange(licenseToken, newBody(ethr, names(HISTORY))));

    http.login(license.address().toChecksumHex(), license.redirectUri(), owner.address().toChecksumHex(), owner);
    Map<String, Object> claims = claims(http.exchange(licenseToken,
        newBody(did(tokenId), names(COMMANDS, HISTORY, "privilege:GetRawData"))));
    assertEquals(List.of(new BigDecimal(2), new BigDecimal(1), new BigDecimal(7)), claims.get("privilege_ids"));
    // The account DID too; Go prints the absent token id of an account as "<nil>".
    claims = claims(http.exchange(licenseToken, newBody(ethr, names(HISTORY))));
    assertEquals(ethr, claims.get("asset"));
    assertEquals("<nil>", claims.get("token_id"));
    assertEquals(owner.address().toChecksumHex().toLowerCase(), claims.get("contract_address"));
  }

  @Test
  void withTheSwitchOffALoginSharesNothing() {
    start(DimoSandbox.builder().loginSharesAllVehicles(false));
    DeveloperLicense license = sandbox.developerLicenses().get(0);
    http.login(license.address().toChecksumHex(), license.redirectUri(), owner.address().toChecksumHex(), owner);
    assertEquals(403, http.exchange(http.loginLicense(license), newBody(did(tokenId), names(COMMANDS))).status());
  }

  @Test
  void strictModeRefusesUserTokensButNotLicenses() {
    start(DimoSandbox.builder().strictDeveloperLicenses(true));
    assertError(403, "not a dev license: " + owner.address().toChecksumHex(),
        http.exchange(ownerToken, newBody(did(tokenId), names(COMMANDS))));
    // The license check comes before the body is read.
    assertError(403, "not a dev license: " + owner.address().toChecksumHex(), http.exchange(ownerToken, "nonsense"));
    DeveloperLicense license = sandbox.developerLicenses().get(1);
    sandbox.sharePermissions(tokenId, license.address(), COMMANDS);
    assertEquals(license.address().toChecksumHex(),
        claims(http.exchange(http.loginLicense(license), newBody(did(tokenId), names(COMMANDS)))).get("sub"));
  }

  @Test
  void strictModeLetsTheMobileAppAudienceThrough() {
    start(DimoSandbox.builder().strictDeveloperLicenses(true).clientId("dimo-driver"));
    Map<String, Object> claims = claims(http.exchange(ownerToken, newBody(did(tokenId), names(COMMANDS))));
    assertEquals("dimo-driver", claims.get("sub"));
  }

  @Test
  void aTokenWithoutAnEthereumAddressClaimIs401() {
    start();
    // A vehicle token issued for the dimo-driver audience passes the license check but names no
    // Ethereum address.
    String driverToken = (String) http.exchange(ownerToken,
        "{\"asset\":\"" + did(tokenId) + "\",\"permissions\":" + names(COMMANDS) + ",\"audience\":[\"dimo-driver\"]}")
        .json().get("token");
    assertError(401, "No Ethereum address claim found.",
        http.exchange(driverToken, newBody(did(tokenId), names(COMMANDS))));
    // A body error still comes first.
    assertError(400, "unknown privileges [9]", http.exchange(driverToken, oldBody(contract(), "[9]", tokenId)));
  }
}
