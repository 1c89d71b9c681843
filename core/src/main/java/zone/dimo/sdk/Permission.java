package zone.dimo.sdk;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a vehicle token lets its holder do with one vehicle, by the names the Token Exchange API
 * uses ({@code privilege:ExecuteCommands}) and the numeric privilege ids of DIMO's older
 * contract and docs (2). Vehicle owners grant these to developer licenses; the Token Exchange
 * puts them into the vehicle tokens it issues.
 */
public enum Permission {
  /** Read non-location history (privilege 1). */
  GET_NON_LOCATION_HISTORY(1, "privilege:GetNonLocationHistory"),
  /** Send commands: lock, unlock, frunk, trunk (privilege 2). */
  EXECUTE_COMMANDS(2, "privilege:ExecuteCommands"),
  /** Read the current location (privilege 3; DIMO deprecated it for approximate location). */
  GET_CURRENT_LOCATION(3, "privilege:GetCurrentLocation"),
  /** Read location history (privilege 4). */
  GET_LOCATION_HISTORY(4, "privilege:GetLocationHistory"),
  /** Read the VIN credential (privilege 5). */
  GET_VIN_CREDENTIAL(5, "privilege:GetVINCredential"),
  /** Read live data (privilege 6). */
  GET_LIVE_DATA(6, "privilege:GetLiveData"),
  /** Read raw data (privilege 7). */
  GET_RAW_DATA(7, "privilege:GetRawData"),
  /** Read the approximate location (privilege 8). */
  GET_APPROXIMATE_LOCATION(8, "privilege:GetApproximateLocation");

  private final int privilegeId;
  private final String wireName;

  Permission(int privilegeId, String wireName) {
    this.privilegeId = privilegeId;
    this.wireName = wireName;
  }

  /**
   * The numeric privilege id of DIMO's older token-exchange contract.
   *
   * @return the id, 1 to 8
   */
  public int privilegeId() {
    return privilegeId;
  }

  /**
   * The name the Token Exchange API and the spec's {@code x-dimo-vehicle-permissions} use.
   *
   * @return e.g. {@code "privilege:ExecuteCommands"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The permission named {@code wireName}.
   *
   * @param wireName e.g. {@code "privilege:ExecuteCommands"}
   * @return the permission
   * @throws IllegalArgumentException when no permission has that name
   */
  public static Permission fromWireName(String wireName) {
    Objects.requireNonNull(wireName, "wireName == null");
    Permission permission = lookup(wireName);
    if (permission == null) {
      throw new IllegalArgumentException("Unknown permission name \"" + wireName
          + "\"; known names look like \"privilege:ExecuteCommands\"");
    }
    return permission;
  }

  /**
   * The permission with numeric privilege id {@code privilegeId}.
   *
   * @param privilegeId 1 to 8
   * @return the permission
   * @throws IllegalArgumentException for any other id
   */
  public static Permission fromPrivilegeId(int privilegeId) {
    for (Permission permission : values()) {
      if (permission.privilegeId == privilegeId) {
        return permission;
      }
    }
    throw new IllegalArgumentException("Unknown privilege id " + privilegeId
        + "; DIMO's privilege ids are 1 to 8");
  }

  static @Nullable Permission lookup(String wireName) {
    for (Permission permission : values()) {
      if (permission.wireName.equals(wireName)) {
        return permission;
      }
    }
    return null;
  }
}
