package zone.dimo.sdk.codegen;

import java.util.Map;
import java.util.Set;

/**
 * The {@code @deprecated} text of an operation, from {@code deprecated: true} and the
 * {@code x-dimo-upstream} extension ({@code status}: {@code served} or {@code retired};
 * a retired operation also has {@code retiredIn} (the upstream commit), {@code retiredOn} (its
 * date) and, when DIMO names one, {@code successor}). Inconsistent specs fail the generation:
 * a retired operation must be deprecated and a deprecated one with an upstream status must be
 * retired, so the Java annotation and the spec can never disagree.
 */
final class Deprecation {

  private static final Set<String> KEYS = Set.of("status", "retiredIn", "retiredOn", "successor");

  private Deprecation() {
  }

  /** The Markdown text for {@code @deprecated}, or null when the operation is not deprecated. */
  static String text(String operationId, boolean deprecated, Object upstream) {
    if (upstream == null) {
      return deprecated ? "Deprecated in the API specification." : null;
    }
    if (!(upstream instanceof Map)) {
      throw fail(operationId, "x-dimo-upstream must be an object, not " + upstream);
    }
    Map<?, ?> map = (Map<?, ?>) upstream;
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw fail(operationId, "x-dimo-upstream has an unknown key " + key + " (known: status, retiredIn, retiredOn, successor)");
      }
    }
    String status = string(map, "status");
    if ("served".equals(status)) {
      if (deprecated) {
        throw fail(operationId, "deprecated: true but x-dimo-upstream.status is served");
      }
      if (map.size() > 1) {
        throw fail(operationId, "x-dimo-upstream.status is served, so it takes no retiredIn, retiredOn or successor");
      }
      return null;
    }
    if (!"retired".equals(status)) {
      throw fail(operationId, "x-dimo-upstream.status must be served or retired, not " + status);
    }
    if (!deprecated) {
      throw fail(operationId, "x-dimo-upstream.status is retired, so the operation must be deprecated: true");
    }
    String retiredIn = required(operationId, map, "retiredIn");
    String retiredOn = required(operationId, map, "retiredOn");
    String successor = string(map, "successor");
    StringBuilder text = new StringBuilder()
        .append("DIMO's hosted Devices API no longer serves this operation: it was retired upstream on ")
        .append(retiredOn).append(" (devices-api commit `").append(retiredIn).append("`). ");
    if (successor != null && !successor.trim().isEmpty()) {
      text.append("Replaced by: ").append(successor.trim());
      if (!successor.trim().endsWith(".")) {
        text.append('.');
      }
      text.append(' ');
    } else {
      text.append("DIMO names no successor. ");
    }
    return text.append("It remains fully supported against the SDK's sandbox and self-hosted deployments"
        + " of the Devices API.").toString();
  }

  private static String required(String operationId, Map<?, ?> map, String key) {
    String value = string(map, key);
    if (value == null || value.trim().isEmpty()) {
      throw fail(operationId, "x-dimo-upstream.status is retired but " + key + " is missing");
    }
    return value.trim();
  }

  private static String string(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value == null ? null : String.valueOf(value);
  }

  private static IllegalStateException fail(String operationId, String message) {
    return new IllegalStateException("Operation " + operationId + ": " + message);
  }
}
