package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.MutableClock;
import zone.dimo.sdk.sandbox.SandboxHttp;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.PersonalSign;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

class AuthRoutesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final DimoSandbox sandbox = DimoSandbox.builder().clock(clock)
      .accessTokenLifetime(Duration.ofMinutes(5)).start();
  private final SandboxHttp http = new SandboxHttp(sandbox);
  private final PrivateKey user = PrivateKey.generate(new SecureRandom());

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void generateChallengeAnswersJsonLabelledTextPlain() {
    SandboxHttp.Answer a = http.generateChallenge(user.address().toChecksumHex());
    assertEquals(200, a.status());
    assertEquals("text/plain; charset=utf-8", a.contentType());
    Map<String, Object> body = a.json();
    assertEquals(2, body.size());
    assertNotNull(body.get("state"));
    String challenge = (String) body.get("challenge");
    assertTrue(challenge.contains(user.address().toChecksumHex()), challenge);
    assertTrue(challenge.contains("Chain ID: 80002"), challenge);
  }

  @Test
  void aGoodSignatureYieldsAnAccessTokenWithTheClaims() {
    Map<String, Object> c = http.generateChallenge(user.address().toChecksumHex().toLowerCase()).json();
    EthSignature sig = PersonalSign.signText(Secp256k1Signer.of(user), (String) c.get("challenge"));
    SandboxHttp.Answer a = http.submitChallenge((String) c.get("state"), sig.toHex());
    assertEquals(200, a.status(), a.body());
    assertEquals("application/json", a.contentType());
    Map<String, Object> body = a.json();
    assertEquals("bearer", body.get("token_type"));
    assertEquals(new BigDecimal(300), body.get("expires_in"));
    assertNotNull(body.get("id_token"));
    Map<String, Object> claims = claims((String) body.get("access_token"));
    assertEquals(user.address().toChecksumHex(), claims.get("ethereum_address"));
    assertEquals(AuthRoutes.subject(user.address()), claims.get("sub"));
    assertEquals(new BigDecimal(clock.instant().getEpochSecond() + 300), claims.get("exp"));
    assertEquals(sandbox.authUrl(), claims.get("iss"));
    assertEquals(200, http.get("/v1/user/devices/me", (String) body.get("access_token")).status());
  }

  @Test
  void theAccessTokenExpiresAfterItsLifetime() {
    String token = http.login(user);
    assertEquals(200, http.get("/v1/user/devices/me", token).status());
    clock.advance(Duration.ofMinutes(5));
    SandboxHttp.Answer a = http.get("/v1/user/devices/me", token);
    assertEquals(401, a.status());
    assertEquals("text/plain; charset=utf-8", a.contentType());
    assertEquals("Invalid or expired JWT", a.body());
  }

  @Test
  void aSignatureByAnotherKeyIsRefused() {
    Map<String, Object> c = http.generateChallenge(user.address().toChecksumHex()).json();
    PrivateKey other = PrivateKey.generate(new SecureRandom());
    EthSignature sig = PersonalSign.signText(Secp256k1Signer.of(other), (String) c.get("challenge"));
    SandboxHttp.Answer a = http.submitChallenge((String) c.get("state"), sig.toHex());
    assertEquals(400, a.status());
    assertEquals("invalid_grant", a.json().get("error"));
    assertEquals("signature does not match the address of the challenge", a.json().get("error_description"));
  }

  @Test
  void aSignatureOfAnotherTextIsRefused() {
    Map<String, Object> c = http.generateChallenge(user.address().toChecksumHex()).json();
    EthSignature sig = PersonalSign.signText(Secp256k1Signer.of(user), "something else");
    assertEquals(400, http.submitChallenge((String) c.get("state"), sig.toHex()).status());
  }

  @Test
  void highSAndRawVAreRefused() {
    Map<String, Object> c = http.generateChallenge(user.address().toChecksumHex()).json();
    EthSignature sig = PersonalSign.signText(Secp256k1Signer.of(user), (String) c.get("challenge"));
    SandboxHttp.Answer high = http.submitChallenge((String) c.get("state"), SandboxHttp.highS(sig));
    assertEquals(400, high.status());
    assertEquals("invalid_grant", high.json().get("error"));
    SandboxHttp.Answer raw = http.submitChallenge((String) c.get("state"), SandboxHttp.rawV(sig));
    assertEquals(400, raw.status());
    assertEquals(200, http.submitChallenge((String) c.get("state"), sig.toHex()).status());
  }

  @Test
  void theStateIsSingleUseAndExpires() {
    Map<String, Object> c = http.generateChallenge(user.address().toChecksumHex()).json();
    EthSignature sig = PersonalSign.signText(Secp256k1Signer.of(user), (String) c.get("challenge"));
    assertEquals(200, http.submitChallenge((String) c.get("state"), sig.toHex()).status());
    SandboxHttp.Answer again = http.submitChallenge((String) c.get("state"), sig.toHex());
    assertEquals(400, again.status());
    assertEquals("Invalid or expired state.", again.json().get("error_description"));

    Map<String, Object> c2 = http.generateChallenge(user.address().toChecksumHex()).json();
    clock.advance(Duration.ofMinutes(11));
    EthSignature sig2 = PersonalSign.signText(Secp256k1Signer.of(user), (String) c2.get("challenge"));
    assertEquals(400, http.submitChallenge((String) c2.get("state"), sig2.toHex()).status());
  }

  @Test
  void malformedSignatureIsInvalidRequest() {
    Map<String, Object> c = http.generateChallenge(user.address().toChecksumHex()).json();
    SandboxHttp.Answer a = http.submitChallenge((String) c.get("state"), "0x1234");
    assertEquals(400, a.status());
    assertEquals("invalid_request", a.json().get("error"));
  }

  @Test
  void generateChallengeValidatesItsForm() {
    SandboxHttp.Answer wrongClient = http.send(challengeRequest("nope", sandbox.domain(), "openid email", "code", user.address().toString()));
    assertEquals(400, wrongClient.status());
    assertEquals("application/json", wrongClient.contentType());
    assertEquals(Map.of("status", new BigDecimal(400), "message", "invalid client_id"), wrongClient.json());
    assertEquals(400, http.send(challengeRequest(sandbox.clientId(), "https://evil.example", "openid email", "code", user.address().toString())).status());
    assertEquals(400, http.send(challengeRequest(sandbox.clientId(), sandbox.domain(), "email", "code", user.address().toString())).status());
    assertEquals(400, http.send(challengeRequest(sandbox.clientId(), sandbox.domain(), "openid email", "token", user.address().toString())).status());
    SandboxHttp.Answer badAddress = http.send(challengeRequest(sandbox.clientId(), sandbox.domain(), "openid email", "code", "0x1234"));
    assertEquals("invalid address", badAddress.json().get("message"));
  }

  @Test
  void submitChallengeValidatesGrantAndClient() {
    Map<String, Object> c = http.generateChallenge(user.address().toChecksumHex()).json();
    SandboxHttp.Answer grant = http.send(new Request.Builder().url(sandbox.authUrl() + "/auth/web3/submit_challenge")
        .post(new FormBody.Builder().add("client_id", sandbox.clientId()).add("domain", sandbox.domain())
            .add("state", (String) c.get("state")).add("signature", "0x00").add("grant_type", "password").build())
        .build());
    assertEquals(400, grant.status());
    assertEquals("unsupported_grant_type", grant.json().get("error"));
    SandboxHttp.Answer client = http.send(new Request.Builder().url(sandbox.authUrl() + "/auth/web3/submit_challenge")
        .post(new FormBody.Builder().add("client_id", "other").add("domain", sandbox.domain())
            .add("state", (String) c.get("state")).add("signature", "0x00").add("grant_type", "authorization_code").build())
        .build());
    assertEquals(401, client.status());
    assertEquals("invalid_client", client.json().get("error"));
  }

  @Test
  void loginRoutesArePostOnly() {
    SandboxHttp.Answer a = http.send(new Request.Builder().url(sandbox.authUrl() + "/auth/web3/generate_challenge").get().build());
    assertEquals(405, a.status());
  }

  private Request challengeRequest(String clientId, String domain, String scope, String responseType, String address) {
    return new Request.Builder().url(sandbox.authUrl() + "/auth/web3/generate_challenge")
        .post(new FormBody.Builder().add("client_id", clientId).add("domain", domain).add("scope", scope)
            .add("response_type", responseType).add("address", address).build())
        .build();
  }

  @Test
  void aDeveloperLicenseLogsInWithItsApiKey() {
    zone.dimo.sdk.sandbox.DeveloperLicense license = sandbox.developerLicenses().get(0);
    String address = license.address().toChecksumHex();
    Map<String, Object> claims = claims(http.loginLicense(license));
    assertEquals(AuthRoutes.subject(license.address()), claims.get("sub"));
    assertEquals(address, claims.get("aud"));
    assertEquals(address, claims.get("ethereum_address"));
    // Any case of the client id; the audience is the registered spelling.
    PrivateKey apiKey = license.apiKey();
    assertEquals(address, claims(http.login(address.toLowerCase(), license.redirectUri(), address, apiKey)).get("aud"));
    apiKey.destroy();
  }

  @Test
  void aLicenseChallengeSignedByAnotherKeyIsRefused() {
    zone.dimo.sdk.sandbox.DeveloperLicense license = sandbox.developerLicenses().get(0);
    String address = license.address().toChecksumHex();
    Map<String, Object> c = http.generateChallenge(address, license.redirectUri(), address).json();
    EthSignature sig = PersonalSign.signText(Secp256k1Signer.of(user), (String) c.get("challenge"));
    SandboxHttp.Answer a = http.submitChallenge(address, license.redirectUri(), (String) c.get("state"), sig.toHex());
    assertEquals(400, a.status());
    assertEquals(Map.of("error", "invalid_grant", "error_description", "signature does not match the address of the challenge"),
        a.json());
    // The other license's API key is not a signer of this one.
    PrivateKey otherKey = sandbox.developerLicenses().get(1).apiKey();
    c = http.generateChallenge(address, license.redirectUri(), address).json();
    sig = PersonalSign.signText(Secp256k1Signer.of(otherKey), (String) c.get("challenge"));
    assertEquals(400, http.submitChallenge(address, license.redirectUri(), (String) c.get("state"), sig.toHex()).status());
  }

  @Test
  void eachClientHasItsOwnRedirectUriAndStates() {
    zone.dimo.sdk.sandbox.DeveloperLicense license = sandbox.developerLicenses().get(0);
    String address = license.address().toChecksumHex();
    SandboxHttp.Answer wrongDomain = http.generateChallenge(address, sandbox.domain(), address);
    assertEquals(400, wrongDomain.status());
    assertEquals("invalid domain: not a redirect URI registered for this client", wrongDomain.json().get("message"));
    assertEquals("invalid client_id",
        http.generateChallenge(user.address().toChecksumHex(), sandbox.domain(), address).json().get("message"));
    // A state issued to the sandbox client cannot be redeemed by a license.
    Map<String, Object> c = http.generateChallenge(user.address().toChecksumHex()).json();
    EthSignature sig = PersonalSign.signText(Secp256k1Signer.of(user), (String) c.get("challenge"));
    SandboxHttp.Answer a = http.submitChallenge(address, license.redirectUri(), (String) c.get("state"), sig.toHex());
    assertEquals(400, a.status());
    assertEquals("Invalid or expired state.", a.json().get("error_description"));
  }

  @Test
  void aUserLoginWithALicenseClientIdIsTheUsers() {
    zone.dimo.sdk.sandbox.DeveloperLicense license = sandbox.developerLicenses().get(0);
    Map<String, Object> claims = claims(http.login(license.address().toChecksumHex(), license.redirectUri(),
        user.address().toChecksumHex(), user));
    assertEquals(AuthRoutes.subject(user.address()), claims.get("sub"));
    assertEquals(license.address().toChecksumHex(), claims.get("aud"));
    assertEquals(user.address().toChecksumHex(), claims.get("ethereum_address"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> claims(String jwt) {
    String[] parts = jwt.split("\\.");
    assertEquals(3, parts.length);
    try {
      return (Map<String, Object>) Json.parse(Base64.getUrlDecoder().decode(parts[1].getBytes(StandardCharsets.US_ASCII)));
    } catch (Json.ParseException e) {
      throw new AssertionError(e);
    }
  }
}
