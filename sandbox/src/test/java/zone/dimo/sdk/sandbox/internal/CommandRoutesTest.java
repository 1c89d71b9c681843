package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.MutableClock;
import zone.dimo.sdk.sandbox.SandboxHttp;
import zone.dimo.sdk.signing.PrivateKey;

class CommandRoutesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final DimoSandbox sandbox = DimoSandbox.builder().clock(clock).start();
  private final SandboxHttp http = new SandboxHttp(sandbox);
  private final PrivateKey owner = PrivateKey.generate(new SecureRandom());
  private String userToken;
  private long tokenId;

  @BeforeEach
  void mint() {
    userToken = http.login(owner);
    tokenId = http.tokenIdOf(userToken, http.mintedVehicle(userToken, owner, sandbox.deviceDefinitions().get(0).sampleVin()));
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  private SandboxHttp.Answer command(long id, String command, String token) {
    return http.post("/v1/vehicle/" + id + "/commands/" + command, token, null);
  }

  @Test
  void aPrivilegeTwoTokenRunsEveryCommand() {
    String token = http.privilegeToken(userToken, tokenId, 2);
    for (String c : new String[] {"doors/lock", "doors/unlock", "frunk/open", "trunk/open"}) {
      SandboxHttp.Answer a = command(tokenId, c, token);
      assertEquals(200, a.status(), c + ": " + a.body());
      assertEquals("application/json", a.contentType());
      assertEquals(27, ((String) a.json().get("requestId")).length());
    }
  }

  @Test
  void wrongOrUnderPrivilegedTokensAre401Json() {
    String second = String.valueOf(http.tokenIdOf(userToken,
        http.mintedVehicle(userToken, owner, sandbox.deviceDefinitions().get(1).sampleVin())));
    String forOther = http.privilegeToken(userToken, Long.parseLong(second), 2);
    SandboxHttp.Answer mismatch = command(tokenId, "doors/lock", forOther);
    assertEquals(401, mismatch.status());
    assertEquals(Map.of("code", new BigDecimal(401), "message", "Unauthorized! mismatch token Id provided"), mismatch.json());

    SandboxHttp.Answer under = command(tokenId, "doors/lock", http.privilegeToken(userToken, tokenId, 1, 4));
    assertEquals(401, under.status());
    assertEquals("Unauthorized! Token does not contain required privileges", under.json().get("message"));

    SandboxHttp.Answer user = command(tokenId, "doors/lock", userToken);
    assertEquals(401, user.status());
    assertEquals("application/json", user.contentType());
  }

  @Test
  void missingBadOrExpiredTokens() {
    SandboxHttp.Answer none = command(tokenId, "doors/lock", null);
    assertEquals(401, none.status());
    assertEquals("text/plain; charset=utf-8", none.contentType());
    assertEquals("Invalid or expired JWT", none.body());
    SandboxHttp.Answer garbage = command(tokenId, "doors/lock", "garbage");
    assertEquals(401, garbage.status());
    assertEquals("Invalid or expired JWT", garbage.body());
    String token = http.privilegeToken(userToken, tokenId, 2);
    clock.advance(Duration.ofMinutes(10));
    assertEquals("Invalid or expired JWT", command(tokenId, "doors/lock", token).body());
  }

  private String exchange(String token, String body) {
    SandboxHttp.Answer a = http.exchange(token, body);
    assertEquals(200, a.status(), a.body());
    return (String) a.json().get("token");
  }

  @Test
  void tokensFromTheNewExchangeBodyRunCommands() {
    // devices-api reads the deprecated claims the exchange still issues: token_id, the lower-case
    // contract_address and privilege_ids (must hold 2).
    String did = "did:erc721:80002:" + sandbox.vehicleNftContract().toChecksumHex() + ":" + tokenId;
    String token = exchange(userToken, "{\"asset\":\"" + did + "\",\"permissions\":[\"privilege:ExecuteCommands\"]}");
    assertEquals(200, command(tokenId, "doors/lock", token).status());
    String history = exchange(userToken, "{\"asset\":\"" + did + "\",\"permissions\":[\"privilege:GetNonLocationHistory\"]}");
    assertEquals("Unauthorized! Token does not contain required privileges", command(tokenId, "doors/lock", history).json().get("message"));
  }

  @Test
  void aLicensesTokenRunsCommandsOnASharedVehicle() {
    zone.dimo.sdk.sandbox.DeveloperLicense license = sandbox.developerLicenses().get(0);
    String licenseToken = http.loginLicense(license);
    sandbox.sharePermissions(tokenId, license.address(), "privilege:ExecuteCommands");
    String did = "did:erc721:80002:" + sandbox.vehicleNftContract().toChecksumHex() + ":" + tokenId;
    String token = exchange(licenseToken, "{\"asset\":\"" + did + "\",\"permissions\":[\"privilege:ExecuteCommands\"]}");
    SandboxHttp.Answer a = command(tokenId, "trunk/open", token);
    assertEquals(200, a.status(), a.body());
  }
}
