package zone.dimo.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeRequest;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeResponse;

/** Privilege tokens from the Token Exchange API, cached and single-flight per key. */
final class TokenExchangeVehicleTokenProvider implements VehicleTokenProvider {
  /** Privilege tokens live about 10 minutes; used when a token's exp cannot be read. */
  static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(10);

  private final DimoClient client;
  private final TokenCache<String> cache;

  TokenExchangeVehicleTokenProvider(DimoClient client) {
    this.client = client;
    this.cache = new TokenCache<>(client.clock(), client.tokenRefreshMargin());
  }

  @Override
  public String token(long tokenId, Set<Integer> privileges) {
    TreeSet<Integer> sorted = new TreeSet<>(privileges);
    return cache.get(key(tokenId, sorted), () -> exchange(tokenId, sorted));
  }

  @Override
  public void invalidate(long tokenId, Set<Integer> privileges, String token) {
    cache.invalidate(key(tokenId, new TreeSet<>(privileges)), token);
  }

  private TokenCache.Token exchange(long tokenId, TreeSet<Integer> privileges) {
    TokenExchangeRequest request = new TokenExchangeRequest()
        .nftContractAddress(client.environment().vehicleNftContract().toChecksumHex())
        .privileges(new ArrayList<>(privileges))
        .tokenId(tokenId);
    TokenExchangeResponse answer = client.execute(client.tokenExchange().exchangeToken(request));
    if (answer == null || answer.getToken() == null) {
      throw new DimoDecodingException("exchangeToken answered without token", 200, "", null);
    }
    return cache.token(answer.getToken(), FALLBACK_LIFETIME);
  }

  private static String key(long tokenId, TreeSet<Integer> privileges) {
    return tokenId + ":" + privileges;
  }

  @Override
  public String toString() {
    return "VehicleTokenProvider.tokenExchange()";
  }

  /** What VehicleTokenProvider.tokenExchange returns before a client binds it. */
  static final class Recipe implements VehicleTokenProvider, ClientBound<VehicleTokenProvider> {
    @Override
    public VehicleTokenProvider bind(DimoClient client) {
      return new TokenExchangeVehicleTokenProvider(client);
    }

    @Override
    public String token(long tokenId, Set<Integer> privileges) {
      throw new IllegalStateException(
          "VehicleTokenProvider.tokenExchange() works through DimoClient.builder().vehicleTokens(...)");
    }

    @Override
    public String toString() {
      return "VehicleTokenProvider.tokenExchange()";
    }
  }
}
