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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.MutableClock;
import zone.dimo.sdk.sandbox.SandboxHttp;
import zone.dimo.sdk.signing.PrivateKey;

class TokenExchangeRoutesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final DimoSandbox sandbox = DimoSandbox.builder().clock(clock).start();
  private final SandboxHttp http = new SandboxHttp(sandbox);
  private final PrivateKey owner = PrivateKey.generate(new SecureRandom());
  private String ownerToken;
  private long tokenId;

  @BeforeEach
  void mint() {
    ownerToken = http.login(owner);
    String id = http.mintedVehicle(ownerToken, owner, sandbox.deviceDefinitions().get(0).sampleVin());
    tokenId = http.tokenIdOf(ownerToken, id);
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  private String body(String contract, String privileges, long token) {
    return "{\"nftContractAddress\":\"" + contract + "\",\"privileges\":" + privileges + ",\"tokenId\":" + token + "}";
  }

  @Test
  void theOwnerGetsAPrivilegeToken() {
    SandboxHttp.Answer a = http.exchange(ownerToken,
        body(sandbox.vehicleNftContract().toChecksumHex().toLowerCase(), "[2,1]", tokenId));
    assertEquals(200, a.status(), a.body());
    assertEquals("application/json", a.contentType());
    Map<String, Object> claims = AuthRoutesTest.claims((String) a.json().get("token"));
    assertEquals(String.valueOf(tokenId), claims.get("token_id"));
    assertEquals(List.of(new BigDecimal(2), new BigDecimal(1)), claims.get("privilege_ids"));
    assertEquals(sandbox.vehicleNftContract().toChecksumHex(), claims.get("contract_address"));
    assertEquals(new BigDecimal(clock.instant().getEpochSecond() + 600), claims.get("exp"));
    assertEquals(List.of("dimo.zone"), claims.get("aud"));
  }

  @Test
  void anotherUserLacksThePrivileges() {
    String other = http.login(PrivateKey.generate(new SecureRandom()));
    SandboxHttp.Answer a = http.exchange(other, body(sandbox.vehicleNftContract().toString(), "[2]", tokenId));
    assertEquals(403, a.status());
    assertEquals(new BigDecimal(403), a.json().get("code"));
    assertEquals(true, ((String) a.json().get("message")).contains("lacks permission 2 on token id " + tokenId));
  }

  @Test
  void anotherContractOrAnUnknownTokenOrPrivilegeIsRefused() {
    assertEquals(403, http.exchange(ownerToken,
        body("0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF", "[2]", tokenId)).status());
    assertEquals(403, http.exchange(ownerToken, body(sandbox.vehicleNftContract().toString(), "[2]", 999_999)).status());
    assertEquals(403, http.exchange(ownerToken, body(sandbox.vehicleNftContract().toString(), "[9]", tokenId)).status());
  }

  @Test
  void requestValidation() {
    SandboxHttp.Answer empty = http.exchange(ownerToken, body(sandbox.vehicleNftContract().toString(), "[]", tokenId));
    assertEquals(400, empty.status());
    assertEquals("Please provide at least one privilege or cloudevent", empty.json().get("message"));
    SandboxHttp.Answer address = http.exchange(ownerToken, body("0x1234", "[2]", tokenId));
    assertEquals("Invalid NFT contract address \"0x1234\".", address.json().get("message"));
    SandboxHttp.Answer types = http.exchange(ownerToken, "{\"privileges\":\"2\"}");
    assertEquals(400, types.status());
    assertEquals("Couldn't parse request body.", types.json().get("message"));
    SandboxHttp.Answer plain = http.send(SandboxHttp.request(sandbox.tokenExchangeUrl() + "/v1/tokens/exchange", "POST",
        ownerToken, RequestBody.create(body(sandbox.vehicleNftContract().toString(), "[2]", tokenId), MediaType.get("text/plain"))));
    assertEquals(400, plain.status());
  }

  @Test
  void needsAUserToken() {
    SandboxHttp.Answer none = http.exchange(null, body(sandbox.vehicleNftContract().toString(), "[2]", tokenId));
    assertEquals(401, none.status());
    assertEquals("Invalid or expired JWT", none.body());
    SandboxHttp.Answer bad = http.exchange("abc.def.ghi", body(sandbox.vehicleNftContract().toString(), "[2]", tokenId));
    assertEquals(401, bad.status());
    String privilege = http.privilegeToken(ownerToken, tokenId, 2);
    assertEquals(401, http.exchange(privilege, body(sandbox.vehicleNftContract().toString(), "[2]", tokenId)).status());
  }
}
