package zone.dimo.sdk;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import zone.dimo.sdk.errors.DimoDecodingException;
import zone.dimo.sdk.spec.DimoResponse;
import zone.dimo.sdk.tokenexchange.api.TokenExchangeApi;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeRequest;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeResponse;

/** Vehicle tokens from the Token Exchange API, cached and single-flight per key. */
final class TokenExchangeVehicleTokenProvider implements VehicleTokenProvider {
  private final TokenExchangeApi exchange;
  private final Environment environment;
  private final TokenCache<String> cache;

  TokenExchangeVehicleTokenProvider(TokenExchangeApi exchange, Environment environment,
      Clock clock, Duration refreshMargin) {
    this.exchange = exchange;
    this.environment = environment;
    this.cache = new TokenCache<>(clock, refreshMargin);
  }

  @Override
  public String token(long tokenId, Set<Permission> permissions) {
    EnumSet<Permission> sorted = copy(permissions);
    return cache.get(key(tokenId, sorted), () -> exchange(tokenId, sorted));
  }

  @Override
  public void invalidate(long tokenId, Set<Permission> permissions, String token) {
    cache.invalidate(key(tokenId, copy(permissions)), token);
  }

  private TokenCache.Token exchange(long tokenId, EnumSet<Permission> permissions) {
    List<Integer> privileges = new ArrayList<>();
    for (Permission permission : permissions) {
      privileges.add(permission.privilegeId());
    }
    TokenExchangeRequest request = new TokenExchangeRequest()
        .nftContractAddress(environment.vehicleNftContract().toChecksumHex())
        .privileges(privileges)
        .tokenId(tokenId);
    DimoResponse<TokenExchangeResponse> response =
        exchange.exchangeToken(request).withResponse().execute();
    TokenExchangeResponse answer = response.body();
    if (answer == null || answer.getToken() == null) {
      // The raw body is not kept: exchange answers are credentials as a whole.
      throw new DimoDecodingException("exchangeToken answered HTTP " + response.statusCode()
          + " without token", response.statusCode(), "", null);
    }
    // Vehicle tokens are JWTs whose claims the services read: anything else is unusable.
    return cache.token(answer.getToken(), null, this);
  }

  private static EnumSet<Permission> copy(Set<Permission> permissions) {
    if (permissions.isEmpty()) {
      throw new IllegalArgumentException("permissions is empty: a vehicle token must allow"
          + " something, e.g. Permission.EXECUTE_COMMANDS");
    }
    return EnumSet.copyOf(permissions);
  }

  private static String key(long tokenId, EnumSet<Permission> permissions) {
    return tokenId + ":" + permissions;
  }

  @Override
  public String toString() {
    return "VehicleTokenProvider(tokenExchange)";
  }
}
