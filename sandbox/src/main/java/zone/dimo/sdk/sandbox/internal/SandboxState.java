package zone.dimo.sdk.sandbox.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.PrivateKey;

/**
 * Everything a sandbox remembers. Not thread-safe by itself: the server runs every request under
 * this object's monitor, so handlers see and change it atomically.
 */
final class SandboxState {
  final SandboxConfig config;
  final Map<String, Vehicle> vehicles = new LinkedHashMap<>();
  final Map<String, Unit> units = new LinkedHashMap<>();
  final Map<String, Geofence> geofences = new LinkedHashMap<>();
  final Map<String, Challenge> challenges = new LinkedHashMap<>();
  /** Developer licenses by contract address. */
  final Map<Address, License> licenses = new LinkedHashMap<>();
  /** Permissions owners shared with grantees (the sandbox's SACD records), in grant order. */
  final List<Grant> grants = new ArrayList<>();
  long nextVehicleTokenId = Provisioned.FIRST_VEHICLE_TOKEN_ID;
  int nextSmartcarSerial = 200001;

  SandboxState(SandboxConfig config) {
    this.config = config;
    for (Provisioned.Device device : Provisioned.DEVICES) {
      units.put(device.serial, new Unit(device));
    }
    for (Provisioned.License license : Provisioned.LICENSES) {
      byte[] key = license.apiKey();
      PrivateKey apiKey = PrivateKey.fromBytes(key);
      Address address = Address.fromBytes(license.address);
      licenses.put(address, new License(address, license.redirectUri, apiKey.address()));
      apiKey.destroy();
    }
  }

  /** A developer license: its contract address, redirect URI and the API key's address. */
  static final class License {
    final Address address;
    final String redirectUri;
    final Address signer;

    License(Address address, String redirectUri, Address signer) {
      this.address = address;
      this.redirectUri = redirectUri;
      this.signer = signer;
    }
  }

  /**
   * Privilege ids {@code grantor} shared with {@code grantee}: on one vehicle ({@code tokenId}),
   * or on every vehicle the grantor owns and on the grantor's account ({@code tokenId} null).
   * Like an on-chain permission record, a vehicle grant only counts while the grantor still owns
   * the vehicle.
   */
  static final class Grant {
    final Address grantor;
    final Long tokenId;
    final Address grantee;
    final java.util.Set<Long> privilegeIds;

    Grant(Address grantor, Long tokenId, Address grantee, java.util.Set<Long> privilegeIds) {
      this.grantor = grantor;
      this.tokenId = tokenId;
      this.grantee = grantee;
      this.privilegeIds = privilegeIds;
    }
  }

  /**
   * The privilege ids {@code grantee} holds on the vehicle {@code tokenId} of the configured
   * vehicle contract: all of them for the owner, else what the current owner shared.
   */
  java.util.Set<Long> vehiclePrivileges(long tokenId, Address grantee) {
    java.util.Set<Long> held = new java.util.TreeSet<>();
    Vehicle vehicle = vehicleByTokenId(tokenId);
    if (vehicle == null || vehicle.owner == null || grantee == null) {
      return held;
    }
    if (vehicle.owner.equals(grantee)) {
      held.addAll(Privileges.ALL_IDS);
      return held;
    }
    for (Grant grant : grants) {
      if (grant.grantee.equals(grantee) && grant.grantor.equals(vehicle.owner)
          && (grant.tokenId == null || grant.tokenId == tokenId)) {
        held.addAll(grant.privilegeIds);
      }
    }
    return held;
  }

  /** The privilege ids {@code grantee} holds on the account {@code grantor} (account-level grants). */
  java.util.Set<Long> accountPrivileges(Address grantor, Address grantee) {
    java.util.Set<Long> held = new java.util.TreeSet<>();
    for (Grant grant : grants) {
      if (grant.tokenId == null && grant.grantee.equals(grantee) && grant.grantor.equals(grantor)) {
        held.addAll(grant.privilegeIds);
      }
    }
    return held;
  }

  Instant now() {
    return config.clock.instant();
  }

