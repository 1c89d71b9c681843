package zone.dimo.sdk.samples;

import static zone.dimo.sdk.samples.StepRunner.require;
import static zone.dimo.sdk.samples.StepRunner.skip;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.Permission;
import zone.dimo.sdk.VehicleTokenClaims;
import zone.dimo.sdk.devices.model.AftermarketDeviceInfo;
import zone.dimo.sdk.devices.model.CommandResponse;
import zone.dimo.sdk.devices.model.CreateVehicleFromSmartcarRequest;
import zone.dimo.sdk.devices.model.CreateVehicleFromVinRequest;
import zone.dimo.sdk.devices.model.CreateVehicleRequest;
import zone.dimo.sdk.devices.model.ErrorCodeDescription;
import zone.dimo.sdk.devices.model.ErrorCodeQuery;
import zone.dimo.sdk.devices.model.ErrorCodeQueryList;
import zone.dimo.sdk.devices.model.ErrorCodesResult;
import zone.dimo.sdk.devices.model.Geofence;
import zone.dimo.sdk.devices.model.GeofenceList;
import zone.dimo.sdk.devices.model.GeofenceRequest;
import zone.dimo.sdk.devices.model.GeofenceType;
import zone.dimo.sdk.devices.model.MetaTransactionStatus;
import zone.dimo.sdk.devices.model.MyDevicesResponse;
import zone.dimo.sdk.devices.model.NftMetadata;
import zone.dimo.sdk.devices.model.SubmitErrorCodesRequest;
import zone.dimo.sdk.devices.model.TransactionStatus;
import zone.dimo.sdk.devices.model.UserDevice;
import zone.dimo.sdk.devices.model.UserDeviceIntegration;
import zone.dimo.sdk.errors.RateLimitedException;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;
import zone.dimo.sdk.spec.DimoCall;

/**
 * The walkthrough's steps, in order. Each step uses what earlier steps found (the vehicle, its
 * token id, the device); when that is missing the step is skipped with the same reason as the
 * step that should have produced it, so a missing option is named all the way down.
 */
final class Tour {
  /** Privilege 2, "execute commands": what the door, frunk and trunk commands need. */
  static final Set<Permission> EXECUTE_COMMANDS = Set.of(Permission.EXECUTE_COMMANDS);
  /** Resolution-9 H3 cells in San Francisco (any valid cells would do). */
  static final String H3_CELL = "8928308280fffff";
  static final String H3_NEIGHBOUR = "8928308280bffff";
  static final List<String> ERROR_CODES = List.of("P0113", "P0300");

  private static final Duration FIRST_POLL = Duration.ofMillis(500);
  private static final Duration MAX_POLL = Duration.ofSeconds(8);

  private final DimoClient client;
  private final Target target;
  private final Secp256k1Signer user;
  private final StepRunner steps;
  private final Map<String, StepResult> results = new HashMap<>();

  // What the steps found so far (null: not yet, or the step did not pass).
  private Boolean loggedIn;
  private UserDevice vinVehicle;
  private UserDevice definitionVehicle;
  private UserDevice smartcarVehicle;
  private List<UserDevice> myVehicles;
  private UserDevice mintable;
  private String minting;
  private Long vehicleTokenId;
  private String errorCodesVehicle;
  private String geofenceId;
  private String geofenceName;
  private AftermarketDeviceInfo device;
  private Boolean claimed;
  private Boolean paired;
  private DimoClient license;

  Tour(DimoClient client, Target target, Secp256k1Signer user, StepRunner steps) {
    this.client = client;
    this.target = target;
    this.user = user;
    this.steps = steps;
  }

