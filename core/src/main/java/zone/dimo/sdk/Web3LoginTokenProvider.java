package zone.dimo.sdk;

import java.time.Clock;
import java.time.Duration;
import zone.dimo.sdk.auth.api.Web3AuthApi;
import zone.dimo.sdk.auth.model.ChallengeResponse;
import zone.dimo.sdk.auth.model.TokenResponse;
import zone.dimo.sdk.errors.DimoDecodingException;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.EthSigner;
import zone.dimo.sdk.signing.PersonalSign;
import zone.dimo.sdk.spec.DimoResponse;

/**
 * DIMO's Web3 challenge login, cached and single-flight: asks the auth server for a challenge
 * for {@code address}, signs it with EIP-191 {@code personal_sign} and submits it. A user logs in
 * with their own key ({@code address} = the key's address); a developer license logs in with
 * {@code address} = the license contract, signed by one of its API keys (the server checks it
 * with ERC-1271).
 */
final class Web3LoginTokenProvider implements TokenProvider {
  static final String SCOPE = "openid email";
  static final String RESPONSE_TYPE = "code";
  static final String GRANT_TYPE = "authorization_code";
  /** Used only when the token is not a JWT and the answer has no expires_in. */
  static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(10);

  private static final String KEY = "login";

  private final Web3AuthApi auth;
  private final String kind;
  private final String clientId;
  private final String domain;
  private final Address address;
  private final EthSigner signer;
  private final TokenCache<String> cache;

  Web3LoginTokenProvider(Web3AuthApi auth, String kind, String clientId, String domain,
      Address address, EthSigner signer, Clock clock, Duration refreshMargin) {
    this.auth = auth;
    this.kind = kind;
    this.clientId = clientId;
    this.domain = domain;
    this.address = address;
    this.signer = signer;
    this.cache = new TokenCache<>(clock, refreshMargin);
  }

  @Override
  public String token() {
    return cache.get(KEY, this::login);
  }

  @Override
  public void invalidate(String token) {
    cache.invalidate(KEY, token);
  }

  private TokenCache.Token login() {
    DimoResponse<ChallengeResponse> challenge = auth.generateChallenge(
        clientId, domain, SCOPE, RESPONSE_TYPE, address.toChecksumHex()).withResponse().execute();
    ChallengeResponse body = challenge.body();
    if (body == null || body.state() == null || body.challenge() == null) {
      // The raw body is not kept: login answers are credentials as a whole.
      throw new DimoDecodingException("generateChallenge answered HTTP " + challenge.statusCode()
          + " without state or challenge", challenge.statusCode(), "", null);
    }
    EthSignature signature = PersonalSign.signText(signer, body.challenge());
    DimoResponse<TokenResponse> submitted = auth.submitChallenge(
        clientId, domain, body.state(), signature.toHex(), GRANT_TYPE).withResponse().execute();
    TokenResponse answer = submitted.body();
    if (answer == null || answer.accessToken() == null) {
      throw new DimoDecodingException("submitChallenge answered HTTP " + submitted.statusCode()
          + " without access_token", submitted.statusCode(), "", null);
    }
    Long expiresIn = answer.expiresIn();
    Duration fallback = expiresIn != null && expiresIn > 0
        ? Duration.ofSeconds(expiresIn) : FALLBACK_LIFETIME;
    return cache.token(answer.accessToken(), fallback, this);
  }

  @Override
  public String toString() {
    return kind + "(clientId=" + clientId + ", domain=" + domain + ", address=" + address + ")";
  }
}