  /** A meta-transaction: Submitted, then Confirmed after the configured number of reads. */
  final class Tx {
    final String hash = Ids.hash32();
    final Instant createdAt;
    Instant updatedAt;
    String status;
    private int pendingReads;
    private Runnable onConfirm;

    Tx(Runnable onConfirm) {
      this.createdAt = now();
      this.updatedAt = createdAt;
      this.pendingReads = config.pendingReads;
      this.onConfirm = onConfirm;
      this.status = "Submitted";
      if (pendingReads == 0) {
        confirm();
      }
    }

    /** One client read of the object this transaction changes. */
    void observe() {
      if (onConfirm == null) {
        return;
      }
      if (pendingReads == 0) {
        confirm();
      } else {
        pendingReads--;
      }
    }

    boolean inFlight() {
      return onConfirm != null;
    }

    private void confirm() {
      Runnable effect = onConfirm;
      onConfirm = null;
      status = "Confirmed";
      updatedAt = now();
      effect.run();
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("status", status);
      json.put("hash", hash);
      json.put("createdAt", createdAt.toString());
      json.put("updatedAt", updatedAt.toString());
      return json;
    }
  }

  static final class ErrorQuery {
    final List<String[]> codes;
    final Instant requestedAt;
    Instant clearedAt;

    ErrorQuery(List<String[]> codes, Instant requestedAt) {
      this.codes = codes;
      this.requestedAt = requestedAt;
    }
  }

  static final class Vehicle {
    final String id;
    final String userId;
    final Provisioned.Definition definition;
    final String countryCode;
    final Instant createdAt;
    final String canProtocol;
    final boolean smartcar;
    String vin;
    boolean vinConfirmed;
    Instant optedInAt;
    Instant lastRefresh;
    Tx mint;
    long reservedTokenId;
    Long tokenId;
    Address owner;
    final List<ErrorQuery> errorQueries = new ArrayList<>();

    Vehicle(String id, String userId, Provisioned.Definition definition, String countryCode,
        String vin, String canProtocol, boolean smartcar, Instant createdAt) {
      this.id = id;
      this.userId = userId;
      this.definition = definition;
      this.countryCode = countryCode;
      this.vin = vin;
      this.canProtocol = canProtocol;
      this.smartcar = smartcar;
      this.createdAt = createdAt;
    }
  }

  /** An aftermarket device. */
  static final class Unit {
    final Provisioned.Device device;
    final Address address;
    Address owner;
    String userId;
    Tx claim;
    Tx pair;
    Tx unpair;
    Long vehicleTokenId;

    Unit(Provisioned.Device device) {
      this.device = device;
      PrivateKey key = PrivateKey.fromBytes(device.privateKey());
      this.address = key.address();
      key.destroy();
    }
  }

  static final class Geofence {
    final String id;
    final String userId;
    final Instant createdAt;
    String name;
    String type;
    List<String> h3Indexes;
    List<String> userDeviceIds;
    Instant updatedAt;

    Geofence(String id, String userId, Instant createdAt) {
      this.id = id;
      this.userId = userId;
      this.createdAt = createdAt;
    }
  }

  static final class Challenge {
    final String state;
    final String clientId;
    final Address address;
    final String text;
    final Instant issuedAt;

    Challenge(String state, String clientId, Address address, String text, Instant issuedAt) {
      this.state = state;
      this.clientId = clientId;
      this.address = address;
      this.text = text;
      this.issuedAt = issuedAt;
    }
  }

  Vehicle vehicleByTokenId(long tokenId) {
    for (Vehicle v : vehicles.values()) {
      if (v.tokenId != null && v.tokenId == tokenId) {
        return v;
      }
    }
    return null;
  }

  Unit unitPairedWith(long vehicleTokenId) {
    for (Unit u : units.values()) {
      if (u.vehicleTokenId != null && u.vehicleTokenId == vehicleTokenId) {
        return u;
      }
    }
    return null;
  }

  boolean vinConfirmedElsewhere(String vin, String exceptVehicleId) {
    for (Vehicle v : vehicles.values()) {
      if (v.vinConfirmed && vin.equals(v.vin) && !v.id.equals(exceptVehicleId)) {
        return true;
      }
    }
    return false;
  }
}
