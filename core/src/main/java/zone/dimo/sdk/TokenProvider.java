package zone.dimo.sdk;

import java.util.Objects;
import zone.dimo.sdk.errors.DimoException;

/**
 * Supplies a bearer token: the user access token for {@code userToken} operations, or a
 * developer license's token for the token exchange. Implementations must be thread-safe;
 * {@link #token()} may block (to log in).
 *
 * <p>Use {@link #of(String)} for a token obtained elsewhere; to log in with a key and keep the
 * token fresh, configure {@link DimoClient.Builder#web3Login} or
 * {@link DimoClient.Builder#developerLicense} and read the client's provider from
 * {@link DimoClient#userTokens()} or {@link DimoClient#licenseTokens()}.
 */
public interface TokenProvider {
  /**
   * The token to send now.
   *
   * @return a non-empty token
   * @throws zone.dimo.sdk.errors.DimoException when none can be had
   */
  String token();

  /**
   * Told that the service refused {@code token} (HTTP 401); a caching provider forgets it so the
   * next {@link #token()} obtains a new one. The default does nothing.
   *
   * @param token the refused token
   */
  default void invalidate(String token) {
  }

  /**
   * A provider that always answers {@code token}; it is never refreshed.
   *
   * @param token the token
   * @return the provider
   */
  static TokenProvider of(String token) {
    Objects.requireNonNull(token, "token == null");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("token is empty");
    }
    return new StaticTokenProvider(token);
  }
}
