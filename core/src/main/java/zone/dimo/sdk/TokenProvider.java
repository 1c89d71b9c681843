package zone.dimo.sdk;

import java.util.Objects;
import zone.dimo.sdk.signing.EthSigner;

/**
 * Supplies the user access token ({@code userToken} operations of the Devices API and the token
 * exchange). Implementations must be thread-safe; {@link #token()} may block (to log in).
 *
 * <p>Use {@link #of(String)} for a token obtained elsewhere, or
 * {@link #web3Login(String, String, EthSigner)} to log in with a wallet key and keep the token
 * fresh.
 */
public interface TokenProvider {
  /** The access token to send now. Throws a {@link DimoException} when none can be had. */
  String token();

  /**
   * Told that the service refused {@code token} (HTTP 401); a caching provider forgets it so the
   * next {@link #token()} obtains a new one. The default does nothing.
   */
  default void invalidate(String token) {
  }

  /** Always answers {@code token}; it is never refreshed. */
  static TokenProvider of(String token) {
    Objects.requireNonNull(token, "token == null");
    return new StaticTokenProvider(token);
  }

  /**
   * Logs in with DIMO's Web3 challenge flow of the client's environment: asks the auth server for
   * a challenge for {@code signer}'s address, signs it with EIP-191 {@code personal_sign} and
   * submits it. The access token is cached until shortly (at most 60 s) before its JWT
   * {@code exp} — or its {@code expires_in} when the token is not a readable JWT — and
   * concurrent callers share one login. A token refused with 401 is dropped and the next call
   * logs in again.
   *
   * <p>The provider returned here is a recipe: pass it to
   * {@link DimoClient.Builder#userToken(TokenProvider)}, which binds it to the client's
   * environment and HTTP stack (each built client has its own cache).
   *
   * @param clientId the developer license client id (an Ethereum address)
   * @param domain a redirect URI registered for the client id
   * @param signer the wallet whose address logs in
   */
  static TokenProvider web3Login(String clientId, String domain, EthSigner signer) {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(domain, "domain == null");
    Objects.requireNonNull(signer, "signer == null");
    return new Web3LoginTokenProvider.Recipe(clientId, domain, signer);
  }
}
