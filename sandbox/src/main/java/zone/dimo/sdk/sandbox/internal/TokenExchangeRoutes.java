package zone.dimo.sdk.sandbox.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import zone.dimo.sdk.signing.Address;

/**
 * {@code POST /v1/tokens/exchange} as token-exchange-api runs today ({@code 3c70fdbe}): a vehicle
 * token for one asset DID and a set of permission names, with the deprecated body
 * ({@code nftContractAddress}, {@code tokenId}, {@code privileges}) still accepted. Checks run in
 * the service's order with its statuses and texts:
 *
 * <ol>
 *   <li>JWT middleware (gofiber/contrib/jwt 1.1): no {@code Bearer} token → {@code 400
 *       missing or malformed JWT}; a token that does not verify or has expired → {@code 401
 *       Invalid or expired JWT} (both text/plain).
 *   <li>Developer-license middleware: an audience containing {@code dimo-driver} passes (the
 *       issued token's subject is {@code dimo-driver}); otherwise the subject (Dex's
 *       base64url protobuf {@code {user_id, conn_id}}) must name a developer license, else
 *       {@code 403 not a dev license: <user id>} — only with
 *       {@code DimoSandbox.Builder.strictDeveloperLicenses(true)}. By default the sandbox lets a
 *       user (EOA) token through, so clients that exchange with the user's own login keep
 *       working; the issued subject is then the user's address.
 *   <li>Body: {@code 400 Couldn't parse request body.}; {@code asset} wins over
 *       {@code nftContractAddress}/{@code tokenId} ({@code 400 Invalid asset DID "…": ….} /
 *       {@code 400 Invalid NFT contract address "…".}); non-empty {@code permissions} win over
 *       {@code privileges} ({@code 400 unknown privileges [9]}); nothing asked → {@code 400 Please
 *       provide at least one privilege or cloudevent}.
 *   <li>{@code ethereum_address} claim → {@code 401 No Ethereum address claim found.} (and its
 *       two siblings).
 *   <li>Access: cloud events need a sharing document, which the sandbox never has →
 *       {@code 400 failed to fetch source document from IPFS}; otherwise the permission bits:
 *       {@code 403 Address <0x…> lacks permissions [2 1] for asset <did>.}
 * </ol>
 *
 * <p>Who holds what: a vehicle's owner holds every permission on it; anyone else what the owner
 * shared ({@code DimoSandbox.sharePermissions}, or the login switch). A {@code did:ethr} account
 * holds nothing by itself; account-level shares (the login switch) count for it.
 */
final class TokenExchangeRoutes {
  static final String DEFAULT_AUDIENCE = "dimo.zone";
  static final String MOBILE_APP_AUDIENCE = "dimo-driver";

  private final SandboxState state;
  private final Jwt jwt;
  private final Urls urls;

  TokenExchangeRoutes(SandboxState state, Jwt jwt, Urls urls) {
    this.state = state;
    this.jwt = jwt;
    this.urls = urls;
  }

  void register(Router router) {
    router.addOwnAuthentication("POST", Urls.EXCHANGE_PREFIX + "/v1/tokens/exchange", Router.Security.USER,
        this::exchange);
  }

  /** An asset DID: a vehicle-like ERC-721 token, or an account ({@code tokenId} null). */
  static final class Asset {
    final BigInteger chainId;
    final Address contract;
    final BigInteger tokenId;

    Asset(BigInteger chainId, Address contract, BigInteger tokenId) {
      this.chainId = chainId;
      this.contract = contract;
      this.tokenId = tokenId;
    }

    /** The DID text the service prints: checksummed contract, decimal numbers. */
    @Override
    public String toString() {
      return tokenId == null
          ? "did:ethr:" + chainId + ":" + contract.toChecksumHex()
          : "did:erc721:" + chainId + ":" + contract.toChecksumHex() + ":" + tokenId;
    }
  }

