package zone.dimo.sdk.sandbox.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vehicle error codes: at most 100 per submission, each 5-8 characters (empty strings are
 * skipped, as the service does); the answer and the stored query carry a description per code
 * (the service asks a language model; the sandbox has a small table and a generic text).
 * Clearing marks the latest query; clearing it twice is a 400, as in the service's code.
 */
final class ErrorCodeRoutes {
  static final int MAX_CODES = 100;
  private static final Map<String, String> DESCRIPTIONS = new HashMap<>();

  static {
    DESCRIPTIONS.put("P0106", "Manifold absolute pressure/barometric pressure circuit range/performance problem");
    DESCRIPTIONS.put("P0148", "Fuel delivery error");
    DESCRIPTIONS.put("P0171", "System too lean (bank 1)");
    DESCRIPTIONS.put("P0279", "Cylinder 7 injector circuit low");
    DESCRIPTIONS.put("P0300", "Random/multiple cylinder misfire detected");
    DESCRIPTIONS.put("P0420", "Catalyst system efficiency below threshold (bank 1)");
    DESCRIPTIONS.put("P0455", "Evaporative emission system leak detected (large leak)");
  }

  private final SandboxState state;

  ErrorCodeRoutes(SandboxState state) {
    this.state = state;
  }

  void register(Router router) {
    String path = UserDeviceRoutes.DEVICE_BASE + "/error-codes";
    router.add("GET", path, Router.Security.USER, this::list);
    router.add("POST", path, Router.Security.USER, this::submit);
    router.add("POST", path + "/clear", Router.Security.USER, this::clear);
  }

  private SandboxResponse list(SandboxRequest request) {
    SandboxState.Vehicle v = UserDeviceRoutes.ownedVehicle(state, request);
    List<Object> queries = new ArrayList<>();
    for (int i = v.errorQueries.size() - 1; i >= 0; i--) {
      SandboxState.ErrorQuery q = v.errorQueries.get(i);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("errorCodes", codes(q));
      item.put("requestedAt", q.requestedAt.toString());
      item.put("clearedAt", q.clearedAt == null ? null : q.clearedAt.toString());
      queries.add(item);
    }
    return SandboxResponse.json(200, UserDeviceRoutes.single("queries", queries));
  }

  private SandboxResponse submit(SandboxRequest request) {
    SandboxState.Vehicle v = UserDeviceRoutes.ownedVehicle(state, request);
    JsonBody body = JsonBody.parse(request, detail -> ApiException.of(400, "Couldn't parse request."),
        "queryDeviceErrorCodes");
    List<String> submitted = body.strings("errorCodes");
    if (submitted == null) {
      submitted = new ArrayList<>();
    }
    if (submitted.size() > MAX_CODES) {
      throw ApiException.of(400, "Too many error codes. Error codes list must be " + MAX_CODES
          + " or below in length.");
    }
    List<String[]> described = new ArrayList<>();
    for (String code : submitted) {
      if (code.isEmpty()) {
        continue;
      }
      int length = code.codePointCount(0, code.length());
      if (length < 5 || length > 8) {
        throw ApiException.of(400, "Invalid error code \"" + code + "\".");
      }
      String description = DESCRIPTIONS.get(code);
      described.add(new String[] {code,
          description != null ? description : "No description for " + code + " in the DIMO sandbox."});
    }
    SandboxState.ErrorQuery query = new SandboxState.ErrorQuery(described, state.now());
    if (!described.isEmpty()) {
      v.errorQueries.add(query);
    }
    return SandboxResponse.json(200, answer(query));
  }

  private SandboxResponse clear(SandboxRequest request) {
    SandboxState.Vehicle v = UserDeviceRoutes.ownedVehicle(state, request);
    if (v.errorQueries.isEmpty()) {
      throw ApiException.of(400, "error occurred fetching device error queries");
    }
    SandboxState.ErrorQuery latest = v.errorQueries.get(v.errorQueries.size() - 1);
    if (latest.clearedAt != null) {
      throw ApiException.of(400, "all error codes already cleared");
    }
    Instant now = state.now().truncatedTo(ChronoUnit.MICROS);
    latest.clearedAt = now;
    return SandboxResponse.json(200, answer(latest));
  }

  private static Map<String, Object> answer(SandboxState.ErrorQuery query) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("errorCodes", codes(query));
    json.put("clearedAt", query.clearedAt == null ? null : query.clearedAt.toString());
    return json;
  }

  private static List<Object> codes(SandboxState.ErrorQuery query) {
    List<Object> out = new ArrayList<>();
    for (String[] c : query.codes) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("code", c[0]);
      item.put("description", c[1]);
      out.add(item);
    }
    return out;
  }
}
