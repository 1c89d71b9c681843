package zone.dimo.sdk;

import java.util.Objects;
import java.util.Set;

/**
 * Supplies privilege tokens for one vehicle NFT ({@code vehicleToken} operations, i.e. the
 * vehicle commands, which need privilege 2). Implementations must be thread-safe and may block.
 */
public interface VehicleTokenProvider {
  /**
   * A privilege token for vehicle NFT {@code tokenId} carrying at least {@code privileges}
   * (ids as in DIMO's docs: 1 non-location history, 2 execute commands, 3 current location, 4
   * location history, 5 VIN credential, 6 live data, 7 raw data, 8 approximate location).
   */
  String token(long tokenId, Set<Integer> privileges);

  /** Told that the service refused {@code token} (HTTP 401). The default does nothing. */
  default void invalidate(long tokenId, Set<Integer> privileges, String token) {
  }

  /**
   * Exchanges the user's access token (from {@link DimoClient.Builder#userToken}) at the Token
   * Exchange API for a privilege token on the environment's vehicle NFT contract, per
   * (tokenId, privileges). Tokens are cached until shortly before their JWT {@code exp} (they
   * live about 10 minutes) and concurrent callers for one key share one exchange.
   *
   * <p>A recipe: pass it to {@link DimoClient.Builder#vehicleTokens(VehicleTokenProvider)}.
   */
  static VehicleTokenProvider tokenExchange() {
    return new TokenExchangeVehicleTokenProvider.Recipe();
  }

  /** Always answers {@code token}, whatever the vehicle; for tests and short scripts. */
  static VehicleTokenProvider of(String token) {
    Objects.requireNonNull(token, "token == null");
    return new VehicleTokenProvider() {
      @Override
      public String token(long tokenId, Set<Integer> privileges) {
        return token;
      }

      @Override
      public String toString() {
        return "VehicleTokenProvider.of([redacted])";
      }
    };
  }
}