  private SandboxResponse exchange(SandboxRequest request) {
    Map<String, Object> claims = verifiedClaims(request);
    String responseSubject = developerLicense(claims);

    JsonBody body = JsonBody.parse(request, detail -> ApiException.of(400, "Couldn't parse request body."));
    String assetText = body.string("asset");
    List<String> permissions = body.strings("permissions");
    List<String> audience = body.strings("audience");
    List<Map<String, Object>> events = cloudEvents(body);
    String contractText = body.string("nftContractAddress");
    BigDecimal tokenIdValue = body.integer("tokenId");
    List<BigDecimal> privileges = body.integers("privileges");
    long tokenIdNumber;
    try {
      tokenIdNumber = tokenIdValue == null ? 0 : tokenIdValue.longValueExact();
    } catch (ArithmeticException e) {
      throw ApiException.of(400, "Couldn't parse request body.");
    }

    Asset asset;
    if (!assetText.isEmpty()) {
      asset = decodeDid(assetText);
    } else {
      Address contract = lenientAddress(contractText);
      if (contract == null) {
        throw ApiException.of(400, "Invalid NFT contract address " + goQuote(contractText) + ".");
      }
      asset = new Asset(BigInteger.valueOf(state.config.chainId), contract, BigInteger.valueOf(tokenIdNumber));
    }
    List<String> names = permissions == null ? new ArrayList<String>() : new ArrayList<>(permissions);
    if (names.isEmpty() && privileges != null) {
      List<Long> unknown = new ArrayList<>();
      for (BigDecimal p : privileges) {
        String name = Privileges.ID_TO_NAME.get(p.longValue());
        if (name == null) {
          unknown.add(p.longValue());
        } else {
          names.add(name);
        }
      }
      if (!unknown.isEmpty()) {
        throw ApiException.of(400, "unknown privileges " + goList(unknown));
      }
    }
    if (names.isEmpty() && events.isEmpty()) {
      throw ApiException.of(400, "Please provide at least one privilege or cloudevent");
    }

    Address caller = ethereumAddress(claims);
    if (!events.isEmpty()) {
      // The service reads cloud-event grants from the SACD document on IPFS; the sandbox keeps
      // permission records only, as a vehicle shared without a document.
      throw ApiException.of(400, "failed to fetch source document from IPFS");
    }
    List<String> unknownNames = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (String name : names) {
      Long id = Privileges.NAME_TO_ID.get(name);
      if (id == null) {
        unknownNames.add(name);
      } else {
        ids.add(id);
      }
    }
    if (!unknownNames.isEmpty()) {
      throw lacks(caller, asset, unknownNames);
    }
    Set<Long> held = held(asset, caller);
    List<Long> lack = new ArrayList<>();
    for (Long id : ids) {
      if (!held.contains(id)) {
        lack.add(id);
      }
    }
    if (!lack.isEmpty()) {
      throw lacks(caller, asset, lack);
    }

    Instant now = state.now();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("iss", urls.tokenExchangeUrl());
    out.put("sub", responseSubject);
    out.put("aud", audience == null || audience.isEmpty()
        ? new ArrayList<Object>(Collections.singletonList(DEFAULT_AUDIENCE))
        : new ArrayList<Object>(audience));
    out.put("exp", now.getEpochSecond() + state.config.privilegeTokenLifetime.getSeconds());
    out.put("iat", now.getEpochSecond());
    out.put("asset", asset.toString());
    out.put("permissions", new ArrayList<Object>(names));
    Map<String, Object> cloudEvents = new LinkedHashMap<>();
    cloudEvents.put("events", new ArrayList<Object>());
    out.put("cloud_events", cloudEvents);
    // The deprecated claims devices-api's privilege middleware still reads.
    out.put("contract_address", Ids.hex(asset.contract.toBytes()).toLowerCase(Locale.ROOT));
    // Go's (*big.Int)(nil).String() for an account DID.
    out.put("token_id", asset.tokenId == null ? "<nil>" : asset.tokenId.toString());
    out.put("privilege_ids", new ArrayList<Object>(ids));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", jwt.sign(out));
    return SandboxResponse.json(200, answer);
  }

  private Map<String, Object> verifiedClaims(SandboxRequest request) {
    String header = request.header("Authorization");
    String scheme = "Bearer";
    if (header == null || header.length() <= scheme.length() + 1
        || !header.substring(0, scheme.length()).equalsIgnoreCase(scheme)) {
      throw ApiException.text(400, "missing or malformed JWT");
    }
    Map<String, Object> claims = jwt.verify(header.substring(scheme.length()).trim(), state.now());
    if (claims == null) {
      throw ApiException.text(401, "Invalid or expired JWT");
    }
    return claims;
  }

  /** The developer-license middleware; returns the subject of the token to issue. */
  private String developerLicense(Map<String, Object> claims) {
    Object aud = claims.get("aud");
    List<String> audiences = new ArrayList<>();
    if (aud instanceof String) {
      audiences.add((String) aud);
    } else if (aud instanceof List) {
      for (Object a : (List<?>) aud) {
        if (!(a instanceof String)) {
          throw ApiException.of(400, "failed to get audience from token claims");
        }
        audiences.add((String) a);
      }
    } else if (aud != null) {
      throw ApiException.of(400, "failed to get audience from token claims");
    }
    if (audiences.contains(MOBILE_APP_AUDIENCE)) {
      return MOBILE_APP_AUDIENCE;
    }
    Object sub = claims.get("sub");
    if (sub != null && !(sub instanceof String)) {
      throw ApiException.of(400, "failed to get subject from token claims");
    }
    byte[] decoded;
    try {
      decoded = decodeRawUrlBase64(sub == null ? "" : (String) sub);
    } catch (IllegalArgumentException e) {
      throw ApiException.of(400, "failed to decode subject");
    }
    String userId = DexSubject.userId(decoded);
    if (userId == null) {
      throw ApiException.of(400, "failed to parse subject");
    }
    Address address = lenientAddress(userId);
    if (address == null) {
      throw ApiException.of(400, "user id is not valid hex address");
    }
    if (state.licenses.containsKey(address) || !state.config.strictDeveloperLicenses) {
      return address.toChecksumHex();
    }
    throw ApiException.of(403, "not a dev license: " + userId);
  }

