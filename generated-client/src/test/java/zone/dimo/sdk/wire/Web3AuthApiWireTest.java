package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import zone.dimo.sdk.auth.api.Web3AuthApi;
import zone.dimo.sdk.auth.model.AuthErrorResponse;
import zone.dimo.sdk.auth.model.ChallengeResponse;
import zone.dimo.sdk.auth.model.OAuthErrorResponse;
import zone.dimo.sdk.auth.model.TokenResponse;

class Web3AuthApiWireTest extends WireTestSupport {

  private static final String CLIENT_ID = "0x22de9eb3e7bd1ea7e1d36b2ec7e5a9c0ec18b7c7";
  private static final String DOMAIN = "https://example.com/callback";
  private static final String ADDRESS = "0x71C7656EC7ab88b098defB751B7401B5f6d8976F";
  private static final String STATE = "ueojkgu4emhbmkaowkzmqk4xe";
  private static final String SIGNATURE = "0x2ee1d47e25fab7486497e8ad818b519ad0b0b723d0f3f34c31bebbcf93d289f6"
      + "3ec1594fbc28365ef3a276d334652dfc722abeff4fdcfc796182655f18647e221c";
  /** Form encoding of {@link #DOMAIN}: ':' and '/' are percent-encoded in a form body. */
  private static final String DOMAIN_FORM = "https%3A%2F%2Fexample.com%2Fcallback";

  private Web3AuthApi api() {
    return api(Web3AuthApi.class);
  }

  @Test
  @WireContract("generateChallenge")
  void generateChallengeSendsTheFormAndReadsJsonLabelledTextPlain() throws Exception {
    String challenge = "auth.dimo.zone wants you to sign in with your Ethereum account:\n"
        + ADDRESS + "\n\nSign in to DIMO\n\nURI: https://auth.dimo.zone\nVersion: 1\nChain ID: 137\n"
        + "Nonce: ueojkgu4emhbmkaowkzmqk4xe\nIssued At: 2024-07-28T15:40:11Z";
    // The login server labels its JSON answer text/plain; decoding must not depend on it.
    enqueue(200, "text/plain; charset=utf-8", new Buffer().writeUtf8("{\"state\":\"" + STATE
        + "\",\"challenge\":\"" + challenge.replace("\n", "\\n") + "\"}"));

    Response<ChallengeResponse> response = execute(
        api().generateChallenge(CLIENT_ID, DOMAIN, "openid email", "code", ADDRESS), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/auth/web3/generate_challenge");
    // OkHttp's form encoding writes the space of "openid email" as '+'; the server's form
    // parser (Go net/url) reads '+' and "%20" alike.
    assertFormBody(request, "client_id=" + CLIENT_ID + "&domain=" + DOMAIN_FORM
        + "&scope=openid+email&response_type=code&address=" + ADDRESS);
    assertNull(request.getHeaders().get("Authorization"), "public operation");

    assertEquals(STATE, response.body().state());
    assertEquals(challenge, response.body().challenge());
  }

  @Test
  @WireContract("submitChallenge")
  void submitChallengeSendsTheFormAndReadsTheTokens() throws Exception {
    enqueueJson(200, "{\"access_token\":\"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJDaW93ZUQifQ.c2ln\","
        + "\"token_type\":\"bearer\",\"expires_in\":86399,"
        + "\"id_token\":\"eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIweDIyIn0.aWQ\"}");

    Response<TokenResponse> response = execute(
        api().submitChallenge(CLIENT_ID, DOMAIN, STATE, SIGNATURE, "authorization_code"), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/auth/web3/submit_challenge");
    assertFormBody(request, "client_id=" + CLIENT_ID + "&domain=" + DOMAIN_FORM + "&state=" + STATE
        + "&signature=" + SIGNATURE + "&grant_type=authorization_code");
    assertNull(request.getHeaders().get("Authorization"), "public operation");

    TokenResponse tokens = response.body();
    assertEquals("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJDaW93ZUQifQ.c2ln", tokens.accessToken());
    assertEquals("bearer", tokens.tokenType());
    assertEquals(86399L, tokens.expiresIn());
    assertEquals("eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIweDIyIn0.aWQ", tokens.idToken());
    assertNull(tokens.refreshToken());
  }

  @Test
  @WireContract("generateChallenge")
  void generateChallengeForAnUnknownClientDecodesAuthError() throws Exception {
    enqueueJson(400, "{\"status\":400,\"message\":\"invalid client_id\"}");

    AuthErrorResponse error = executeError(
        api().generateChallenge(CLIENT_ID, DOMAIN, "openid email", "code", ADDRESS), 400, AuthErrorResponse.class);

    assertRequestLine(takeRequest(), "POST", "/auth/web3/generate_challenge");
    assertEquals(400, error.status());
    assertEquals("invalid client_id", error.message());
  }

  @Test
  @WireContract("submitChallenge")
  void submitChallengeWithABadSignatureDecodesOAuthError() throws Exception {
    enqueueJson(400, "{\"error\":\"invalid_request\",\"error_description\":\"Signature is not valid.\"}");

    OAuthErrorResponse error = executeError(
        api().submitChallenge(CLIENT_ID, DOMAIN, STATE, SIGNATURE, "authorization_code"), 400,
        OAuthErrorResponse.class);

    assertRequestLine(takeRequest(), "POST", "/auth/web3/submit_challenge");
    assertEquals("invalid_request", error.error());
    assertEquals("Signature is not valid.", error.errorDescription());
  }
}
