package zone.dimo.sdk.sandbox.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import zone.dimo.sdk.signing.Address;

/**
 * Aftermarket devices: the device info by serial, and the claim, pair and unpair payloads and
 * submissions. Claim needs the user's and the device's signature; pair needs the device's only
 * when the device and the vehicle have different owners. Pair and unpair bodies carry
 * {@code hexutil.Bytes} signatures ({@code "0x…"} strings; integer arrays are refused as in Go).
 */
final class AftermarketRoutes {
  private final SandboxState state;

  AftermarketRoutes(SandboxState state) {
    this.state = state;
  }

  void register(Router router) {
    Router.Security user = Router.Security.USER;
    String bySerial = "/v1/aftermarket/device/by-serial/{serial}";
    router.add("GET", bySerial, user, this::info);
    router.add("GET", bySerial + "/commands/claim", user, this::getClaimPayload);
    router.add("POST", bySerial + "/commands/claim", user, this::submitClaim);
    String base = UserDeviceRoutes.DEVICE_BASE + "/aftermarket/commands";
    router.add("GET", base + "/pair", user, this::getPairPayload);
    router.add("POST", base + "/pair", user, this::submitPair);
    router.add("GET", base + "/unpair", user, this::getUnpairPayload);
    router.add("POST", base + "/unpair", user, this::submitUnpair);
  }

  /**
   * The service's aftermarket-device middleware ({@code internal/middleware/owner}, 2024): it
   * trims and lower-cases the path value before the lookup. Path values are raw, as Fiber gives
   * them without {@code UnescapePath}: {@code %20} is not a space and is not trimmed.
   */
  private SandboxState.Unit unit(SandboxRequest request) {
    String serial = request.param("serial").trim().toLowerCase(Locale.ROOT);
    SandboxState.Unit unit = state.units.get(serial);
    if (unit == null) {
      throw ApiException.of(404, "AftermarketDevice not minted, or serial is invalid.");
    }
    Principal p = request.principal();
    if (unit.vehicleTokenId == null || p.subject().equals(unit.userId)) {
      return unit;
    }
    Address caller = p.address();
    if (caller == null) {
      throw ApiException.of(403, "user does not have a valid ethereum address");
    }
    if (caller.equals(unit.owner)) {
      return unit;
    }
    SandboxState.Vehicle vehicle = state.vehicleByTokenId(unit.vehicleTokenId);
    if (vehicle == null || !caller.equals(vehicle.owner)) {
      throw ApiException.of(403, "user is not owner of paired vehicle or AftermarketDevice");
    }
    return unit;
  }

  private SandboxResponse info(SandboxRequest request) {
    SandboxState.Unit unit = unit(request);
    for (SandboxState.Tx tx : new SandboxState.Tx[] {unit.claim, unit.pair, unit.unpair}) {
      if (tx != null) {
        tx.observe();
      }
    }
    Provisioned.Device d = unit.device;
    boolean autoPi = "AutoPi".equals(d.manufacturer);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("isUpdated", true);
    json.put("deviceId", autoPi ? d.serial : "");
    json.put("unitId", d.serial);
    json.put("hwRevision", autoPi ? "7.0" : "");
    json.put("releaseVersion", autoPi ? "v1.23.1" : "");
    json.put("shouldUpdate", false);
    json.put("tokenId", d.tokenId);
    json.put("ethereumAddress", Ids.hex(unit.address.toBytes()));
    json.put("ownerAddress", unit.owner == null ? null : unit.owner.toChecksumHex());
    json.put("beneficiaryAddress", unit.owner == null ? null : Ids.hex(unit.owner.toBytes()));
    json.put("claim", unit.claim == null ? null : unit.claim.toJson());
    json.put("pair", unit.pair == null ? null : unit.pair.toJson());
    json.put("unpair", unit.unpair == null ? null : unit.unpair.toJson());
    Map<String, Object> manufacturer = new LinkedHashMap<>();
    manufacturer.put("tokenId", d.manufacturerTokenId);
    manufacturer.put("name", d.manufacturer);
    json.put("manufacturer", manufacturer);
    return SandboxResponse.json(200, json);
  }

