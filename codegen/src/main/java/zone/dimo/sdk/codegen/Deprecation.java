package zone.dimo.sdk.codegen;

import java.util.Map;
import java.util.Set;

/**
 * The {@code @deprecated} text of an operation, from {@code deprecated: true} and the
 * {@code x-dimo-upstream} extension ({@code status}: {@code served} or {@code retired};
 * a retired operation also has {@code retiredIn} (the upstream commit), {@code retiredOn} (its
 * date) and, when DIMO names one, {@code successor}). Inconsistent specs fail the generation:
 * a retired operation must be deprecated and have its commit and date, a served one has neither,
 * so the Java annotation and the spec can never disagree. A served operation may still be
 * deprecated (the published docs deprecate the mint payload); its text says that DIMO serves it.
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
    String successor = string(map, "successor");
    boolean hasSuccessor = successor != null && !successor.trim().isEmpty();
    if ("served".equals(status)) {
      if (map.containsKey("retiredIn") || map.containsKey("retiredOn")) {
        throw fail(operationId, "x-dimo-upstream.status is served, so it takes no retiredIn or retiredOn");
      }
      if (!deprecated) {
        return null;
      }
      // deprecated by the published API documentation, yet still served (the mint payload)
      return "Deprecated in the API specification; DIMO's hosted Devices API still serves it."
          + (hasSuccessor ? " Successor: " + sentence(successor) : "");
    }
    if (!"retired".equals(status)) {
      throw fail(operationId, "x-dimo-upstream.status must be served or retired, not " + status);
    }
    if (!deprecated) {
      throw fail(operationId, "x-dimo-upstream.status is retired, so the operation must be deprecated: true");
    }
    String retiredIn = required(operationId, map, "retiredIn");
    String retiredOn = required(operationId, map, "retiredOn");
    StringBuilder text = new StringBuilder()
        .append("DIMO's hosted Devices API no longer serves this operation: it was retired upstream on ")
        .append(retiredOn).append(" (devices-api commit `").append(retiredIn).append("`). ");
    if (hasSuccessor) {
      text.append("Replaced by: ").append(sentence(successor)).append(' ');
    } else {
      text.append("DIMO names no successor. ");
    }
    return text.append("It remains fully supported against the SDK's sandbox and self-hosted deployments"
        + " of the Devices API.").toString();
  }

  private static String sentence(String text) {
    String trimmed = text.trim();
    return trimmed.endsWith(".") ? trimmed : trimmed + ".";
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
