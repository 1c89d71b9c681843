package zone.dimo.sdk.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Spec drift check: compares our specs with DIMO's current swagger files in
 * {@code openapi/upstream/} using openapi-diff (swagger-parser converts the Swagger 2.0 files),
 * operation by operation, and fails on any difference that {@code openapi/upstream/EXPLAINED.txt}
 * does not explain — and on any explanation of a difference that no longer exists. An operation
 * of ours that upstream no longer has is explained by its {@code x-dimo-upstream: retired}.
 *
 * <p>Keys: {@code <spec> only-ours <METHOD> <path>}, {@code <spec> only-upstream <METHOD> <path>},
 * and {@code <spec> changed <METHOD> <path> <item>}, one per contract difference inside an
 * operation both have (see {@link #items}).
 */
class UpstreamDriftTest {
  private static final String[][] PAIRS = {
    {"devices-api", "devices-api.yaml", "upstream/devices-api-swagger-2026-01-13.yaml"},
    {"token-exchange", "token-exchange.yaml", "upstream/token-exchange-api-swagger-2026-04-03.yaml"},
  };

  private static Path dir() {
    String dir = System.getProperty("dimo.openapi.dir");
    assertNotNull(dir, "surefire sets dimo.openapi.dir");
    return java.nio.file.Paths.get(dir);
  }

  private static OpenAPI parse(Path file) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIParser().readLocation(file.toUri().toString(), null, options).getOpenAPI();
    assertNotNull(api, file.toString());
    return api;
  }

  /** Swagger 2.0's basePath becomes a server URL; put it back into the paths, as ours have it. */
  private static OpenAPI withBasePathInPaths(OpenAPI api) {
    String base = "";
    if (api.getServers() != null && !api.getServers().isEmpty()) {
      String url = api.getServers().get(0).getUrl();
      base = url.startsWith("/") ? url : url.replaceFirst("^[a-z]+://[^/]*", "");
    }
    Paths paths = new Paths();
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      paths.addPathItem(normalise(base + e.getKey()), e.getValue());
    }
    api.setPaths(paths);
    api.setServers(null);
    // devices-api's swagger names an ApiKeyAuth scheme it never defines (ERRATA.md 23); define
    // each such name as the header key it stands for, or openapi-diff cannot compare security.
    if (api.getComponents() == null) {
      api.setComponents(new io.swagger.v3.oas.models.Components());
    }
    for (PathItem item : api.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        if (op.getSecurity() == null) {
          continue;
        }
        for (io.swagger.v3.oas.models.security.SecurityRequirement r : op.getSecurity()) {
          for (String name : r.keySet()) {
            if (api.getComponents().getSecuritySchemes() == null
                || !api.getComponents().getSecuritySchemes().containsKey(name)) {
              api.getComponents().addSecuritySchemes(name, new io.swagger.v3.oas.models.security.SecurityScheme()
                  .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY)
                  .in(io.swagger.v3.oas.models.security.SecurityScheme.In.HEADER)
                  .name("Authorization"));
            }
          }
        }
      }
    }
    return api;
  }

  /** Path parameters compared by position: {@code {tokenID}} = {@code {tokenId}}. */
  private static String normalise(String path) {
    return path.replaceAll("\\{[^}/]+}", "{}");
  }

  private static OpenAPI ours(String file) {
    OpenAPI api = parse(dir().resolve(file));
    Paths paths = new Paths();
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      paths.addPathItem(normalise(e.getKey()), e.getValue());
    }
    api.setPaths(paths);
    api.setServers(null);
    return api;
  }

  /** Every unexplained-or-explained difference key → the operation of ours it concerns (or null). */
  static Map<String, Operation> differences() {
    Map<String, Operation> out = new TreeMap<>();
    for (String[] pair : PAIRS) {
      OpenAPI ours = ours(pair[1]);
      OpenAPI upstream = withBasePathInPaths(parse(dir().resolve(pair[2])));
      ChangedOpenApi diff = OpenApiCompare.fromSpecifications(ours, upstream);
      for (Endpoint e : diff.getMissingEndpoints()) {
        out.put(pair[0] + " only-ours " + e.getMethod() + " " + e.getPathUrl(), e.getOperation());
      }
      for (Endpoint e : diff.getNewEndpoints()) {
        out.put(pair[0] + " only-upstream " + e.getMethod() + " " + e.getPathUrl(), null);
      }
      for (ChangedOperation c : diff.getChangedOperations()) {
        String prefix = pair[0] + " changed " + c.getHttpMethod() + " " + c.getPathUrl() + " ";
        for (String item : items(c)) {
          out.put(prefix + item, c.getOldOperation());
        }
      }
    }
    return out;
  }

  /**
   * The contract differences of one operation, one item each: {@code parameter -in:name} (only
   * ours), {@code parameter +in:name} (only upstream), {@code parameter ~in:name} (schema,
   * content or required differ); {@code requestBody ~}; {@code response -code}, {@code +code},
   * {@code ~code} (content or headers differ); {@code security ~}. Descriptions, summaries and
   * examples are not contract.
   */
  private static List<String> items(ChangedOperation c) {
    List<String> items = new ArrayList<>();
    ChangedParameters parameters = c.getParameters();
    if (parameters != null) {
      for (Parameter p : parameters.getMissing()) {
        items.add("parameter -" + p.getIn() + ":" + p.getName());
      }
      for (Parameter p : parameters.getIncreased()) {
        items.add("parameter +" + p.getIn() + ":" + p.getName());
      }
      for (ChangedParameter p : parameters.getChanged()) {
        boolean required = !java.util.Objects.equals(p.getOldParameter().getRequired(), p.getNewParameter().getRequired());
        if (p.getSchema() != null || p.getContent() != null || required) {
          items.add("parameter ~" + p.getIn() + ":" + p.getName());
        }
      }
    }
    ChangedRequestBody body = c.getRequestBody();
    if (body != null && (body.getContent() != null || body.getOldRequestBody() == null
        || body.getNewRequestBody() == null)) {
      items.add("requestBody ~");
    }
    ChangedApiResponse responses = c.getApiResponses();
    if (responses != null) {
      for (String code : new TreeSet<>(responses.getMissing().keySet())) {
        items.add("response -" + code);
      }
      for (String code : new TreeSet<>(responses.getIncreased().keySet())) {
        items.add("response +" + code);
      }
      for (Map.Entry<String, ChangedResponse> e : new TreeMap<>(responses.getChanged()).entrySet()) {
        if (e.getValue().getContent() != null || e.getValue().getHeaders() != null) {
          items.add("response ~" + e.getKey());
        }
      }
    }
    if (c.getSecurityRequirements() != null) {
      items.add("security ~");
    }
    return items;
  }

  /** {@code key => explanation} lines; blank lines and {@code #} comments skipped. */
  static Map<String, String> explanations() throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(dir().resolve("upstream/EXPLAINED.txt"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int arrow = line.indexOf(" => ");
      assertTrue(arrow > 0, "key => explanation: " + line);
      String previous = out.put(line.substring(0, arrow).trim(), line.substring(arrow + 4).trim());
      assertEquals(null, previous, "explained twice: " + line);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static boolean retired(Operation op) {
    Object u = op == null || op.getExtensions() == null ? null : op.getExtensions().get("x-dimo-upstream");
    return u instanceof Map && "retired".equals(((Map<String, Object>) u).get("status"));
  }

  @Test
  void everyDifferenceFromTodaysUpstreamIsExplained() throws IOException {
    Map<String, Operation> differences = differences();
    Map<String, String> explained = explanations();
    TreeSet<String> unexplained = new TreeSet<>();
    for (Map.Entry<String, Operation> d : differences.entrySet()) {
      boolean byStatus = d.getKey().contains(" only-ours ") && retired(d.getValue());
      if (!byStatus && !explained.containsKey(d.getKey())) {
        unexplained.add(d.getKey());
      }
    }
    assertEquals(new TreeSet<String>(), unexplained,
        "differences from openapi/upstream/ that neither openapi/upstream/EXPLAINED.txt nor x-dimo-upstream explains");
    TreeSet<String> stale = new TreeSet<>(explained.keySet());
    stale.removeAll(differences.keySet());
    assertEquals(new TreeSet<String>(), stale, "explanations of differences that no longer exist");
  }

  @Test
  void theComparisonSeesTheDifferencesItShould() {
    Map<String, Operation> differences = differences();
    // Retired upstream, kept by us: the retired status explains it.
    assertTrue(differences.containsKey("devices-api only-ours POST /v1/user/geofences"), differences.keySet().toString());
    // Served upstream, not part of our contract.
    assertTrue(differences.containsKey("devices-api only-upstream POST /v1/vehicle/{}/commands/charge/start"),
        differences.keySet().toString());
    // One key per contract difference inside an operation: the swagger's 429 for clearing twice
    // (the code answers 400, ERRATA 6), our path parameter spelling.
    assertTrue(differences.containsKey("devices-api changed POST /v1/user/devices/{}/error-codes/clear response +429"),
        differences.keySet().toString());
    assertTrue(differences.containsKey("devices-api changed POST /v1/vehicle/{}/commands/doors/lock parameter +path:tokenID"),
        differences.keySet().toString());
    // Explained operations are not all of them: served upstream, identical here, no key.
    assertEquals(false, differences.keySet().stream().anyMatch(k -> k.contains(" only-ours ") && k.endsWith("/user/devices/me")));
  }
}
