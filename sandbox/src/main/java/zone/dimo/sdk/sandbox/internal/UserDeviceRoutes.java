package zone.dimo.sdk.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.Keccak256;

/**
 * The user-devices handlers: vehicle creation (by definition, VIN, Smartcar), the user's list,
 * VIN update, mint payload and submission, opt-in and refresh. Messages and statuses follow the
 * service's handlers (devices-api, 2024); differences are documented where they occur.
 */
final class UserDeviceRoutes {
  static final String DEVICE_BASE = "/v1/user/devices/{userDeviceId}";

  private final SandboxState state;
  private final Urls urls;

  UserDeviceRoutes(SandboxState state, Urls urls) {
    this.state = state;
    this.urls = urls;
  }

  void register(Router router) {
    Router.Security user = Router.Security.USER;
    router.add("GET", "/v1/user/devices/me", user, this::listMine);
    router.add("POST", "/v1/user/devices/fromvin", user, this::createFromVin);
    router.add("POST", "/v1/user/devices/fromsmartcar", user, this::createFromSmartcar);
    router.add("POST", "/v1/user/devices", user, this::create);
    router.add("PATCH", DEVICE_BASE + "/vin", user, this::updateVin);
    router.add("GET", DEVICE_BASE + "/commands/mint", user, this::getMintPayload);
    router.add("POST", DEVICE_BASE + "/commands/mint", user, this::submitMint);
    router.add("POST", DEVICE_BASE + "/commands/opt-in", user, this::optIn);
    router.add("POST", DEVICE_BASE + "/commands/refresh", user, this::refresh);
  }

  /**
   * The service's owner middleware for routes under {@code /v1/user/devices/{id}}: the caller
   * must have created the vehicle or own its NFT, otherwise {@code 404 Device not found.}.
   */
  static SandboxState.Vehicle ownedVehicle(SandboxState state, SandboxRequest request) {
    SandboxState.Vehicle v = state.vehicles.get(request.param("userDeviceId"));
    Principal p = request.principal();
    if (v == null || !(v.userId.equals(p.subject()) || (v.owner != null && v.owner.equals(p.address())))) {
      throw ApiException.of(404, "Device not found.");
    }
    return v;
  }

  private SandboxResponse create(SandboxRequest request) {
    JsonBody body = JsonBody.parse(request, detail -> ApiException.of(400, detail));
    String definitionId = body.string("deviceDefinitionId");
    String countryCode = body.string("countryCode");
    Map<String, String> errors = new TreeMap<>();
    if (countryCode.isEmpty()) {
      errors.put("countryCode", "cannot be blank");
    } else if (countryCode.codePointCount(0, countryCode.length()) != 3) {
      errors.put("countryCode", "the length must be exactly 3");
    }
    if (definitionId.isEmpty()) {
      errors.put("deviceDefinitionId", "cannot be blank");
    }
    validation(errors);
    Provisioned.Definition definition = null;
    for (Provisioned.Definition d : Provisioned.DEFINITIONS) {
      if (d.id.equals(definitionId)) {
        definition = d;
      }
    }
    if (definition == null) {
      throw ApiException.of(404, "device definition not found: " + definitionId);
    }
    SandboxState.Vehicle v = newVehicle(request, definition, countryCode, null, null, false);
    return SandboxResponse.json(201, single("userDevice", full(v)));
  }