  /** The step names, in the order {@link #run()} runs them. */
  static final List<String> STEP_NAMES = List.of(
      "auth.login",
      "vehicle.createFromVin",
      "vehicle.createFromDefinition",
      "vehicle.createFromSmartcar",
      "vehicle.list",
      "vehicle.confirmVin",
      "mint.submit",
      "mint.wait",
      "vehicle.optIn",
      "vehicle.refresh",
      "token.exchange",
      "command.lockDoors",
      "command.unlockDoors",
      "command.openFrunk",
      "command.openTrunk",
      "errorCodes.submit",
      "errorCodes.list",
      "errorCodes.clear",
      "geofence.create",
      "geofence.list",
      "geofence.update",
      "geofence.delete",
      "aftermarket.info",
      "aftermarket.claim",
      "aftermarket.pair",
      "aftermarket.unpair",
      "license.login",
      "license.vehicleToken",
      "license.lockDoors",
      "public.aftermarketDevice",
      "public.aftermarketByAddress",
      "public.aftermarketImage",
      "public.syntheticDevice",
      "public.dcn",
      "public.dcnImage");

  // The service's swagger marks the DCN lookups deprecated; they still answer, and the
  // walkthrough covers every operation.
  @SuppressWarnings("deprecation")
  void run() {
    step("auth.login", this::login);
    step("vehicle.createFromVin", this::createFromVin);
    step("vehicle.createFromDefinition", this::createFromDefinition);
    step("vehicle.createFromSmartcar", this::createFromSmartcar);
    step("vehicle.list", this::listVehicles);
    step("vehicle.confirmVin", this::confirmVin);
    step("mint.submit", this::mint);
    step("mint.wait", this::waitForMint);
    step("vehicle.optIn", this::optIn);
    step("vehicle.refresh", this::refresh);
    step("token.exchange", this::exchangeToken);
    step("command.lockDoors", () -> command(client.vehicleCommands().lockDoors(mintedToken())));
    step("command.unlockDoors", () -> command(client.vehicleCommands().unlockDoors(mintedToken())));
    step("command.openFrunk", () -> command(client.vehicleCommands().openFrunk(mintedToken())));
    step("command.openTrunk", () -> command(client.vehicleCommands().openTrunk(mintedToken())));
    step("errorCodes.submit", this::submitErrorCodes);
    step("errorCodes.list", this::listErrorCodes);
    step("errorCodes.clear", this::clearErrorCodes);
    step("geofence.create", this::createGeofence);
    step("geofence.list", this::listGeofences);
    step("geofence.update", this::updateGeofence);
    step("geofence.delete", this::deleteGeofence);
    step("aftermarket.info", this::deviceInfo);
    step("aftermarket.claim", this::claim);
    step("aftermarket.pair", this::pair);
    step("aftermarket.unpair", this::unpair);
    step("license.login", this::licenseLogin);
    step("license.vehicleToken", this::licenseVehicleToken);
    step("license.lockDoors", () -> command(needs(license, "license.login").vehicleCommands()
        .lockDoors(mintedToken())));
    step("public.aftermarketDevice", () -> describe(
        client.nftMetadata().getAftermarketDeviceMetadata(deviceTokenId()).execute()));
    step("public.aftermarketByAddress", () -> describe(client.nftMetadata().getAftermarketDeviceMetadataByAddress(deviceAddress()).execute()));
    step("public.aftermarketImage", () ->
        describe(client.nftMetadata().getAftermarketDeviceImage(deviceTokenId()).execute()));
    step("public.syntheticDevice", () -> describe(client.nftMetadata().getSyntheticDeviceMetadata(require(target.syntheticDeviceTokenId(),
            "missing --synthetic-device-token-id")).execute()));
    step("public.dcn", () -> describe(client.dcn().getDcnMetadata(dcnNode()).execute()));
    step("public.dcnImage", () -> describe(client.dcn().getDcnImage(dcnNode()).execute()));
  }

  // --- login and vehicles -------------------------------------------------------------------

  private String login() {
    require(target.clientId(), "missing --client-id");
    require(target.domain(), "missing --domain");
    // The first token() call runs the Web3 challenge (generate, personal_sign, submit); the
    // provider then caches the access token for every later call.
    client.userTokens().token();
    loggedIn = true;
    return "as " + user.address();
  }

  private String createFromVin() {
    needs(loggedIn, "auth.login");
    String vin = require(target.vin(), "missing --vin");
    vinVehicle = client.userDevices().createVehicleFromVin(
        CreateVehicleFromVinRequest.builder().countryCode(target.countryCode()).vin(vin).build()).execute()
        .userDevice();
    return describe(vinVehicle);
  }

