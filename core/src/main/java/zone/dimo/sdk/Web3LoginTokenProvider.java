package zone.dimo.sdk;

import java.time.Duration;
import zone.dimo.sdk.auth.api.Web3AuthApi;
import zone.dimo.sdk.auth.model.ChallengeResponse;
import zone.dimo.sdk.auth.model.TokenResponse;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.EthSigner;
import zone.dimo.sdk.signing.PersonalSign;

/** DIMO's Web3 challenge login, cached and single-flight (see TokenProvider.web3Login). */
final class Web3LoginTokenProvider implements TokenProvider {
  static final String SCOPE = "openid email";
  static final String RESPONSE_TYPE = "code";
  static final String GRANT_TYPE = "authorization_code";
  /** Used only when the token is not a JWT and the answer has no expires_in. */
  static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(10);

  private static final String KEY = "user";

  private final DimoClient client;
  private final String clientId;
  private final String domain;
  private final EthSigner signer;
  private final TokenCache<String> cache;

  Web3LoginTokenProvider(DimoClient client, String clientId, String domain, EthSigner signer) {
    this.client = client;
    this.clientId = clientId;
    this.domain = domain;
    this.signer = signer;
    this.cache = new TokenCache<>(client.clock(), client.tokenRefreshMargin());
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
    Web3AuthApi auth = client.web3Auth();
    ChallengeResponse challenge = client.execute(auth.generateChallenge(
        clientId, domain, SCOPE, RESPONSE_TYPE, signer.address().toChecksumHex()));
    if (challenge == null || challenge.getState() == null || challenge.getChallenge() == null) {
      throw new DimoDecodingException(
          "generateChallenge answered without state or challenge", 200, "", null);
    }
    EthSignature signature = PersonalSign.signText(signer, challenge.getChallenge());
    TokenResponse answer = client.execute(auth.submitChallenge(
        clientId, domain, challenge.getState(), signature.toHex(), GRANT_TYPE));
    if (answer == null || answer.getAccessToken() == null) {
      throw new DimoDecodingException(
          "submitChallenge answered without access_token", 200, "", null);
    }
    Long expiresIn = answer.getExpiresIn();
    Duration fallback = expiresIn != null && expiresIn > 0
        ? Duration.ofSeconds(expiresIn) : FALLBACK_LIFETIME;
    return cache.token(answer.getAccessToken(), fallback);
  }

  @Override
  public String toString() {
    return "TokenProvider.web3Login(clientId=" + clientId + ", domain=" + domain
        + ", address=" + signer.address() + ")";
  }

  /** What TokenProvider.web3Login returns before a client binds it. */
  static final class Recipe implements TokenProvider, ClientBound<TokenProvider> {
    private final String clientId;
    private final String domain;
    private final EthSigner signer;

    Recipe(String clientId, String domain, EthSigner signer) {
      this.clientId = clientId;
      this.domain = domain;
      this.signer = signer;
    }

    @Override
    public TokenProvider bind(DimoClient client) {
      return new Web3LoginTokenProvider(client, clientId, domain, signer);
    }

    @Override
    public String token() {
      throw new IllegalStateException(
          "TokenProvider.web3Login(...) works through DimoClient.builder().userToken(...)");
    }

    @Override
    public String toString() {
      return "TokenProvider.web3Login(clientId=" + clientId + ", domain=" + domain
          + ", address=" + signer.address() + ")";
    }
  }
}
