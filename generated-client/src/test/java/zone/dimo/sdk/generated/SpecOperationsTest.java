package zone.dimo.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.HEAD;
import retrofit2.http.OPTIONS;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Query;
import retrofit2.http.Streaming;
import zone.dimo.sdk.spec.DimoCall;
import zone.dimo.sdk.spec.DimoOperation;
import zone.dimo.sdk.spec.DimoSerial;

/**
 * Walks every operation of the three specs and checks it against the generated Retrofit
 * interfaces, so an operation cannot be added to a spec without an explicit security choice and
 * a matching, correctly annotated method; and no generated method exists without an operation.
 */
class SpecOperationsTest {

  private static final Set<String> SCHEMES = Set.of("userToken", "vehicleToken");

  private record Spec(String file, String apiPackage, List<String> servers) {}

  private static final List<Spec> SPECS = List.of(
      new Spec("devices-api.yaml", "zone.dimo.sdk.devices.api",
          List.of("https://devices-api.dimo.zone", "https://devices-api.dev.dimo.zone")),
      new Spec("auth.yaml", "zone.dimo.sdk.auth.api",
          List.of("https://auth.dimo.zone", "https://auth.dev.dimo.zone")),
      new Spec("token-exchange.yaml", "zone.dimo.sdk.tokenexchange.api",
          List.of("https://token-exchange-api.dimo.zone", "https://token-exchange-api.dev.dimo.zone")));

