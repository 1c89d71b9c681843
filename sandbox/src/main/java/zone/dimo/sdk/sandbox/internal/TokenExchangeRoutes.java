package zone.dimo.sdk.sandbox.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zone.dimo.sdk.signing.Address;

/**
 * {@code POST /v1/tokens/exchange}: a privilege token for one vehicle NFT. The caller (the
 * {@code ethereum_address} of the user token) holds every privilege 1-8 on the vehicles it owns
 * under the configured vehicle NFT contract and none elsewhere.
 */
final class TokenExchangeRoutes {
  static final String DEFAULT_AUDIENCE = "dimo.zone";

  private final SandboxState state;
  private final Jwt jwt;
  private final Urls urls;

  TokenExchangeRoutes(SandboxState state, Jwt jwt, Urls urls) {
    this.state = state;
    this.jwt = jwt;
    this.urls = urls;
  }

  void register(Router router) {
    router.add("POST", Urls.EXCHANGE_PREFIX + "/v1/tokens/exchange", Router.Security.USER, this::exchange);
  }

  private SandboxResponse exchange(SandboxRequest request) {
    JsonBody body = JsonBody.parse(request, detail -> ApiException.of(400, "Couldn't parse request body."));
    String contractText = body.string("nftContractAddress");
    List<BigDecimal> privileges = body.integers("privileges");
    BigDecimal tokenIdValue = body.integer("tokenId");
    List<String> audience = body.strings("audience");

    Address contract = lenientAddress(contractText);
    if (contract == null) {
      throw ApiException.of(400, "Invalid NFT contract address \"" + contractText + "\".");
    }
    if (privileges == null || privileges.isEmpty()) {
      throw ApiException.of(400, "Please provide at least one privilege or cloudevent");
    }
    long tokenId;
    try {
      tokenId = tokenIdValue == null ? 0 : tokenIdValue.longValueExact();
    } catch (ArithmeticException e) {
      throw ApiException.of(400, "Couldn't parse request body.");
    }
    Address caller = request.principal().address();
    SandboxState.Vehicle vehicle = state.vehicleByTokenId(tokenId);
    boolean owns = contract.equals(state.config.vehicleNftContract)
        && vehicle != null && caller != null && caller.equals(vehicle.owner);
    List<Object> privilegeIds = new ArrayList<>();
    for (BigDecimal p : privileges) {
      long id = p.longValue();
      if (!owns || id < 1 || id > 8) {
        throw ApiException.of(403, "Address " + (caller == null ? "(none)" : caller.toChecksumHex())
            + " lacks permission " + id + " on token id " + tokenId + " for asset "
            + contract.toChecksumHex() + ".");
      }
      privilegeIds.add(id);
    }

    Instant now = state.now();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", urls.tokenExchangeUrl());
    claims.put("sub", caller.toChecksumHex());
    claims.put("aud", audience == null || audience.isEmpty()
        ? new ArrayList<Object>(Collections.singletonList(DEFAULT_AUDIENCE))
        : new ArrayList<Object>(audience));
    claims.put("exp", now.getEpochSecond() + state.config.privilegeTokenLifetime.getSeconds());
    claims.put("iat", now.getEpochSecond());
    claims.put("token_id", String.valueOf(tokenId));
    claims.put("contract_address", contract.toChecksumHex());
    claims.put("privilege_ids", privilegeIds);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", jwt.sign(claims));
    return SandboxResponse.json(200, answer);
  }

  /** go-ethereum's {@code IsHexAddress}: optional 0x, 40 hex digits, any case. */
  static Address lenientAddress(String text) {
    String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    if (hex.length() != 40) {
      return null;
    }
    byte[] bytes = JsonBody.decodeHex(hex);
    return bytes == null ? null : Address.fromBytes(bytes);
  }
}