  private String createFromDefinition() {
    needs(loggedIn, "auth.login");
    UserDevice fromVin = needs(vinVehicle, "vehicle.createFromVin");
    String definitionId = fromVin.deviceDefinition().deviceDefinitionId();
    definitionVehicle = client.userDevices().createVehicle(
        CreateVehicleRequest.builder().countryCode(target.countryCode())
            .deviceDefinitionId(definitionId).build()).execute().userDevice();
    return describe(definitionVehicle) + ", definition " + definitionId;
  }

  private String createFromSmartcar() {
    needs(loggedIn, "auth.login");
    String code = require(target.smartcarCode(), "missing --smartcar-code");
    String redirectUri = require(target.smartcarRedirectUri(), "missing --smartcar-redirect-uri");
    smartcarVehicle = client.userDevices().createVehicleFromSmartcar(
        CreateVehicleFromSmartcarRequest.builder().code(code).redirectURI(redirectUri)
            .countryCode(target.countryCode()).build()).execute().userDevice();
    return describe(smartcarVehicle);
  }

  private String listVehicles() {
    needs(loggedIn, "auth.login");
    MyDevicesResponse mine = client.userDevices().listMyVehicles().execute();
    myVehicles = mine.userDevices() == null ? List.of() : mine.userDevices();
    for (UserDevice created : new UserDevice[] {vinVehicle, definitionVehicle, smartcarVehicle}) {
      if (created != null && myVehicles.stream().noneMatch(v -> created.id().equals(v.id()))) {
        throw new IllegalStateException("vehicle " + created.id() + " is not in the list");
      }
    }
    return myVehicles.size() + (myVehicles.size() == 1 ? " vehicle" : " vehicles");
  }

  /**
   * Minting needs a confirmed VIN. An aftermarket device confirms it by signing keccak256(VIN)
   * with its key (a vehicle connected through Smartcar or an AutoPi gets it confirmed on the
   * service's side).
   */
  private String confirmVin() {
    UserDevice vehicle = needs(vinVehicle, "vehicle.createFromVin");
    if (Boolean.TRUE.equals(vehicle.vinConfirmed())) {
      mintable = vehicle;
      throw skip("not needed: the VIN is already confirmed");
    }
    require(target.aftermarketKey(), "missing --aftermarket-key-file");
    String vin = vehicle.vin();
    client.confirmVin(vehicle.id(), vin, Secp256k1Signer.of(target.aftermarketKey()));
    mintable = vehicle;
    return "VIN " + vin + " signed by device " + target.aftermarketKey().address();
  }

  private String mint() {
    UserDevice vehicle = needs(mintable, "vehicle.confirmVin");
    Long existing = mintedTokenId(vehicle.id());
    if (existing != null) {
      // Creating a vehicle from a VIN the user already has returns that vehicle; running the
      // walkthrough again with the same key and VIN finds it minted.
      minting = vehicle.id();
      throw skip("not needed: vehicle " + vehicle.id() + " is already minted as token "
          + existing);
    }
    // Fetches the EIP-712 payload, checks its domain against the environment, signs it with the
    // user's key and submits it with the image; the NFT is minted on chain afterwards.
    client.mintVehicle(vehicle.id(), user, SampleImages.vehiclePng());
    minting = vehicle.id();
    return "vehicle " + vehicle.id() + " signed by " + user.address();
  }

  private Long mintedTokenId(String vehicleId) {
    List<UserDevice> known = new ArrayList<>(nonNull(myVehicles));
    known.add(vinVehicle);
    for (UserDevice vehicle : known) {
      if (vehicle != null && vehicleId.equals(vehicle.id()) && vehicle.nft() != null
          && vehicle.nft().tokenId() != null) {
        return vehicle.nft().tokenId();
      }
    }
    return null;
  }

  private String waitForMint() {
    String id = needs(minting, "mint.submit");
    vehicleTokenId = client.waitForMint(id, target.timeout());
    return "vehicle NFT token id " + vehicleTokenId;
  }

  private String optIn() {
    String id = anyVehicle();
    client.userDevices().optIn(id).execute();
    return "vehicle " + id;
  }

