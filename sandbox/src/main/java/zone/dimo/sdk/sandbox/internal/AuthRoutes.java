package zone.dimo.sdk.sandbox.internal;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.PersonalSign;

/**
 * The Web3 challenge login of the auth server (a Dex deployment): {@code generate_challenge}
 * answers JSON labelled {@code text/plain} (as the real server does); {@code submit_challenge}
 * recovers the EIP-191 signer of the challenge text (strictly: {@code v ∈ {27,28}}, low s) and
 * issues an HS256 access token and ID token. Errors: {@code {status, message}} from
 * generate_challenge, OAuth {@code {error, error_description}} from submit_challenge.
 */
final class AuthRoutes {
  private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(10);

  private final SandboxState state;
  private final Jwt jwt;
  private final Urls urls;

  AuthRoutes(SandboxState state, Jwt jwt, Urls urls) {
    this.state = state;
    this.jwt = jwt;
    this.urls = urls;
  }

  void register(Router router) {
    router.add("POST", Urls.AUTH_PREFIX + "/auth/web3/generate_challenge", Router.Security.PUBLIC,
        this::generateChallenge);
    router.add("POST", Urls.AUTH_PREFIX + "/auth/web3/submit_challenge", Router.Security.PUBLIC,
        this::submitChallenge);
  }

  private SandboxResponse generateChallenge(SandboxRequest request) {
    Map<String, String> form = form(request);
    String clientId = registeredClientId(nonNull(form.get("client_id")));
    if (clientId == null) {
      return status(400, "invalid client_id");
    }
    if (!redirectUri(clientId).equals(form.get("domain"))) {
      return status(400, "invalid domain: not a redirect URI registered for this client");
    }
    if (!"code".equals(form.get("response_type"))) {
      return status(400, "unsupported response_type: must be code");
    }
    String scope = nonNull(form.get("scope"));
    if (!(" " + scope + " ").contains(" openid ")) {
      return status(400, "invalid scope: must include openid");
    }
    // Like go-ethereum's IsHexAddress: any case, no checksum check.
    Address address = TokenExchangeRoutes.lenientAddress(nonNull(form.get("address")));
    if (address == null) {
      return status(400, "invalid address");
    }
    Instant now = state.now();
    String nonce = Ids.ksuid();
    String text = urls.host() + " wants you to sign in with your Ethereum account:\n"
        + address.toChecksumHex() + "\n\n"
        + "Sign in to the DIMO sandbox. This request will not trigger a blockchain transaction"
        + " or cost any gas fees.\n\n"
        + "URI: " + urls.authUrl() + "\n"
        + "Version: 1\n"
        + "Chain ID: " + state.config.chainId + "\n"
        + "Nonce: " + nonce + "\n"
        + "Issued At: " + now;
    String stateId = Ids.ksuid().toLowerCase(Locale.ROOT);
    state.challenges.put(stateId, new SandboxState.Challenge(stateId, clientId, address, text, now));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", stateId);
    body.put("challenge", text);
    // The real server labels this JSON body text/plain; clients must not trust the label.
    return SandboxResponse.text(200, SandboxResponse.TEXT, Json.write(body));
  }