  private Address claimable(SandboxRequest request, SandboxState.Unit unit, int noAddressStatus) {
    if (unit.owner != null) {
      throw ApiException.of(409, "Device already claimed.");
    }
    if (unit.claim != null && unit.claim.inFlight()) {
      throw ApiException.of(409, "Claiming transaction in progress.");
    }
    Address user = request.principal().address();
    if (user == null) {
      throw ApiException.of(noAddressStatus, "User does not have an Ethereum address.");
    }
    return user;
  }

  /**
   * The claim handlers' own lookup: after the middleware, {@code GetAftermarketDeviceClaimMessage}
   * and {@code PostAftermarketDeviceClaim} look the raw path value up again, verbatim (no trim,
   * no lower-casing), and answer {@code 404 Aftermarket device not minted.} when that misses —
   * so a serial that only matches after normalising passes the middleware and fails here.
   */
  private SandboxState.Unit claimUnit(SandboxRequest request) {
    unit(request);
    SandboxState.Unit unit = state.units.get(request.param("serial"));
    if (unit == null) {
      throw ApiException.of(404, "Aftermarket device not minted.");
    }
    return unit;
  }

  private SandboxResponse getClaimPayload(SandboxRequest request) {
    SandboxState.Unit unit = claimUnit(request);
    Address user = claimable(request, unit, 409);
    return SandboxResponse.json(200, TypedDataPayloads.claim(state.config, unit.device.tokenId, user));
  }

  private SandboxResponse submitClaim(SandboxRequest request) {
    unit(request);
    UserDeviceRoutes.refuseBodilessPost(request);
    JsonBody body = JsonBody.parse(request, detail -> ApiException.of(400, "Couldn't parse request body."),
        "claimRequest");
    // The handler parses the body first, then looks the raw serial up.
    final SandboxState.Unit unit = claimUnit(request);
    String userSignature = body.string("userSignature");
    String deviceSignature = body.string("aftermarketDeviceSignature");
    final Address user = claimable(request, unit, 400);
    byte[] digest = TypedDataPayloads.digest(TypedDataPayloads.claim(state.config, unit.device.tokenId, user));

    byte[] userSig = JsonBody.fromHexLenient(userSignature);
    if (userSig.length != 65) {
      throw ApiException.of(400, "User signature has invalid length " + userSig.length + ".");
    }
    if (!Signatures.recover(userSig, digest).equals(user)) {
      throw ApiException.of(400, "User signature invalid.");
    }
    byte[] deviceSig = JsonBody.fromHexLenient(deviceSignature);
    if (deviceSig.length != 65) {
      throw ApiException.of(400, "Device signature has invalid length " + deviceSig.length + ".");
    }
    if (!Signatures.recover(deviceSig, digest).equals(unit.address)) {
      throw ApiException.of(400, "Aftermarket device signature invalid.");
    }
    unit.userId = request.principal().subject();
    unit.claim = state.new Tx(() -> unit.owner = user);
    return SandboxResponse.empty(200);
  }

  private SandboxState.Unit pairable(SandboxState.Vehicle vehicle, String serialText) {
    if (vehicle.tokenId == null) {
      throw ApiException.of(409, "Vehicle not yet minted.");
    }
    if (serialText == null || serialText.isEmpty()) {
      throw ApiException.of(400, "Serial required.");
    }
    String serial = serialText.trim().toLowerCase(Locale.ROOT);
    SandboxState.Unit unit = state.units.get(serial);
    if (unit == null) {
      throw ApiException.of(400, "No aftermarket device with serial \"" + serial + "\" known.");
    }
    if (unit.owner == null) {
      throw ApiException.of(409, "Aftermarket device not yet claimed.");
    }
    SandboxState.Unit paired = state.unitPairedWith(vehicle.tokenId);
    if (paired != null) {
      if (paired == unit) {
        throw ApiException.of(409, "Specified vehicle and aftermarket device are already paired.");
      }
      throw ApiException.of(409, "Vehicle already paired with aftermarket device " + paired.device.tokenId + ".");
    }
    if (unit.vehicleTokenId != null) {
      throw ApiException.of(409, "Aftermarket device already paired to vehicle " + unit.vehicleTokenId + ".");
    }
    if (unit.pair != null && unit.pair.inFlight()) {
      throw ApiException.of(409, "Aftermarket device already in the pairing process.");
    }
    return unit;
  }