  private String refresh() {
    needs(loggedIn, "auth.login");
    String id = smartcarVehicleId();
    try {
      client.userDevices().refreshData(id).execute();
    } catch (RateLimitedException e) {
      // One refresh per vehicle per hour: when a previous run just refreshed, the service's
      // answer is still the right one.
      return "vehicle " + id + " rate-limited: " + e.errorMessage();
    }
    return "vehicle " + id + " (Smartcar)";
  }

  private String smartcarVehicleId() {
    List<UserDevice> known = new ArrayList<>();
    if (smartcarVehicle != null) {
      known.add(smartcarVehicle);
    }
    if (myVehicles != null) {
      known.addAll(myVehicles);
    }
    for (UserDevice vehicle : known) {
      for (UserDeviceIntegration integration : nonNull(vehicle.integrations())) {
        if ("SmartCar".equalsIgnoreCase(integration.integrationVendor())) {
          return vehicle.id();
        }
      }
    }
    StepResult creation = results.get("vehicle.createFromSmartcar");
    if (creation != null && creation.outcome() == StepResult.Outcome.SKIPPED) {
      throw skip("no vehicle with a Smartcar integration: " + creation.detail());
    }
    throw skip("no vehicle with a Smartcar integration");
  }

  // --- a developer license acting on the owner's vehicle -------------------------------------

  /**
   * How a backend works with DIMO today: it logs in as its developer license (the challenge
   * signed by the license's API key) and exchanges that token for vehicle tokens of vehicles
   * whose owners shared them with the license.
   */
  private String licenseLogin() {
    String clientId = require(target.clientId(), "missing --client-id (the license address)");
    String domain = require(target.domain(), "missing --domain");
    PrivateKey apiKey = require(target.licenseKey(), "missing --license-key-file");
    Address address = Address.fromHex(clientId);
    // The same environment and HTTP stack; the license's token is what the exchange gets.
    license = client.newBuilder()
        .developerLicense(address, domain, Secp256k1Signer.of(apiKey))
        .build();
    license.licenseTokens().token();
    return "as license " + address;
  }

  private String licenseVehicleToken() {
    DimoClient backend = needs(license, "license.login");
    VehicleTokenClaims claims = backend.vehicleTokens()
        .claims(mintedToken(), EXECUTE_COMMANDS);
    return "asset " + claims.asset() + ", " + claims.permissions() + ", issued to "
        + claims.subject();
  }

  // --- token exchange and commands -----------------------------------------------------------

  private String exchangeToken() {
    long tokenId = mintedToken();
    // Cached by the provider: the commands below reuse this token until shortly before it expires.
    client.vehicleTokens().token(tokenId, EXECUTE_COMMANDS);
    return "permission privilege:ExecuteCommands on vehicle " + tokenId;
  }

  private String command(DimoCall<CommandResponse> call) {
    CommandResponse response = call.execute();
    return "request id " + response.requestId();
  }

  private long mintedToken() {
    return needs(vehicleTokenId, "mint.wait");
  }

  // --- error codes -----------------------------------------------------------------------------

  private String submitErrorCodes() {
    String id = anyVehicle();
    ErrorCodesResult result = client.errorCodes().submitErrorCodes(id,
        SubmitErrorCodesRequest.builder().errorCodes(ERROR_CODES).build()).execute();
    errorCodesVehicle = id;
    return codes(result.errorCodes());
  }

  private String listErrorCodes() {
    String id = needs(errorCodesVehicle, "errorCodes.submit");
    ErrorCodeQueryList list = client.errorCodes().listErrorCodes(id).execute();
    List<ErrorCodeQuery> queries = nonNull(list.queries());
    if (queries.isEmpty()) {
      throw new IllegalStateException("no error code queries listed after submitting some");
    }
    return queries.size() + (queries.size() == 1 ? " query" : " queries") + ", latest "
        + codes(queries.get(queries.size() - 1).errorCodes());
  }

  private String clearErrorCodes() {
    String id = needs(errorCodesVehicle, "errorCodes.submit");
    ErrorCodesResult result = client.errorCodes().clearErrorCodes(id).execute();
    return "cleared at " + result.clearedAt();
  }

