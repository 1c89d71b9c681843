package zone.dimo.sdk;

import java.util.Objects;
import java.util.Set;
import zone.dimo.sdk.errors.DimoException;

/**
 * Supplies vehicle tokens for one vehicle NFT ({@code vehicleToken} operations such as the
 * vehicle commands). Implementations must be thread-safe and may block.
 *
 * <p>A client with a login configured uses the Token Exchange API by default (see
 * {@link DimoClient.Builder#vehicleTokens}); {@link #of(String)} serves a token obtained
 * elsewhere.
 */
public interface VehicleTokenProvider {
  /**
   * A vehicle token for vehicle NFT {@code tokenId} carrying at least {@code permissions}.
   *
   * @param tokenId the vehicle's NFT token id
   * @param permissions what the token must allow; never empty
   * @return a non-empty token
   * @throws zone.dimo.sdk.errors.DimoException when none can be had
   */
  String token(long tokenId, Set<Permission> permissions);

  /**
   * Told that the service refused {@code token} (HTTP 401). The default does nothing.
   *
   * @param tokenId the vehicle's NFT token id
   * @param permissions the permissions the token was asked for
   * @param token the refused token
   */
  default void invalidate(long tokenId, Set<Permission> permissions, String token) {
  }

  /**
   * What the token {@link #token} would answer says about itself (asset, permissions, audience,
   * subject, expiry), without exposing the token.
   *
   * @param tokenId the vehicle's NFT token id
   * @param permissions what the token must allow; never empty
   * @return the claims
   * @throws IllegalArgumentException when the token is not a readable JWT
   */
  default VehicleTokenClaims claims(long tokenId, Set<Permission> permissions) {
    return VehicleTokenClaims.read(token(tokenId, permissions));
  }

  /**
   * A provider that always answers {@code token}, whatever the vehicle; for tests and short
   * scripts.
   *
   * @param token the token
   * @return the provider
   */
  static VehicleTokenProvider of(String token) {
    Objects.requireNonNull(token, "token == null");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("token is empty");
    }
    return new VehicleTokenProvider() {
      @Override
      public String token(long tokenId, Set<Permission> permissions) {
        return token;
      }

      @Override
      public String toString() {
        return "VehicleTokenProvider.of([redacted])";
      }
    };
  }
}