  private SandboxResponse createFromVin(SandboxRequest request) {
    JsonBody body = JsonBody.parse(request, detail -> ApiException.of(400, detail));
    String vinText = body.string("vin");
    String countryCode = body.string("countryCode");
    String canProtocol = body.string("canProtocol");
    Map<String, String> errors = new TreeMap<>();
    if (countryCode.isEmpty()) {
      errors.put("countryCode", "cannot be blank");
    } else if (countryCode.codePointCount(0, countryCode.length()) != 3) {
      errors.put("countryCode", "the length must be exactly 3");
    }
    if (vinText.isEmpty()) {
      errors.put("vin", "cannot be blank");
    } else if (vinText.codePointCount(0, vinText.length()) != 17) {
      errors.put("vin", "the length must be exactly 17");
    }
    validation(errors);
    if (!Countries.isSupported(countryCode)) {
      throw ApiException.of(400, "unsupported or invalid country: " + countryCode);
    }
    String vin = vinText.toUpperCase(Locale.ROOT);
    for (SandboxState.Vehicle existing : state.vehicles.values()) {
      if (existing.vinConfirmed && vin.equals(existing.vin)) {
        if (!existing.userId.equals(request.principal().subject())) {
          throw ApiException.of(409, "VIN already exists for a different user: " + vinText);
        }
        return SandboxResponse.json(201, single("userDevice", full(existing)));
      }
    }
    Provisioned.Definition definition = decode(vin);
    SandboxState.Vehicle v = newVehicle(request, definition, countryCode, vin,
        canProtocol.isEmpty() ? null : canProtocol, false);
    return SandboxResponse.json(201, single("userDevice", full(v)));
  }

  /**
   * The sandbox's VIN decoder: the characters must be possible in a VIN (no I, O, Q), and the
   * WMI must be one of the provisioned definitions'; the check digit is not required.
   */
  static Provisioned.Definition decode(String vin) {
    if (!Vins.isWellFormed(vin)) {
      throw ApiException.of(400, "invalid VIN " + vin
          + ": a VIN has 17 characters from 0-9 and A-Z except I, O and Q");
    }
    for (Provisioned.Definition d : Provisioned.DEFINITIONS) {
      if (vin.startsWith(d.wmi)) {
        return d;
      }
    }
    throw ApiException.of(424, "unable to decode vin");
  }

  private SandboxResponse createFromSmartcar(SandboxRequest request) {
    JsonBody body = JsonBody.parse(request, detail -> ApiException.of(400, detail));
    String code = body.string("code");
    String redirectUri = body.string("redirectURI");
    String countryCode = body.string("countryCode");
    Map<String, String> errors = new TreeMap<>();
    if (code.isEmpty()) {
      errors.put("code", "cannot be blank");
    }
    if (countryCode.isEmpty()) {
      errors.put("countryCode", "cannot be blank");
    } else if (countryCode.codePointCount(0, countryCode.length()) != 3) {
      errors.put("countryCode", "the length must be exactly 3");
    }
    if (redirectUri.isEmpty()) {
      errors.put("redirectURI", "cannot be blank");
    }
    validation(errors);
    if (!Countries.isSupported(countryCode)) {
      throw ApiException.of(400, "invalid countryCode field or country not supported: " + countryCode);
    }
    if (!state.config.smartcarCode.equals(code)) {
      throw ApiException.of(400, "Failed to exchange authorization code with Smartcar.");
    }
    Provisioned.Definition definition = Provisioned.DEFINITIONS.get(1);
    String vin = definition.vin(state.nextSmartcarSerial++);
    SandboxState.Vehicle v = newVehicle(request, definition, countryCode, vin, null, true);
    return SandboxResponse.json(201, single("userDevice", full(v)));
  }

  private SandboxState.Vehicle newVehicle(SandboxRequest request, Provisioned.Definition definition,
      String countryCode, String vin, String canProtocol, boolean smartcar) {
    SandboxState.Vehicle v = new SandboxState.Vehicle(Ids.ksuid(), request.principal().subject(),
        definition, countryCode, vin, canProtocol, smartcar, state.now());
    state.vehicles.put(v.id, v);
    return v;
  }