  private static String codes(List<ErrorCodeDescription> codes) {
    List<String> names = new ArrayList<>();
    for (ErrorCodeDescription code : nonNull(codes)) {
      names.add(code.code());
    }
    return String.join(", ", names);
  }

  // --- geofences --------------------------------------------------------------------------------

  private String createGeofence() {
    needs(loggedIn, "auth.login");
    // Names are unique per user; a suffix lets the walkthrough run again with the same key.
    geofenceName = "walkthrough " + UUID.randomUUID().toString().substring(0, 8);
    List<String> vehicles = minting != null && vehicleTokenId != null ? List.of(minting) : List.of();
    geofenceId = client.geofences().createGeofence(GeofenceRequest.builder()
        .name(geofenceName)
        .type(GeofenceType.TRIGGER_ENTRY)
        .h3Indexes(List.of(H3_CELL))
        .userDeviceIds(vehicles).build()).execute().id();
    return "\"" + geofenceName + "\" id " + geofenceId + (vehicles.isEmpty() ? "" : " on " + minting);
  }

  private String listGeofences() {
    String id = needs(geofenceId, "geofence.create");
    GeofenceList list = client.geofences().listGeofences().execute();
    List<Geofence> fences = nonNull(list.geofences());
    if (fences.stream().noneMatch(fence -> id.equals(fence.id()))) {
      throw new IllegalStateException("geofence " + id + " is not in the list");
    }
    return fences.size() + (fences.size() == 1 ? " geofence" : " geofences");
  }

  private String updateGeofence() {
    String id = needs(geofenceId, "geofence.create");
    List<String> vehicles = minting != null && vehicleTokenId != null ? List.of(minting) : List.of();
    client.geofences().updateGeofence(id, GeofenceRequest.builder()
        .name(geofenceName + " (privacy)")
        .type(GeofenceType.PRIVACY_FENCE)
        .h3Indexes(List.of(H3_CELL, H3_NEIGHBOUR))
        .userDeviceIds(vehicles).build()).execute();
    return "now a PrivacyFence over 2 cells";
  }

  private String deleteGeofence() {
    String id = needs(geofenceId, "geofence.create");
    client.geofences().deleteGeofence(id).execute();
    return "id " + id;
  }

  // --- aftermarket device -------------------------------------------------------------------------

  private String deviceInfo() {
    String serial = require(target.aftermarketSerial(), "missing --aftermarket-serial");
    needs(loggedIn, "auth.login");
    device = client.aftermarketDevices().getAftermarketDevice(serial).execute();
    return "token id " + device.tokenId() + ", " + manufacturer(device) + ", owner "
        + (device.ownerAddress() == null ? "none" : device.ownerAddress());
  }

  private String claim() throws Exception {
    AftermarketDeviceInfo info = needs(device, "aftermarket.info");
    String serial = target.aftermarketSerial();
    if (ownedByUser(info)) {
      claimed = true;
      throw skip("not needed: already claimed by " + user.address());
    }
    require(target.aftermarketKey(), "missing --aftermarket-key-file");
    // The claim payload is signed twice: by the user and by the device itself.
    client.claimAftermarketDevice(serial, user, Secp256k1Signer.of(target.aftermarketKey()));
    awaitDevice(serial, this::ownedByUser, AftermarketDeviceInfo::claim, "claim");
    claimed = true;
    return "serial " + serial + " now owned by " + user.address();
  }

  private String pair() throws Exception {
    needs(claimed, "aftermarket.claim");
    long tokenId = mintedToken();
    String serial = target.aftermarketSerial();
    // The user owns both the vehicle and the device, so the user's signature is enough.
    client.pairAftermarketDevice(minting, serial, user);
    awaitDevice(serial, info -> confirmed(info.pair()), AftermarketDeviceInfo::pair, "pair");
    paired = true;
    return "serial " + serial + " with vehicle " + tokenId;
  }

  private String unpair() throws Exception {
    needs(paired, "aftermarket.pair");
    String serial = target.aftermarketSerial();
    client.unpairAftermarketDevice(minting, serial, user);
    awaitDevice(serial, info -> confirmed(info.unpair()), AftermarketDeviceInfo::unpair,
        "unpair");
    return "serial " + serial + " from vehicle " + vehicleTokenId;
  }

