package zone.dimo.sdk.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code openapi/devices-api.yaml} independently of the code generator: against the official
 * OpenAPI 3.0 JSON Schema (networknt validator), and against the cross-module contract that the
 * generated client, core and the sandbox are written to (operation ids, paths, verbs, tags,
 * security).
 */
final class DevicesSpecValidationTest {

  /** Overrides where the {@code openapi/} folder is; by default {@code ../openapi} from the module. */
  private static final String SPEC_DIR_PROPERTY = "dimo.openapi.dir";

  private static final Set<String> TAGS = Set.of(
      "UserDevices", "AftermarketDevices", "VehicleCommands", "ErrorCodes", "Geofences",
      "NftMetadata", "Dcn");

  private static final Set<String> METHODS = Set.of(
      "get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** operationId -> "METHOD path security" as agreed in CONTRACTS.md. */
  private static final Map<String, String> CONTRACT = contract();

  private static JsonNode spec;

  @BeforeAll
  static void readSpec() throws IOException {
    Path file = specFile();
    assertTrue(Files.isRegularFile(file), "spec not found at " + file.toAbsolutePath());
    spec = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
  }

  @Test
  void validatesAgainstTheOfficialOpenApi30JsonSchema() throws IOException {
    JsonSchema schema;
    try (InputStream in = DevicesSpecValidationTest.class.getResourceAsStream("/oas/openapi-3.0-schema.json")) {
      assertNotNull(in, "OpenAPI 3.0 JSON Schema missing from test resources");
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }

    Set<ValidationMessage> messages = schema.validate(spec);

    assertEquals("", messages.stream().map(ValidationMessage::toString).sorted()
        .collect(Collectors.joining("\n")));
    assertEquals("3.0.3", spec.path("openapi").asText());
  }

  @Test
  void examplesConformToTheirSchemas() {
    // Other modules write wire-contract tests from these examples, so a wrong example is a bug.
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
        builder -> builder.metaSchema(OpenApi30.getInstance())
            .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    String document = specFile().toAbsolutePath().normalize().toUri().toString();
    Map<String, String> examples = new TreeMap<>(); // JSON pointer of the example -> schema reference
    spec.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
      if (spec.path("components").path("schemas").path(name).has("example")) {
        examples.put("/components/schemas/" + name + "/example", "#/components/schemas/" + name);
      }
    });
    collectMediaTypeExamples(spec, "", examples);
    assertTrue(examples.size() >= 25, "expected examples on the main schemas, found " + examples.keySet());