  private Address userAddress(SandboxRequest request) {
    Address user = request.principal().address();
    if (user == null) {
      throw ApiException.of(409, "User does not have an Ethereum address.");
    }
    return user;
  }

  private SandboxResponse getPairPayload(SandboxRequest request) {
    SandboxState.Vehicle vehicle = UserDeviceRoutes.ownedVehicle(state, request);
    SandboxState.Unit unit = pairable(vehicle, request.query("external_id"));
    userAddress(request);
    return SandboxResponse.json(200,
        TypedDataPayloads.pair(state.config, unit.device.tokenId, vehicle.tokenId));
  }

  private SandboxResponse submitPair(SandboxRequest request) {
    final SandboxState.Vehicle vehicle = UserDeviceRoutes.ownedVehicle(state, request);
    UserDeviceRoutes.refuseBodilessPost(request);
    JsonBody body = JsonBody.parse(request, detail -> ApiException.of(400, "Couldn't parse request body."),
        "userSignature");
    String externalId = body.string("externalId");
    byte[] signature = body.hexBytes("signature");
    byte[] deviceSignature = body.hexBytes("aftermarketDeviceSignature");
    final SandboxState.Unit unit = pairable(vehicle, externalId);
    Address user = userAddress(request);
    byte[] digest = TypedDataPayloads.digest(
        TypedDataPayloads.pair(state.config, unit.device.tokenId, vehicle.tokenId));
    if (signature.length != 65) {
      throw ApiException.of(400, "User signature was not 65 bytes long.");
    }
    if (!Signatures.recover(signature, digest).equals(user)) {
      throw ApiException.of(400, "Incorrect user signature.");
    }
    if (!unit.owner.equals(vehicle.owner)) {
      if (deviceSignature.length != 65) {
        throw ApiException.of(400, "Aftermarket device signature was not 65 bytes long.");
      }
      if (!Signatures.recover(deviceSignature, digest).equals(unit.address)) {
        throw ApiException.of(400, "Incorrect aftermarket device signature.");
      }
    }
    final long vehicleTokenId = vehicle.tokenId;
    unit.unpair = null;
    unit.pair = state.new Tx(() -> unit.vehicleTokenId = vehicleTokenId);
    return SandboxResponse.empty(200);
  }

  private SandboxState.Unit unpairable(SandboxState.Vehicle vehicle) {
    if (vehicle.tokenId == null) {
      throw ApiException.of(409, "Vehicle not yet minted.");
    }
    SandboxState.Unit unit = state.unitPairedWith(vehicle.tokenId);
    if (unit == null) {
      throw ApiException.of(409, "Vehicle not paired with an aftermarket device.");
    }
    if (unit.unpair != null && unit.unpair.inFlight()) {
      throw ApiException.of(409, "Unpairing already in progress.");
    }
    return unit;
  }

  private SandboxResponse getUnpairPayload(SandboxRequest request) {
    SandboxState.Vehicle vehicle = UserDeviceRoutes.ownedVehicle(state, request);
    SandboxState.Unit unit = unpairable(vehicle);
    userAddress(request);
    return SandboxResponse.json(200,
        TypedDataPayloads.unpair(state.config, unit.device.tokenId, vehicle.tokenId));
  }

  private SandboxResponse submitUnpair(SandboxRequest request) {
    SandboxState.Vehicle vehicle = UserDeviceRoutes.ownedVehicle(state, request);
    UserDeviceRoutes.refuseBodilessPost(request);
    Address user = userAddress(request);
    final SandboxState.Unit unit = unpairable(vehicle);
    JsonBody body = JsonBody.parse(request, detail -> ApiException.of(400, "Couldn't parse request body."),
        "userSignature");
    byte[] signature = body.hexBytes("signature");
    byte[] digest = TypedDataPayloads.digest(
        TypedDataPayloads.unpair(state.config, unit.device.tokenId, vehicle.tokenId));
    if (signature.length != 65) {
      throw ApiException.of(400, "Signature has length " + signature.length + ", not the required 65.");
    }
    if (!Signatures.recover(signature, digest).equals(user)) {
      throw ApiException.of(400, "Invalid signature.");
    }
    unit.unpair = state.new Tx(() -> {
      unit.vehicleTokenId = null;
      unit.pair = null;
    });
    return SandboxResponse.empty(200);
  }
}