  private static Address ethereumAddress(Map<String, Object> claims) {
    if (!claims.containsKey("ethereum_address")) {
      throw ApiException.of(401, "No Ethereum address claim found.");
    }
    Object value = claims.get("ethereum_address");
    if (!(value instanceof String)) {
      throw ApiException.of(401, "Ethereum address claim is not a string.");
    }
    Address address = lenientAddress((String) value);
    if (address == null) {
      throw ApiException.of(401, "Ethereum address claim is not a valid hex address.");
    }
    return address;
  }

  private Set<Long> held(Asset asset, Address caller) {
    if (asset.tokenId == null) {
      return state.accountPrivileges(asset.contract, caller);
    }
    if (!asset.contract.equals(state.config.vehicleNftContract) || asset.tokenId.bitLength() > 63) {
      return Collections.emptySet();
    }
    return state.vehiclePrivileges(asset.tokenId.longValue(), caller);
  }

  private static ApiException lacks(Address caller, Asset asset, List<?> lack) {
    return ApiException.of(403, "Address " + caller.toChecksumHex() + " lacks permissions " + goList(lack)
        + " for asset " + asset + ".");
  }

  /** {@code cloudEvents.events}; an absent or null {@code cloudEvents} is no events. */
  private static List<Map<String, Object>> cloudEvents(JsonBody body) {
    List<Map<String, Object>> out = new ArrayList<>();
    JsonBody cloudEvents = body.object("cloudEvents");
    if (cloudEvents == null) {
      return out;
    }
    for (JsonBody event : cloudEvents.objects("events")) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("eventType", event.string("eventType"));
      e.put("source", event.string("source"));
      e.put("ids", event.strings("ids"));
      e.put("tags", event.strings("tags"));
      out.add(e);
    }
    return out;
  }

  /**
   * The service's {@code DecodeAssetDID}: {@code did:erc721:<chain>:<contract>:<token>}, else
   * {@code did:ethr:<chain>:<address>}; the error is the ethr decoder's (DIMO cloudevent 0.1.4).
   */
  static Asset decodeDid(String did) {
    String[] parts = did.split(":", -1);
    if (parts.length == 5 && parts[0].equals("did") && parts[1].equals("erc721")) {
      BigInteger chain = uint64(parts[2]);
      Address contract = lenientAddress(parts[3]);
      BigInteger token = decimal(parts[4]);
      if (chain != null && contract != null && token != null && token.signum() >= 0) {
        return new Asset(chain, contract, token);
      }
    }
    String reason;
    if (parts.length != 4) {
      reason = "invalid DID";
    } else if (!parts[0].equals("did")) {
      reason = "invalid DID, wrong DID prefix " + parts[0];
    } else if (!parts[1].equals("ethr")) {
      reason = "invalid DID, wrong DID method " + parts[1];
    } else if (uint64(parts[2]) == null) {
      reason = "invalid DID, invalid chain ID " + parts[2];
    } else if (lenientAddress(parts[3]) == null) {
      reason = "invalid DID, invalid contract address " + parts[3];
    } else {
      return new Asset(uint64(parts[2]), lenientAddress(parts[3]), null);
    }
    String quoted = goQuote(did);
    throw ApiException.of(400, "Invalid asset DID " + quoted + ": invalid asset DID " + quoted + ": " + reason + ".");
  }

  /** Go's {@code strconv.ParseUint(s, 10, 64)}: decimal digits only, at most 2^64-1. */
  private static BigInteger uint64(String s) {
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    BigInteger v = new BigInteger(s);
    return v.bitLength() > 64 ? null : v;
  }

  /** Go's {@code big.Int.SetString(s, 10)}: optional sign, decimal digits (underscores aside). */
  private static BigInteger decimal(String s) {
    try {
      return s.isEmpty() || s.startsWith("+-") ? null : new BigInteger(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Go's {@code %v} of a slice: {@code [a b c]}. */
  static String goList(List<?> values) {
    StringBuilder out = new StringBuilder("[");
    for (Object v : values) {
      out.append(out.length() == 1 ? "" : " ").append(v);
    }
    return out.append(']').toString();
  }

  /** Go's {@code %q} for the strings a client sends: quotes, backslash escapes for the rest. */
  static String goQuote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }

  /** Go's {@code base64.RawURLEncoding}: no padding, URL alphabet only. */
  private static byte[] decodeRawUrlBase64(String s) {
    if (s.indexOf('=') >= 0 || s.length() % 4 == 1) {
      throw new IllegalArgumentException("illegal base64 data");
    }
    return Base64.getUrlDecoder().decode(s.getBytes(StandardCharsets.US_ASCII));
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