  private SandboxResponse listMine(SandboxRequest request) {
    Principal p = request.principal();
    List<Object> mine = new ArrayList<>();
    for (SandboxState.Vehicle v : state.vehicles.values()) {
      if (v.userId.equals(p.subject()) || (v.owner != null && v.owner.equals(p.address()))) {
        if (v.mint != null) {
          v.mint.observe();
        }
      }
    }
    for (SandboxState.Unit u : state.units.values()) {
      observeUnit(u, p);
    }
    for (SandboxState.Vehicle v : state.vehicles.values()) {
      if (v.userId.equals(p.subject()) || (v.owner != null && v.owner.equals(p.address()))) {
        mine.add(full(v));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userDevices", mine);
    body.put("sharedDevices", null);
    return SandboxResponse.json(200, body);
  }

  private static void observeUnit(SandboxState.Unit u, Principal p) {
    if (p.subject().equals(u.userId) || (u.owner != null && u.owner.equals(p.address()))) {
      for (SandboxState.Tx tx : new SandboxState.Tx[] {u.claim, u.pair, u.unpair}) {
        if (tx != null) {
          tx.observe();
        }
      }
    }
  }

  private SandboxResponse updateVin(SandboxRequest request) {
    SandboxState.Vehicle v = ownedVehicle(state, request);
    JsonBody body = JsonBody.parse(request, detail -> ApiException.of(400, "Could not parse request body."));
    String vin = body.string("vin").trim().toUpperCase(Locale.ROOT);
    String signature = body.string("signature");
    if (vin.length() != 17) {
      throw ApiException.of(400, "VIN is not 17 characters long.");
    }
    for (int i = 0; i < vin.length(); i++) {
      char c = vin.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        throw ApiException.of(400, "VIN contains a non-alphanumeric character.");
      }
    }
    if (!signature.isEmpty()) {
      byte[] sig = JsonBody.fromHexLenient(signature);
      if (sig.length != 65) {
        throw ApiException.of(400, "Signature is not 65 bytes long.");
      }
      Address author;
      try {
        author = EthSignature.fromBytes(sig).recoverSigner(Keccak256.hash(vin.getBytes(StandardCharsets.US_ASCII)));
      } catch (IllegalArgumentException e) {
        throw ApiException.of(400, "Couldn't recover signer address.");
      }
      boolean known = false;
      for (SandboxState.Unit u : state.units.values()) {
        known |= u.address.equals(author);
      }
      if (!known) {
        throw ApiException.of(400, "VIN signature author " + author.toChecksumHex()
            + " does not match any known aftermarket device.");
      }
    }
    if (v.vinConfirmed) {
      if (signature.isEmpty()) {
        throw ApiException.of(409, "Vehicle already has a confirmed VIN.");
      }
      if (!vin.equals(v.vin)) {
        throw ApiException.of(409, "Submitted VIN does not match confirmed VIN.");
      }
      return SandboxResponse.empty(204);
    }
    if (!signature.isEmpty()) {
      if (state.vinConfirmedElsewhere(vin, v.id)) {
        throw ApiException.of(409, "VIN already in use by another vehicle.");
      }
      v.vinConfirmed = true;
    }
    v.vin = vin;
    return SandboxResponse.empty(204);
  }

  private Map<String, Object> mintPayload(SandboxRequest request, SandboxState.Vehicle v) {
    if (v.tokenId != null) {
      throw ApiException.of(400, "vehicle already minted with token id " + v.tokenId);
    }
    if (v.mint != null && v.mint.inFlight()) {
      throw ApiException.of(400, "vehicle minting already in process");
    }
    if (!v.vinConfirmed) {
      throw ApiException.of(400, "VIN not confirmed");
    }
    Address owner = request.principal().address();
    if (owner == null) {
      throw ApiException.of(400, "user does not have an Ethereum address on file");
    }
    Provisioned.Definition d = v.definition;
    return TypedDataPayloads.mintWithDefinition(state.config, d.manufacturerTokenId, owner, d.nameSlug,
        TypedDataPayloads.strings("Make", "Model", "Year"),
        TypedDataPayloads.strings(d.make, d.model, String.valueOf(d.year)));
  }

  private SandboxResponse getMintPayload(SandboxRequest request) {
    SandboxState.Vehicle v = ownedVehicle(state, request);
    return SandboxResponse.json(200, mintPayload(request, v));
  }

  private SandboxResponse submitMint(SandboxRequest request) {
    SandboxState.Vehicle v = ownedVehicle(state, request);
    refuseBodilessPost(request);
    Map<String, Object> payload = mintPayload(request, v);
    JsonBody body = JsonBody.parse(request, detail -> ApiException.of(400, "Couldn't parse request body."),
        "mintRequest");
    byte[] image;
    try {
      image = Base64.getDecoder().decode(body.string("imageData").replaceFirst("^data:image/png;base64,", ""));
    } catch (IllegalArgumentException e) {
      throw ApiException.of(400, "Primary image not properly base64-encoded.");
    }
    byte[] sig = JsonBody.fromHexLenient(body.string("signature"));
    if (sig.length != 65) {
      // go-ethereum's Ecrecover error, returned unwrapped: the service answers 500.
      throw Signatures.internalError();
    }
    Address signer = Signatures.recover(sig, TypedDataPayloads.digest(payload));
    final Address owner = request.principal().address();
    if (!signer.equals(owner)) {
      throw ApiException.of(400, "Signature incorrect.");
    }
    if (image.length == 0) {
      throw ApiException.of(400, "No image in request body and none assigned previously.");
    }
    try {
      // Only validated: the sandbox keeps no images.
      Base64.getDecoder().decode(body.string("imageDataTransparent").replaceFirst("^data:image/png;base64,", ""));
    } catch (IllegalArgumentException e) {
      throw ApiException.of(400, "Transparent image not properly base64-encoded.");
    }
    final SandboxState.Vehicle vehicle = v;
    final long tokenId = state.nextVehicleTokenId++;
    v.reservedTokenId = tokenId;
    v.mint = state.new Tx(() -> {
      vehicle.tokenId = tokenId;
      vehicle.owner = owner;
    });
    return SandboxResponse.empty(200);
  }

  private SandboxResponse optIn(SandboxRequest request) {
    SandboxState.Vehicle v = ownedVehicle(state, request);
    if (v.optedInAt != null) {
      return SandboxResponse.empty(204);
    }
    v.optedInAt = state.now();
    return SandboxResponse.empty(200);
  }

  private SandboxResponse refresh(SandboxRequest request) {
    SandboxState.Vehicle v = ownedVehicle(state, request);
    Instant now = state.now();
    if (v.smartcar && v.lastRefresh != null) {
      Instant next = v.lastRefresh.plus(state.config.refreshRateLimit);
      if (now.isBefore(next)) {
        throw ApiException.of(429, "rate limit for integration refresh hit, next available: "
            + next.truncatedTo(ChronoUnit.SECONDS));
      }
    }
    if (!v.smartcar) {
      throw ApiException.of(400, "no active Smartcar integration found for this device");
    }
    v.lastRefresh = now;
    return SandboxResponse.empty(204);
  }

  Map<String, Object> full(SandboxState.Vehicle v) {
    Provisioned.Definition d = v.definition;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", v.id);
    json.put("vin", v.vin);
    json.put("vinConfirmed", v.vinConfirmed);
    json.put("name", null);
    json.put("customImageUrl", null);
    json.put("deviceDefinition", definitionJson(d));
    json.put("countryCode", v.countryCode);
    List<Object> integrations = new ArrayList<>();
    if (v.smartcar) {
      Map<String, Object> sc = new LinkedHashMap<>();
      sc.put("integrationId", Provisioned.SMARTCAR_INTEGRATION_ID);
      sc.put("status", "Active");
      sc.put("externalId", "sc-" + v.id.toLowerCase(Locale.ROOT));
      sc.put("createdAt", v.createdAt.toString());
      sc.put("updatedAt", v.createdAt.toString());
      sc.put("metadata", new LinkedHashMap<String, Object>());
      sc.put("integrationVendor", "SmartCar");
      integrations.add(sc);
    }
    if (v.tokenId != null) {
      SandboxState.Unit unit = state.unitPairedWith(v.tokenId);
      if (unit != null) {
        Map<String, Object> ap = new LinkedHashMap<>();
        ap.put("integrationId", Provisioned.AUTOPI_INTEGRATION_ID);
        ap.put("status", "Active");
        ap.put("externalId", unit.device.serial);
        ap.put("createdAt", unit.pair.updatedAt.toString());
        ap.put("updatedAt", unit.pair.updatedAt.toString());
        ap.put("metadata", single("autoPiUnitId", unit.device.serial));
        ap.put("integrationVendor", unit.device.manufacturer);
        ap.put("tokenId", unit.device.tokenId);
        integrations.add(ap);
      }
    }
    json.put("integrations", integrations);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("powertrainType", "Tesla".equals(d.make) ? "BEV" : "ICE");
    if (v.canProtocol != null) {
      metadata.put("canProtocol", v.canProtocol);
    }
    json.put("metadata", metadata);
    if (v.mint != null) {
      Map<String, Object> nft = new LinkedHashMap<>();
      if (v.tokenId != null) {
        nft.put("tokenId", v.tokenId);
        // common.Address marshals as lower-case hex in the Go service.
        nft.put("ownerAddress", Ids.hex(v.owner.toBytes()));
        nft.put("tokenUri", urls.devicesUrl() + "/v1/vehicle/" + v.tokenId);
      }
      nft.put("txHash", v.mint.hash);
      nft.put("status", v.mint.status);
      json.put("nft", nft);
    }
    json.put("optedInAt", v.optedInAt == null ? null : v.optedInAt.toString());
    json.put("privilegedUsers", new ArrayList<Object>());
    return json;
  }

  private static Map<String, Object> definitionJson(Provisioned.Definition d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("deviceDefinitionId", d.id);
    json.put("name", d.displayName());
    json.put("imageUrl", null);
    json.put("compatibleIntegrations", new ArrayList<Object>());
    Map<String, Object> make = new LinkedHashMap<>();
    make.put("id", "make-" + d.make.toLowerCase(Locale.ROOT));
    make.put("name", d.make);
    make.put("logo_url", null);
    make.put("oem_platform_name", null);
    json.put("make", make);
    Map<String, Object> type = new LinkedHashMap<>();
    type.put("type", "Vehicle");
    type.put("make", d.make);
    type.put("model", d.model);
    type.put("year", d.year);
    type.put("subModels", new ArrayList<Object>());
    json.put("type", type);
    json.put("vehicleData", new LinkedHashMap<String, Object>());
    json.put("metadata", null);
    json.put("verified", true);
    json.put("deviceAttributes", new ArrayList<Object>());
    return json;
  }

  /**
   * A POST without a body to a path whose GET hands out an EIP-712 payload is a client fetching
   * the payload with the wrong verb (the Node and Python SDKs do). The service would run the
   * submit handler and answer 400 "Couldn't parse request body." (or 500 for mint); the sandbox
   * answers 405 so the mistake is named.
   */
  static void refuseBodilessPost(SandboxRequest request) {
    if (request.body().length == 0) {
      throw new ApiException(SandboxResponse.error(405,
          "Method Not Allowed: GET this path for the EIP-712 payload; POST submits the signatures"
              + " and needs a JSON body.").header("Allow", "GET, POST"));
    }
  }

  /** ozzo-validation's message: sorted "field: problem" pairs joined by "; ", ending in ".". */
  static void validation(Map<String, String> sortedErrors) {
    if (sortedErrors.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    for (Map.Entry<String, String> e : sortedErrors.entrySet()) {
      if (message.length() > 0) {
        message.append("; ");
      }
      message.append(e.getKey()).append(": ").append(e.getValue());
    }
    throw ApiException.of(400, message.append('.').toString());
  }

  static Map<String, Object> single(String key, Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key, value);
    return map;
  }
}