  private boolean ownedByUser(AftermarketDeviceInfo info) {
    return info.ownerAddress() != null
        && Address.fromHex(info.ownerAddress()).equals(user.address());
  }

  private static boolean confirmed(TransactionStatus status) {
    return status != null && status.status() == MetaTransactionStatus.CONFIRMED;
  }

  /**
   * Claims, pairings and unpairings are transactions the service submits on chain; reads show
   * them {@code Submitted} until they are {@code Confirmed}.
   */
  private void awaitDevice(String serial, Predicate<AftermarketDeviceInfo> done,
      Function<AftermarketDeviceInfo, TransactionStatus> transaction,
      String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(target.timeout());
    Duration wait = FIRST_POLL;
    while (true) {
      AftermarketDeviceInfo info =
          client.aftermarketDevices().getAftermarketDevice(serial).execute();
      if (done.test(info)) {
        device = info;
        return;
      }
      TransactionStatus status = transaction.apply(info);
      if (status != null && status.status() == MetaTransactionStatus.FAILED) {
        throw new IllegalStateException(what + " transaction failed: " + status.failureReason());
      }
      if (Instant.now().plus(wait).isAfter(deadline)) {
        throw new IllegalStateException(what + " not confirmed within " + target.timeout()
            + " (status " + (status == null ? "none" : status.status()) + ")");
      }
      Thread.sleep(wait.toMillis());
      wait = wait.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : wait.multipliedBy(2);
    }
  }

  private long deviceTokenId() {
    AftermarketDeviceInfo info = needs(device, "aftermarket.info");
    return require(info.tokenId(), "the device has no token id (not minted)");
  }

  private String deviceAddress() {
    return require(needs(device, "aftermarket.info").ethereumAddress(),
        "the device has no Ethereum address");
  }

  private String dcnNode() {
    return require(target.dcnNode(), "missing --dcn-node");
  }

  // --- helpers -------------------------------------------------------------------------------------

  private void step(String name, StepRunner.Body body) {
    results.put(name, steps.run(name, body));
  }

  /**
   * Returns what step {@code producer} found, or skips the current step: with the producer's own
   * reason when it was skipped (so "missing --vin" reaches every step that depends on the VIN),
   * or saying it failed.
   */
  private <T> T needs(T value, String producer) {
    if (value != null) {
      return value;
    }
    StepResult result = results.get(producer);
    if (result != null && result.outcome() == StepResult.Outcome.SKIPPED) {
      throw skip(result.detail().startsWith("not needed") ? "needs " + producer : result.detail());
    }
    throw skip("needs " + producer + ", which "
        + (result == null || result.outcome() == StepResult.Outcome.PASSED ? "found nothing" : "failed"));
  }

  /** The minted vehicle if there is one, otherwise any vehicle created in this run. */
  private String anyVehicle() {
    needs(loggedIn, "auth.login");
    if (minting != null) {
      return minting;
    }
    for (UserDevice vehicle : new UserDevice[] {vinVehicle, definitionVehicle, smartcarVehicle}) {
      if (vehicle != null) {
        return vehicle.id();
      }
    }
    return needs(null, "vehicle.createFromVin");
  }

  private static String describe(UserDevice vehicle) {
    String name = vehicle.deviceDefinition() == null ? null
        : vehicle.deviceDefinition().name();
    return "vehicle " + vehicle.id() + (name == null ? "" : " (" + name + ")");
  }

  private static String describe(NftMetadata metadata) {
    int attributes = nonNull(metadata.attributes()).size();
    return "\"" + metadata.name() + "\", " + attributes
        + (attributes == 1 ? " attribute" : " attributes");
  }

  private static String describe(ResponseBody body) throws java.io.IOException {
    try (ResponseBody image = body) {
      MediaType type = image.contentType();
      return (type == null ? "no content type" : type.type() + "/" + type.subtype()) + ", "
          + image.bytes().length + " bytes";
    }
  }

  private static String manufacturer(AftermarketDeviceInfo info) {
    return info.manufacturer() == null ? "unknown maker" : info.manufacturer().name();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