    Map<String, String> problems = new TreeMap<>();
    examples.forEach((pointer, schemaRef) -> {
      JsonSchema schema = factory.getSchema(SchemaLocation.of(document + schemaRef));
      Set<ValidationMessage> messages = schema.validate(spec.at(pointer));
      if (!messages.isEmpty()) {
        problems.put(pointer, messages.toString());
      }
    });
    assertEquals(Map.of(), problems);
  }

  /** Media-type objects ({@code content/<type>}) with both a {@code $ref} schema and an example. */
  private static void collectMediaTypeExamples(JsonNode node, String pointer, Map<String, String> sink) {
    if (!node.isObject()) {
      return;
    }
    JsonNode ref = node.path("schema").path("$ref");
    if (node.has("example") && ref.isTextual()) {
      sink.put(pointer + "/example", ref.asText());
    }
    node.fields().forEachRemaining(field -> collectMediaTypeExamples(field.getValue(),
        pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), sink));
  }

  @Test
  void hasExactlyThirtyThreeOperations() {
    assertEquals(33, operations().size());
  }

  @Test
  void everyPathHasTheV1Prefix() {
    List<String> wrong = new ArrayList<>();
    spec.path("paths").fieldNames().forEachRemaining(path -> {
      if (!path.startsWith("/v1/")) {
        wrong.add(path);
      }
    });
    assertEquals(List.of(), wrong);
  }

  @Test
  void operationIdsAreUnique() {
    List<String> ids = operations().stream().map(op -> op.node.path("operationId").asText())
        .collect(Collectors.toList());
    assertEquals(ids.size(), new TreeSet<>(ids).size(), "duplicate operationId in " + ids);
  }

  @Test
  void operationsMatchTheCrossModuleContract() {
    Map<String, String> actual = new TreeMap<>();
    for (Operation op : operations()) {
      List<String> schemes = new ArrayList<>();
      op.node.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
      actual.put(op.node.path("operationId").asText(),
          op.method.toUpperCase() + " " + op.path + " " + schemes);
    }
    assertEquals(new TreeMap<>(CONTRACT), actual);
  }

  @Test
  void everyOperationHasOneKnownTagSummaryExplicitSecurityAndResponses() {
    List<String> problems = new ArrayList<>();
    for (Operation op : operations()) {
      String id = op.node.path("operationId").asText();
      JsonNode tags = op.node.path("tags");
      if (tags.size() != 1 || !TAGS.contains(tags.get(0).asText())) {
        problems.add(id + ": tags " + tags);
      }
      if (op.node.path("summary").asText().isEmpty()) {
        problems.add(id + ": no summary");
      }
      if (!op.node.has("security")) {
        problems.add(id + ": security not explicit");
      }
      if (!op.node.path("responses").fieldNames().hasNext()) {
        problems.add(id + ": no responses");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void securitySchemesAreBearerJwt() {
    JsonNode schemes = spec.path("components").path("securitySchemes");
    assertEquals(Set.of("userToken", "vehicleToken"), fieldNames(schemes));
    for (String name : List.of("userToken", "vehicleToken")) {
      JsonNode scheme = schemes.path(name);
      assertEquals("http", scheme.path("type").asText(), name);
      assertEquals("bearer", scheme.path("scheme").asText(), name);
      assertEquals("JWT", scheme.path("bearerFormat").asText(), name);
      assertTrue(!scheme.path("description").asText().isEmpty(), name + " needs a description");
    }
  }

  @Test
  void objectSchemasAreNamedComponentsAndNeverOneOfOrAnyOf() {
    // Inline object schemas become generator-invented class names (InlineObject1, ...); oneOf and
    // anyOf are handled badly by the java/retrofit2 generator. Both are banned everywhere.
    List<String> problems = new ArrayList<>();
    walk(spec, "#", problems);
    assertEquals(List.of(), problems);
  }

  @Test
  void everyReferenceResolves() {
    List<String> dangling = new ArrayList<>();
    collectRefs(spec, ref -> {
      if (!ref.startsWith("#/")) {
        dangling.add(ref + " (external)");
      } else if (spec.at(ref.substring(1)).isMissingNode()) {
        dangling.add(ref);
      }
    });
    assertEquals(List.of(), dangling);
  }

  @Test
  void binaryResponsesUseTheirImageMediaTypes() {
    assertEquals(Set.of("image/png"), fieldNames(spec.at(
        "/paths/~1v1~1aftermarket~1device~1{tokenId}~1image/get/responses/200/content")));
    assertEquals(Set.of("image/svg+xml"), fieldNames(spec.at(
        "/paths/~1v1~1dcn~1{nodeId}~1image/get/responses/200/content")));
  }

  private static void walk(JsonNode node, String pointer, List<String> problems) {
    if (node.isObject()) {
      if (node.has("oneOf") || node.has("anyOf")) {
        problems.add(pointer + ": oneOf/anyOf");
      }
      boolean namedSchema = pointer.matches("#/components/schemas/[A-Za-z0-9]+");
      if (node.has("properties") && !namedSchema) {
        problems.add(pointer + ": inline object schema");
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("example") || field.getKey().equals("examples")) {
          continue; // example values are data, not schemas
        }
        walk(field.getValue(), pointer + "/" + field.getKey(), problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, problems);
      }
    }
  }

  private static void collectRefs(JsonNode node, java.util.function.Consumer<String> sink) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        sink.accept(ref.asText());
      }
      node.elements().forEachRemaining(child -> collectRefs(child, sink));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectRefs(child, sink));
    }
  }

  private static List<Operation> operations() {
    List<Operation> out = new ArrayList<>();
    spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (METHODS.contains(op.getKey())) {
        out.add(new Operation(path.getKey(), op.getKey(), op.getValue()));
      }
    }));
    return out;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Path specFile() {
    String dir = System.getProperty(SPEC_DIR_PROPERTY);
    Path base = dir != null ? Paths.get(dir) : Paths.get("..", "openapi");
    return base.resolve("devices-api.yaml");
  }

  private static Map<String, String> contract() {
    String user = "[userToken]";
    String vehicle = "[vehicleToken]";
    String none = "[]";
    String ud = "/v1/user/devices/{userDeviceId}";
    String serial = "/v1/aftermarket/device/by-serial/{serial}";
    Map<String, String> c = new LinkedHashMap<>();
    c.put("createVehicle", "POST /v1/user/devices " + user);
    c.put("createVehicleFromSmartcar", "POST /v1/user/devices/fromsmartcar " + user);
    c.put("createVehicleFromVin", "POST /v1/user/devices/fromvin " + user);
    c.put("listMyVehicles", "GET /v1/user/devices/me " + user);
    c.put("updateVin", "PATCH " + ud + "/vin " + user);
    c.put("getMintPayload", "GET " + ud + "/commands/mint " + user);
    c.put("submitMint", "POST " + ud + "/commands/mint " + user);
    c.put("optIn", "POST " + ud + "/commands/opt-in " + user);
    c.put("refreshData", "POST " + ud + "/commands/refresh " + user);
    c.put("getAftermarketDevice", "GET " + serial + " " + user);
    c.put("getClaimPayload", "GET " + serial + "/commands/claim " + user);
    c.put("submitClaim", "POST " + serial + "/commands/claim " + user);
    c.put("getPairPayload", "GET " + ud + "/aftermarket/commands/pair " + user);
    c.put("submitPair", "POST " + ud + "/aftermarket/commands/pair " + user);
    c.put("getUnpairPayload", "GET " + ud + "/aftermarket/commands/unpair " + user);
    c.put("submitUnpair", "POST " + ud + "/aftermarket/commands/unpair " + user);
    c.put("lockDoors", "POST /v1/vehicle/{tokenId}/commands/doors/lock " + vehicle);
    c.put("unlockDoors", "POST /v1/vehicle/{tokenId}/commands/doors/unlock " + vehicle);
    c.put("openFrunk", "POST /v1/vehicle/{tokenId}/commands/frunk/open " + vehicle);
    c.put("openTrunk", "POST /v1/vehicle/{tokenId}/commands/trunk/open " + vehicle);
    c.put("listErrorCodes", "GET " + ud + "/error-codes " + user);
    c.put("submitErrorCodes", "POST " + ud + "/error-codes " + user);
    c.put("clearErrorCodes", "POST " + ud + "/error-codes/clear " + user);
    c.put("getSyntheticDeviceMetadata", "GET /v1/synthetic/device/{tokenId} " + none);
    c.put("getAftermarketDeviceMetadata", "GET /v1/aftermarket/device/{tokenId} " + none);
    c.put("getAftermarketDeviceImage", "GET /v1/aftermarket/device/{tokenId}/image " + none);
    c.put("getAftermarketDeviceMetadataByAddress", "GET /v1/aftermarket/device/by-address/{address} " + none);
    c.put("getDcnMetadata", "GET /v1/dcn/{nodeId} " + none);
    c.put("getDcnImage", "GET /v1/dcn/{nodeId}/image " + none);
    c.put("listGeofences", "GET /v1/user/geofences " + user);
    c.put("createGeofence", "POST /v1/user/geofences " + user);
    c.put("updateGeofence", "PUT /v1/user/geofences/{geofenceId} " + user);
    c.put("deleteGeofence", "DELETE /v1/user/geofences/{geofenceId} " + user);
    return c;
  }

  private static final class Operation {
    final String path;
    final String method;
    final JsonNode node;

    Operation(String path, String method, JsonNode node) {
      this.path = path;
      this.method = method;
      this.node = node;
    }
  }
}
