package zone.dimo.sdk;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zone.dimo.sdk.errors.DimoAuthenticationException;
import zone.dimo.sdk.errors.DimoDecodingException;
import zone.dimo.sdk.errors.DimoException;
import zone.dimo.sdk.errors.ForbiddenException;
import zone.dimo.sdk.errors.PermissionDeniedException;
import zone.dimo.sdk.spec.DimoResponse;
import zone.dimo.sdk.tokenexchange.api.TokenExchangeApi;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeRequest;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeResponse;

/** Vehicle tokens from the Token Exchange API, cached and single-flight per key. */
final class TokenExchangeVehicleTokenProvider implements VehicleTokenProvider {
  /** {@code 403 Address <0x…> lacks permissions [2 1] for asset <did>.} */
  private static final Pattern LACKS_PERMISSIONS =
      Pattern.compile("Address (0x[0-9a-fA-F]{40}) lacks permissions \\[([0-9 ]*)\\] for asset (\\S+?)\\.?");
  private static final String NOT_A_LICENSE = "not a dev license";

  private final TokenExchangeApi exchange;
  private final Environment environment;
  private final TokenCache<String> cache;

  TokenExchangeVehicleTokenProvider(TokenExchangeApi exchange, Environment environment,
      Clock clock, Duration refreshMargin, int cacheSize) {
    this.exchange = exchange;
    this.environment = environment;
    this.cache = new TokenCache<>(clock, refreshMargin, cacheSize);
  }

  @Override
  public String token(long tokenId, Set<Permission> permissions) {
    EnumSet<Permission> sorted = copy(permissions);
    return cache.get(key(tokenId, sorted), () -> exchange(tokenId, sorted));
  }

  /** How many vehicle tokens are cached now. */
  int cachedTokens() {
    return cache.size();
  }

  @Override
  public void invalidate(long tokenId, Set<Permission> permissions, String token) {
    cache.invalidate(key(tokenId, copy(permissions)), token);
  }

  private TokenCache.Token exchange(long tokenId, EnumSet<Permission> permissions) {
    AssetDid asset = AssetDid.vehicle(environment, tokenId);
    List<String> names = new ArrayList<>();
    for (Permission permission : permissions) {
      names.add(permission.wireName());
    }
    // Today's contract only: the asset DID and permission names. The deprecated
    // nftContractAddress / tokenId / privileges are never sent.
    TokenExchangeRequest request = TokenExchangeRequest.builder()
        .asset(asset.toString())
        .permissions(names).build();
    DimoResponse<TokenExchangeResponse> response;
    try {
      response = exchange.exchangeToken(request).withResponse().execute();
    } catch (ForbiddenException e) {
      throw refusal(e, asset);
    }
    TokenExchangeResponse answer = response.body();
    if (answer == null || answer.token() == null) {
      // The raw body is not kept: exchange answers are credentials as a whole.
      throw new DimoDecodingException("exchangeToken answered HTTP " + response.statusCode()
          + " without token", response.statusCode(), "", null);
    }
    // Vehicle tokens are JWTs whose claims the services read: anything else is unusable.
    return cache.token(answer.token(), null, this);
  }

  /** The two refusals a caller can act on, as such; any other 403 as it came. */
  private static DimoException refusal(ForbiddenException e, AssetDid asset) {
    String message = e.errorMessage() == null ? "" : e.errorMessage();
    Matcher lacks = LACKS_PERMISSIONS.matcher(message);
    if (lacks.matches()) {
      List<String> missing = new ArrayList<>();
      for (String id : lacks.group(2).trim().split("\\s+")) {
        Permission permission = null;
        try {
          permission = Permission.fromPrivilegeId(Integer.parseInt(id));
        } catch (IllegalArgumentException unknown) {
          // A privilege this SDK version does not name: shown by its number below.
        }
        missing.add(permission != null ? permission.wireName() : "privilege " + id);
      }
      return new PermissionDeniedException(lacks.group(1), lacks.group(3), missing, e);
    }
    if (message.startsWith(NOT_A_LICENSE)) {
      return new DimoAuthenticationException("the Token Exchange issues vehicle tokens for "
          + asset + " only to developer licenses and refused the caller (" + message + "); log"
          + " in as your license with DimoClient.builder().developerLicense(license,"
          + " redirectUri, apiKey)", e);
    }
    return e;
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
