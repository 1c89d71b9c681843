package zone.dimo.sdk.sandbox.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token exchange's vehicle permission names and the privilege ids they replace (its
 * {@code tokenclaims.PrivilegeIDToName}). The manufacturer vocabulary is not emulated: the sandbox
 * has no manufacturer contract.
 */
public final class Privileges {
  private Privileges() {}

  /** Privilege id → permission name, ids 1..8. */
  public static final Map<Long, String> ID_TO_NAME;
  /** Permission name → privilege id. */
  public static final Map<String, Long> NAME_TO_ID;
  static final List<Long> ALL_IDS = Collections.unmodifiableList(Arrays.asList(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));

  static {
    Map<Long, String> byId = new LinkedHashMap<>();
    byId.put(1L, "privilege:GetNonLocationHistory");
    byId.put(2L, "privilege:ExecuteCommands");
    byId.put(3L, "privilege:GetCurrentLocation");
    byId.put(4L, "privilege:GetLocationHistory");
    byId.put(5L, "privilege:GetVINCredential");
    byId.put(6L, "privilege:GetLiveData");
    byId.put(7L, "privilege:GetRawData");
    byId.put(8L, "privilege:GetApproximateLocation");
    Map<String, Long> byName = new LinkedHashMap<>();
    for (Map.Entry<Long, String> e : byId.entrySet()) {
      byName.put(e.getValue(), e.getKey());
    }
    ID_TO_NAME = Collections.unmodifiableMap(byId);
    NAME_TO_ID = Collections.unmodifiableMap(byName);
  }
}
