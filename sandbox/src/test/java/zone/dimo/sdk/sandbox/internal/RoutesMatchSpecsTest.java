package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.signing.Address;

/**
 * The sandbox serves exactly the operations of {@code openapi/*.yaml}, each with the security
 * scheme the spec names: every spec operation is a route with the same scheme, and every route is
 * a spec operation (both directions, so neither side can gain an operation alone).
 */
class RoutesMatchSpecsTest {
  private static final Map<String, String> PREFIXES = Map.of(
      "devices-api.yaml", "",
      "auth.yaml", Urls.AUTH_PREFIX,
      "token-exchange.yaml", Urls.EXCHANGE_PREFIX);

  /**
   * Routes the sandbox serves beyond the specs, each for a stated reason. Nothing else may differ.
   * The vehicle NFT metadata is what a minted vehicle's {@code tokenUri} (in the spec's
   * {@code NFTData}) points to; the service had these routes in 2024 ({@code cmd/devices-api/api.go}
   * at 307a607f) but the published docs, and so the spec, do not list them.
   */
  private static final Map<String, String> SANDBOX_EXTRAS = Map.of(
      "GET /v1/vehicle/{}", "PUBLIC",
      "GET /v1/vehicle/{}/image", "PUBLIC");

  /** "METHOD /path/{}" → USER | VEHICLE | PUBLIC, from the specs. */
  private static Map<String, String> fromSpecs() {
    String dir = System.getProperty("dimo.openapi.dir");
    assertNotNull(dir, "surefire sets dimo.openapi.dir");
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> spec : PREFIXES.entrySet()) {
      Path file = Paths.get(dir, spec.getKey());
      OpenAPI api = new OpenAPIParser().readLocation(file.toUri().toString(), null, null).getOpenAPI();
      assertNotNull(api, file.toString());
      for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
        for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
          List<SecurityRequirement> security = op.getValue().getSecurity() != null
              ? op.getValue().getSecurity() : api.getSecurity();
          String key = op.getKey().name() + " " + normalise(spec.getValue() + path.getKey());
          String previous = out.put(key, scheme(security, key));
          assertEquals(null, previous, "two operations for " + key);
        }
      }
    }
    return out;
  }

  private static String scheme(List<SecurityRequirement> security, String where) {
    if (security == null || security.isEmpty()) {
      return "PUBLIC";
    }
    assertEquals(1, security.size(), where + ": one requirement");
    assertEquals(1, security.get(0).size(), where + ": one scheme");
    String name = security.get(0).keySet().iterator().next();
    switch (name) {
      case "userToken":
        return "USER";
      case "vehicleToken":
        return "VEHICLE";
      default:
        throw new AssertionError(where + ": unknown scheme " + name);
    }
  }

  /** Path parameters named differently are the same route: {@code {tokenId}} = {@code {id}}. */
  private static String normalise(String path) {
    return path.replaceAll("\\{[^}/]+}", "{}");
  }

  private static Map<String, String> fromSandbox() {
    Address a = Address.fromHex("0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c");
    SandboxConfig config = new SandboxConfig(80002, a, a, "c", "d", Duration.ofHours(1), Duration.ofMinutes(10), 0,
        Duration.ofHours(1), Clock.systemUTC(), "code", false, true);
    Map<String, String> out = new TreeMap<>();
    try (SandboxServer server = SandboxServer.start(config, 0)) {
      for (Router.Route route : server.router().routes()) {
        String previous = out.put(route.method + " " + normalise(route.pattern), route.security.name());
        assertEquals(null, previous, "two routes for " + route.method + " " + route.pattern);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void theSandboxServesTheSpecsOperationsWithTheirSecurity() {
    Map<String, String> spec = fromSpecs();
    Map<String, String> sandbox = fromSandbox();
    for (Map.Entry<String, String> extra : SANDBOX_EXTRAS.entrySet()) {
      assertEquals(null, spec.get(extra.getKey()), extra.getKey() + " is in a spec now: drop it from the extras");
      assertEquals(extra.getValue(), sandbox.remove(extra.getKey()), extra.getKey());
    }
    Map<String, String> onlyInSpec = new TreeMap<>(spec);
    onlyInSpec.keySet().removeAll(sandbox.keySet());
    Map<String, String> onlyInSandbox = new TreeMap<>(sandbox);
    onlyInSandbox.keySet().removeAll(spec.keySet());
    assertEquals(Map.of(), onlyInSpec, "spec operations the sandbox does not serve");
    assertEquals(Map.of(), onlyInSandbox, "sandbox routes the specs do not have");
    assertEquals(spec, sandbox, "security per operation");
  }

  @Test
  void theComparisonSeesEveryOperation() {
    // Guards the test itself: a parser that silently dropped paths would compare empty maps.
    assertEquals(fromSandbox().size(), fromSpecs().size() + SANDBOX_EXTRAS.size());
    assertEquals(36, fromSpecs().size());
    assertEquals("VEHICLE", fromSpecs().get("POST /v1/vehicle/{}/commands/doors/lock"));
    assertEquals("USER", fromSpecs().get("POST /token-exchange/v1/tokens/exchange"));
    assertEquals("PUBLIC", fromSpecs().get("POST /auth-server/auth/web3/generate_challenge"));
  }
}