  private SandboxResponse submitChallenge(SandboxRequest request) {
    Map<String, String> form = form(request);
    if (!"authorization_code".equals(form.get("grant_type"))) {
      return oauth(400, "unsupported_grant_type", "grant_type must be authorization_code");
    }
    String clientId = registeredClientId(nonNull(form.get("client_id")));
    if (clientId == null) {
      return oauth(401, "invalid_client", "Invalid client credentials.");
    }
    if (!redirectUri(clientId).equals(form.get("domain"))) {
      return oauth(400, "invalid_request", "Unregistered redirect_uri (domain).");
    }
    SandboxState.Challenge challenge = state.challenges.get(nonNull(form.get("state")));
    Instant now = state.now();
    // A state belongs to the client that asked for it, as Dex's auth requests do.
    if (challenge == null || !challenge.clientId.equals(clientId)
        || now.isAfter(challenge.issuedAt.plus(CHALLENGE_LIFETIME))) {
      return oauth(400, "invalid_request", "Invalid or expired state.");
    }
    String signatureHex = nonNull(form.get("signature"));
    byte[] signature = signatureHex.startsWith("0x") ? JsonBody.decodeHex(signatureHex.substring(2)) : null;
    if (signature == null || signature.length != 65) {
      return oauth(400, "invalid_request", "signature must be 0x followed by 130 hex digits");
    }
    Address signer;
    try {
      signer = EthSignature.fromBytes(signature).recoverSigner(PersonalSign.hashText(challenge.text));
    } catch (IllegalArgumentException e) {
      return oauth(400, "invalid_grant", "invalid signature: " + e.getMessage());
    }
    // Dex's web3 connector: an EOA signature of the address, or failing that ERC-1271
    // isValidSignature at the address. The sandbox's ERC-1271 stand-in: the address is a
    // developer license and the signature recovers to the license's API key.
    SandboxState.License license = state.licenses.get(challenge.address);
    boolean contractSignature = license != null && signer.equals(license.signer);
    if (!signer.equals(challenge.address) && !contractSignature) {
      return oauth(400, "invalid_grant", "signature does not match the address of the challenge");
    }
    state.challenges.remove(challenge.state);
    SandboxState.License client = state.licenses.get(TokenExchangeRoutes.lenientAddress(clientId));
    if (state.config.loginSharesAllVehicles && client != null && !contractSignature
        && !challenge.address.equals(client.address)) {
      // "Login with DIMO" from a backend's point of view: the owner shared all their vehicles
      // (and their account) with the license, every permission.
      shareAll(challenge.address, client.address);
    }

    long lifetime = state.config.accessTokenLifetime.getSeconds();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", urls.authUrl());
    claims.put("sub", subject(challenge.address));
    claims.put("aud", clientId);
    claims.put("exp", now.getEpochSecond() + lifetime);
    claims.put("iat", now.getEpochSecond());
    claims.put("ethereum_address", challenge.address.toChecksumHex());
    claims.put("provider_id", "web3");
    String accessToken = jwt.sign(claims);
    claims.put("at_hash", Ids.ksuid());
    String idToken = jwt.sign(claims);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", accessToken);
    body.put("token_type", "bearer");
    body.put("expires_in", lifetime);
    body.put("id_token", idToken);
    return SandboxResponse.json(200, body);
  }

  /**
   * The registered spelling of a client id: the sandbox's own client id (any case), or a
   * developer license address (any case, checksummed); null when unknown.
   */
  private String registeredClientId(String clientId) {
    if (state.config.clientId.equalsIgnoreCase(clientId)) {
      return state.config.clientId;
    }
    Address address = TokenExchangeRoutes.lenientAddress(clientId);
    SandboxState.License license = address == null ? null : state.licenses.get(address);
    return license == null ? null : license.address.toChecksumHex();
  }

  private String redirectUri(String registeredClientId) {
    if (registeredClientId.equals(state.config.clientId)) {
      return state.config.domain;
    }
    return state.licenses.get(Address.fromHex(registeredClientId)).redirectUri;
  }

  private void shareAll(Address owner, Address license) {
    for (SandboxState.Grant grant : state.grants) {
      if (grant.tokenId == null && grant.grantor.equals(owner) && grant.grantee.equals(license)
          && grant.privilegeIds.containsAll(Privileges.ALL_IDS)) {
        return;
      }
    }
    state.grants.add(new SandboxState.Grant(owner, null, license,
        new java.util.TreeSet<>(Privileges.ALL_IDS)));
  }

  /**
   * Dex's subject: the URL-safe base64 of a protobuf {1: user id, 2: connector id}; the web3
   * connector's user id is the checksummed address.
   */
  static String subject(Address address) {
    byte[] user = address.toChecksumHex().getBytes(StandardCharsets.US_ASCII);
    byte[] connector = "web3".getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[4 + user.length + connector.length];
    out[0] = 0x0a;
    out[1] = (byte) user.length;
    System.arraycopy(user, 0, out, 2, user.length);
    out[2 + user.length] = 0x12;
    out[3 + user.length] = (byte) connector.length;
    System.arraycopy(connector, 0, out, 4 + user.length, connector.length);
    return Jwt.base64Url(out);
  }

  private static Map<String, String> form(SandboxRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!request.mediaType().equals("application/x-www-form-urlencoded")) {
      return out;
    }
    for (String pair : request.bodyText().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.put(URLDecoder.decode(key, "UTF-8"), URLDecoder.decode(value, "UTF-8"));
      } catch (UnsupportedEncodingException | IllegalArgumentException e) {
        continue;
      }
    }
    return out;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static SandboxResponse status(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("message", message);
    return SandboxResponse.json(status, body);
  }

  private static SandboxResponse oauth(int status, String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    return SandboxResponse.json(status, body);
  }
}
