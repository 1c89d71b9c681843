package zone.dimo.sdk.sandbox.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.LinkedHashMap;

/**
 * Geofences: names unique per user, type PrivacyFence, TriggerEntry or TriggerExit, at most 12
 * H3 cells, optional vehicles that the user owns and that are minted. Validation errors use the
 * geofence handlers' {@code {errorMessage}} body; errors about the vehicles come from a shared
 * helper and use {@code {code, message}}, as in the service. Differences: the sandbox validates
 * each H3 index ({@link H3Cells}), checks name uniqueness on update as well, answers 404 for an
 * unknown id on update (the service's update returns 500) and lists every fence of the user
 * (the service lists nothing unless a fence is attached to a vehicle).
 */
final class GeofenceRoutes {
  static final int MAX_TILES = 12;
  static final List<String> TYPES = Arrays.asList("PrivacyFence", "TriggerEntry", "TriggerExit");

  private final SandboxState state;

  GeofenceRoutes(SandboxState state) {
    this.state = state;
  }

  void register(Router router) {
    router.add("GET", "/v1/user/geofences", Router.Security.USER, this::list);
    router.add("POST", "/v1/user/geofences", Router.Security.USER, this::create);
    router.add("PUT", "/v1/user/geofences/{geofenceId}", Router.Security.USER, this::update);
    router.add("DELETE", "/v1/user/geofences/{geofenceId}", Router.Security.USER, this::delete);
  }

  private static final class Fence {
    String name;
    String type;
    List<String> h3;
    List<String> userDeviceIds;
  }

  private Fence parse(SandboxRequest request) {
    JsonBody body = JsonBody.parse(request, detail -> ApiException.errorMessage(400, detail));
    Fence f = new Fence();
    f.name = body.string("name");
    f.type = body.string("type");
    f.h3 = body.strings("h3Indexes");
    f.userDeviceIds = body.strings("userDeviceIds");
    Map<String, String> errors = new TreeMap<>();
    if (f.name.isEmpty()) {
      errors.put("name", "cannot be blank");
    }
    if (f.type.isEmpty()) {
      errors.put("type", "cannot be blank");
    } else if (!TYPES.contains(f.type)) {
      errors.put("type", "must be a valid value");
    }
    if (f.h3 != null && f.h3.size() > MAX_TILES) {
      errors.put("h3Indexes", "the length must be no more than " + MAX_TILES);
    } else if (f.h3 != null) {
      for (int i = 0; i < f.h3.size(); i++) {
        if (!H3Cells.isValidCell(f.h3.get(i))) {
          errors.put("h3Indexes", "(" + i + ") \"" + f.h3.get(i) + "\" is not a valid H3 cell index");
          break;
        }
      }
    }
    if (!errors.isEmpty()) {
      StringBuilder message = new StringBuilder();
      for (Map.Entry<String, String> e : errors.entrySet()) {
        if (message.length() > 0) {
          message.append("; ");
        }
        message.append(e.getKey()).append(": ").append(e.getValue());
      }
      throw ApiException.errorMessage(400, message.append('.').toString());
    }
    if (f.h3 == null) {
      f.h3 = new ArrayList<>();
    }
    if (f.userDeviceIds == null) {
      f.userDeviceIds = new ArrayList<>();
    }
    return f;
  }

  private void checkName(String userId, String name, String exceptId) {
    for (SandboxState.Geofence g : state.geofences.values()) {
      if (g.userId.equals(userId) && g.name.equals(name) && !g.id.equals(exceptId)) {
        throw ApiException.errorMessage(400, "Geofence with that name already exists for this user");
      }
    }
  }

  private List<String> checkVehicles(SandboxRequest request, List<String> ids) {
    Principal p = request.principal();
    List<String> out = new ArrayList<>(new LinkedHashSet<>(ids));
    for (String id : out) {
      SandboxState.Vehicle v = state.vehicles.get(id);
      boolean owns = v != null && (v.userId.equals(p.subject()) || (v.owner != null && v.owner.equals(p.address())));
      if (!owns) {
        throw ApiException.of(400, "User doesn't own a device with id \"" + id + "\".");
      }
      if (v.tokenId == null) {
        throw ApiException.of(400, "Mint device " + id + " before attaching a geofence to it.");
      }
    }
    return out;
  }

  private SandboxResponse create(SandboxRequest request) {
    Fence f = parse(request);
    String userId = request.principal().subject();
    checkName(userId, f.name, "");
    List<String> vehicles = checkVehicles(request, f.userDeviceIds);
    SandboxState.Geofence g = new SandboxState.Geofence(Ids.ksuid(), userId, state.now());
    apply(g, f, vehicles);
    state.geofences.put(g.id, g);
    return SandboxResponse.json(201, UserDeviceRoutes.single("id", g.id));
  }

  private SandboxState.Geofence owned(SandboxRequest request) {
    SandboxState.Geofence g = state.geofences.get(request.param("geofenceId"));
    if (g == null || !g.userId.equals(request.principal().subject())) {
      throw ApiException.errorMessage(404, "sql: no rows in result set");
    }
    return g;
  }

  private SandboxResponse update(SandboxRequest request) {
    Fence f = parse(request);
    SandboxState.Geofence g = owned(request);
    checkName(g.userId, f.name, g.id);
    List<String> vehicles = new ArrayList<>(g.userDeviceIds);
    vehicles.addAll(f.userDeviceIds);
    apply(g, f, checkVehicles(request, vehicles));
    return SandboxResponse.empty(204);
  }

  private void apply(SandboxState.Geofence g, Fence f, List<String> vehicles) {
    g.name = f.name;
    g.type = f.type;
    g.h3Indexes = new ArrayList<>(f.h3);
    g.userDeviceIds = vehicles;
    g.updatedAt = state.now();
  }

  private SandboxResponse delete(SandboxRequest request) {
    SandboxState.Geofence g = owned(request);
    state.geofences.remove(g.id);
    return SandboxResponse.empty(204);
  }

  private SandboxResponse list(SandboxRequest request) {
    String userId = request.principal().subject();
    List<Object> fences = new ArrayList<>();
    for (SandboxState.Geofence g : state.geofences.values()) {
      if (!g.userId.equals(userId)) {
        continue;
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", g.id);
      json.put("name", g.name);
      json.put("type", g.type);
      json.put("h3Indexes", new ArrayList<Object>(g.h3Indexes));
      List<Object> devices = new ArrayList<>();
      for (String id : g.userDeviceIds) {
        SandboxState.Vehicle v = state.vehicles.get(id);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("userDeviceId", id);
        d.put("name", null);
        d.put("mmy", v == null ? "" : v.definition.displayName());
        devices.add(d);
      }
      json.put("userDevices", devices.isEmpty() ? null : devices);
      json.put("createdAt", g.createdAt.toString());
      json.put("updatedAt", g.updatedAt.toString());
      fences.add(json);
    }
    return SandboxResponse.json(200, UserDeviceRoutes.single("geofences", fences));
  }
}