  @TestFactory
  List<DynamicNode> everyOperationHasAMatchingGeneratedMethod() {
    List<DynamicNode> nodes = new ArrayList<>();
    for (Spec spec : SPECS) {
      OpenAPI api = parse(spec.file());
      List<DynamicNode> tests = new ArrayList<>();
      for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
        for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
          String name = op.getKey() + " " + path.getKey();
          tests.add(DynamicTest.dynamicTest(name,
              () -> checkOperation(api, spec, path.getKey(), op.getKey(), op.getValue())));
        }
      }
      tests.add(DynamicTest.dynamicTest("servers are the production and dev hosts",
          () -> assertEquals(spec.servers(),
              api.getServers().stream().map(server -> server.getUrl()).collect(Collectors.toList()))));
      tests.add(DynamicTest.dynamicTest("no generated method without an operation",
          () -> checkNoExtraMethods(api, spec)));
      nodes.add(DynamicContainer.dynamicContainer(spec.file(), tests));
    }
    return nodes;
  }

  private static void checkOperation(OpenAPI api, Spec spec, String path, PathItem.HttpMethod httpMethod, Operation op)
      throws Exception {
    String operationId = op.getOperationId();
    assertNotNull(operationId, "operationId missing");
    assertNotNull(op.getTags(), operationId + ": no tag");
    assertFalse(op.getTags().isEmpty(), operationId + ": no tag");

    String[] security = expectedSecurity(api, op);

    for (String tag : op.getTags()) {
      Class<?> apiClass = Class.forName(spec.apiPackage() + "." + apiClassName(tag));
      List<Method> methods = Arrays.stream(apiClass.getMethods())
          .filter(m -> m.getName().equals(operationId))
          .collect(Collectors.toList());
      assertEquals(1, methods.size(), apiClass.getSimpleName() + " must have exactly one method " + operationId);
      Method method = methods.get(0);

      DimoOperation annotation = method.getAnnotation(DimoOperation.class);
      assertNotNull(annotation, method + " lacks @DimoOperation");
      assertEquals(operationId, annotation.operationId(), method + ": operationId");
      assertArrayEquals(security, annotation.security(), method + ": security");

      assertEquals(path.substring(1), retrofitPath(method, httpMethod), method + ": HTTP method or path");
      assertEquals(Boolean.TRUE.equals(op.getDeprecated()), method.isAnnotationPresent(Deprecated.class),
          method + ": @Deprecated must follow the spec's deprecated flag");
      checkBehaviour(op, httpMethod, security, method, annotation);
      checkParameters(api, op, method);
      checkReturnType(api, op, method);
    }
  }

  /**
   * The behaviour core reads from {@code @DimoOperation} comes from the spec's {@code x-dimo-*}
   * extensions, and every operation that needs one declares it: a state-changing operation
   * without {@code x-dimo-retry-safe}, or a vehicle-token operation without its permissions and
   * vehicle parameter, fails the build.
   */
  private static void checkBehaviour(Operation op, PathItem.HttpMethod httpMethod, String[] security,
      Method method, DimoOperation annotation) {
    Map<String, Object> extensions = op.getExtensions() == null ? Map.of() : op.getExtensions();
    Object retrySafe = extensions.get("x-dimo-retry-safe");
    if (httpMethod == PathItem.HttpMethod.GET) {
      assertNull(retrySafe, method + ": a GET is always safe to repeat; x-dimo-retry-safe says nothing");
      assertFalse(annotation.retrySafe(), method + ": retrySafe");
    } else {
      assertTrue(retrySafe instanceof Boolean,
          method + ": a " + httpMethod + " must declare x-dimo-retry-safe: true|false, got " + retrySafe);
      assertEquals(retrySafe, annotation.retrySafe(), method + ": retrySafe");
    }
    Object sensitive = extensions.get("x-dimo-sensitive");
    assertTrue(sensitive == null || sensitive instanceof Boolean, method + ": x-dimo-sensitive is a boolean");
    assertEquals(Boolean.TRUE.equals(sensitive), annotation.sensitive(), method + ": sensitive");
    if (annotation.operationId().equals("generateChallenge") || annotation.operationId().equals("submitChallenge")
        || annotation.operationId().equals("exchangeToken")) {
      assertTrue(annotation.sensitive(), method + ": login and exchange bodies are credentials (x-dimo-sensitive)");
    }
    Object permissions = extensions.get("x-dimo-vehicle-permissions");
    Object parameter = extensions.get("x-dimo-vehicle-parameter");
    if (Arrays.asList(security).contains("vehicleToken")) {
      assertTrue(permissions instanceof List && !((List<?>) permissions).isEmpty(),
          method + ": a vehicleToken operation must list x-dimo-vehicle-permissions");
      for (Object permission : (List<?>) permissions) {
        assertTrue(permission instanceof String && ((String) permission).startsWith("privilege:"),
            method + ": permission names look like privilege:ExecuteCommands, got " + permission);
      }
      assertArrayEquals(((List<?>) permissions).toArray(new String[0]), annotation.vehiclePermissions(),
          method + ": vehiclePermissions");
      assertTrue(parameter instanceof String, method + ": a vehicleToken operation must name x-dimo-vehicle-parameter");
      assertTrue(annotated(method, retrofit2.http.Path.class).contains(parameter),
          method + ": x-dimo-vehicle-parameter " + parameter + " is not a path parameter");
      assertEquals(parameter, annotation.vehicleParameter(), method + ": vehicleParameter");
    } else {
      assertNull(permissions, method + ": x-dimo-vehicle-permissions only on vehicleToken operations");
      assertNull(parameter, method + ": x-dimo-vehicle-parameter only on vehicleToken operations");
      assertEquals(0, annotation.vehiclePermissions().length, method + ": vehiclePermissions");
      assertEquals("", annotation.vehicleParameter(), method + ": vehicleParameter");
    }
  }

  /** Explicit security of exactly one kind: [] (public), or one requirement naming one scheme. */
  private static String[] expectedSecurity(OpenAPI api, Operation op) {
    List<SecurityRequirement> requirements = op.getSecurity();
    assertNotNull(requirements, op.getOperationId() + ": security must be explicit on the operation");
    if (requirements.isEmpty()) {
      return new String[0];
    }
    assertEquals(1, requirements.size(), op.getOperationId() + ": exactly one security requirement");
    SecurityRequirement requirement = requirements.get(0);
    assertEquals(1, requirement.size(), op.getOperationId() + ": exactly one scheme in the requirement");
    String scheme = requirement.keySet().iterator().next();
    assertTrue(SCHEMES.contains(scheme), op.getOperationId() + ": unknown scheme " + scheme);
    SecurityScheme defined = api.getComponents().getSecuritySchemes().get(scheme);
    assertNotNull(defined, scheme + " is not defined in components.securitySchemes");
    assertEquals(SecurityScheme.Type.HTTP, defined.getType(), scheme + " must be an HTTP scheme");
    assertEquals("bearer", defined.getScheme().toLowerCase(Locale.ROOT), scheme + " must be a bearer scheme");
    return new String[] {scheme};
  }

  private static void checkParameters(OpenAPI api, Operation op, Method method) {
    Set<String> specPath = new TreeSet<>();
    Set<String> specQuery = new TreeSet<>();
    Set<String> serials = new TreeSet<>();
    if (op.getParameters() != null) {
      for (Parameter p : op.getParameters()) {
        Parameter parameter = p.get$ref() != null
            ? api.getComponents().getParameters().get(refName(p.get$ref()))
            : p;
        if (parameter.getExtensions() != null
            && Boolean.TRUE.equals(parameter.getExtensions().get("x-dimo-serial"))) {
          serials.add(parameter.getName());
        }
        if ("path".equals(parameter.getIn())) {
          specPath.add(parameter.getName());
        } else if ("query".equals(parameter.getIn())) {
          specQuery.add(parameter.getName());
        }
      }
    }
    assertEquals(specPath, annotated(method, retrofit2.http.Path.class), method + ": path parameters");
    assertEquals(specQuery, annotated(method, Query.class), method + ": query parameters");
    Set<String> marked = new TreeSet<>();
    Annotation[][] parameterAnnotations = method.getParameterAnnotations();
    for (Annotation[] annotations : parameterAnnotations) {
      boolean serial = Arrays.stream(annotations).anyMatch(a -> a instanceof DimoSerial);
      for (Annotation a : annotations) {
        if (serial && a instanceof retrofit2.http.Path) {
          marked.add(((retrofit2.http.Path) a).value());
        } else if (serial && a instanceof Query) {
          marked.add(((Query) a).value());
        }
      }
    }
    assertEquals(serials, marked, method + ": @DimoSerial exactly on the x-dimo-serial parameters");

    Content body = op.getRequestBody() == null ? null : op.getRequestBody().getContent();
    MediaType form = body == null ? null : body.get("application/x-www-form-urlencoded");
    MediaType json = body == null ? null : body.get("application/json");
    assertEquals(form != null, method.isAnnotationPresent(FormUrlEncoded.class), method + ": @FormUrlEncoded");
    if (form != null) {
      Schema<?> schema = resolve(api, form.getSchema());
      assertEquals(new TreeSet<>(schema.getProperties().keySet()), annotated(method, Field.class), method + ": form fields");
    }
    long bodies = Arrays.stream(method.getParameterAnnotations())
        .filter(as -> Arrays.stream(as).anyMatch(a -> a instanceof Body))
        .count();
    assertEquals(json != null ? 1 : 0, bodies, method + ": @Body parameter");
  }

  private static void checkReturnType(OpenAPI api, Operation op, Method method) {
    assertEquals(DimoCall.class, method.getReturnType(), method + " must return DimoCall");
    Type result = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];

    // The generator takes the lowest 2xx response as the result.
    Map<String, ApiResponse> success = new TreeMap<>();
    op.getResponses().forEach((code, response) -> {
      if (code.startsWith("2")) {
        success.put(code, response);
      }
    });
    assertFalse(success.isEmpty(), op.getOperationId() + ": no 2xx response");
    ApiResponse first = success.values().iterator().next();
    if (first.get$ref() != null) {
      first = api.getComponents().getResponses().get(refName(first.get$ref()));
    }
    Content content = first.getContent();
    if (content == null || content.isEmpty()) {
      assertEquals(Void.class, result, method + ": an empty success response must give DimoCall<Void>");
      return;
    }
    boolean binary = content.values().stream()
        .map(m -> resolve(api, m.getSchema()))
        .anyMatch(s -> s != null && "binary".equals(s.getFormat()));
    assertEquals(binary, method.isAnnotationPresent(Streaming.class), method + ": @Streaming iff binary");
    if (binary) {
      assertEquals(ResponseBody.class, result, method + ": a binary response must give DimoCall<ResponseBody>");
    } else {
      assertTrue(result != Void.class && result != ResponseBody.class, method + ": JSON result expected, got " + result);
    }
  }

  private static void checkNoExtraMethods(OpenAPI api, Spec spec) throws Exception {
    Set<String> expected = new TreeSet<>();
    Set<String> classes = new TreeSet<>();
    for (PathItem item : api.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        for (String tag : op.getTags()) {
          expected.add(apiClassName(tag) + "." + op.getOperationId());
          classes.add(apiClassName(tag));
        }
      }
    }
    assertEquals(classes, generatedApiClasses(spec), spec.file() + ": generated API interfaces");
    Set<String> actual = new TreeSet<>();
    for (String simpleName : classes) {
      for (Method m : Class.forName(spec.apiPackage() + "." + simpleName).getDeclaredMethods()) {
        if (!m.isSynthetic()) {
          actual.add(simpleName + "." + m.getName());
        }
      }
    }
    assertEquals(expected, actual, spec.file() + ": generated methods");
  }

  private static Set<String> generatedApiClasses(Spec spec) throws IOException {
    Path dir = Paths.get(System.getProperty("dimo.classes", "target/classes"))
        .resolve(spec.apiPackage().replace('.', '/'));
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** The generator's rule for an API interface name: the tag in CamelCase, plus "Api". */
  static String apiClassName(String tag) {
    StringBuilder sb = new StringBuilder();
    for (String part : tag.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.append("Api").toString();
  }

  private static String retrofitPath(Method method, PathItem.HttpMethod expected) {
    for (Annotation a : method.getAnnotations()) {
      String value = null;
      PathItem.HttpMethod verb = null;
      if (a instanceof GET g) {
        verb = PathItem.HttpMethod.GET;
        value = g.value();
      } else if (a instanceof POST p) {
        verb = PathItem.HttpMethod.POST;
        value = p.value();
      } else if (a instanceof PUT p) {
        verb = PathItem.HttpMethod.PUT;
        value = p.value();
      } else if (a instanceof PATCH p) {
        verb = PathItem.HttpMethod.PATCH;
        value = p.value();
      } else if (a instanceof DELETE d) {
        verb = PathItem.HttpMethod.DELETE;
        value = d.value();
      } else if (a instanceof HEAD h) {
        verb = PathItem.HttpMethod.HEAD;
        value = h.value();
      } else if (a instanceof OPTIONS o) {
        verb = PathItem.HttpMethod.OPTIONS;
        value = o.value();
      }
      if (verb != null) {
        return verb == expected ? value : verb + " instead of " + expected;
      }
    }
    return fail(method + " has no Retrofit HTTP annotation");
  }

  private static Set<String> annotated(Method method, Class<? extends Annotation> type) {
    Set<String> names = new TreeSet<>();
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      for (Annotation a : annotations) {
        if (a instanceof retrofit2.http.Path p && type == retrofit2.http.Path.class) {
          names.add(p.value());
        } else if (a instanceof Query q && type == Query.class) {
          names.add(q.value());
        } else if (a instanceof Field f && type == Field.class) {
          names.add(f.value());
        }
      }
    }
    return names;
  }

  private static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
    if (schema != null && schema.get$ref() != null) {
      return api.getComponents().getSchemas().get(refName(schema.get$ref()));
    }
    return schema;
  }

  private static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static OpenAPI parse(String file) {
    Path location = Paths.get(System.getProperty("dimo.openapi.dir", "../openapi")).resolve(file);
    assertTrue(Files.isRegularFile(location), "missing spec " + location.toAbsolutePath());
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(location.toUri().toString(), null, options);
    assertNotNull(result.getOpenAPI(), file + ": " + result.getMessages());
    assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(), file + ": parser messages");
    assertTrue(result.getOpenAPI().getOpenapi().startsWith("3.0."), file + ": OpenAPI 3.0.x expected");
    return result.getOpenAPI();
  }
}
