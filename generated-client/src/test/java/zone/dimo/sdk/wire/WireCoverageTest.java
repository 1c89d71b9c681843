package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when an operation of {@code devices-api.yaml}, {@code auth.yaml} or
 * {@code token-exchange.yaml} has no wire test, so a new operation cannot ship untested on the
 * wire. A wire test is a {@code @Test} annotated {@link WireContract} with the operationId, in the
 * class named after the operation's tag ({@code <Tag>ApiWireTest}, like the generated
 * {@code <Tag>Api} interface). {@link WireTestSupport} checks at run time that such a test really
 * called the generated method of that operation.
 */
class WireCoverageTest {

  private static final List<String> SPECS = List.of("devices-api.yaml", "auth.yaml", "token-exchange.yaml");

  @Test
  void everySpecOperationHasAWireTestInTheClassOfItsTag() throws Exception {
    Map<String, String> operations = specOperationTags();
    Map<String, Set<String>> tested = wireContracts();

    List<String> missing = new ArrayList<>();
    operations.forEach((operationId, tag) -> {
      String expectedClass = tag + "ApiWireTest";
      Set<String> classes = tested.getOrDefault(operationId, Set.of());
      if (!classes.contains(expectedClass)) {
        missing.add(operationId + " (expected a @WireContract(\"" + operationId + "\") test in "
            + expectedClass + ", found in " + classes + ")");
      }
    });
    assertEquals(List.of(), missing, "spec operations without a wire test");
    // 33 Devices API operations, 2 login operations, 1 token exchange.
    assertEquals(36, operations.size(), "operations in the three specs: " + operations.keySet());
  }

  @Test
  void everyWireContractNamesASpecOperation() throws Exception {
    Set<String> unknown = new TreeSet<>(wireContracts().keySet());
    unknown.removeAll(specOperationTags().keySet());
    assertEquals(Set.of(), unknown, "@WireContract values that are not operationIds of the specs");
  }

  @Test
  void everyTestInAWireTestClassDeclaresItsOperation() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Class<?> type : wireTestClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        boolean isTest = method.isAnnotationPresent(Test.class);
        boolean hasContract = method.isAnnotationPresent(WireContract.class);
        if (isTest && !hasContract) {
          problems.add(type.getSimpleName() + "." + method.getName() + " is a @Test without @WireContract");
        }
        if (hasContract && !isTest) {
          problems.add(type.getSimpleName() + "." + method.getName() + " has @WireContract but is not a @Test");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  private static Map<String, String> specOperations;

  /** operationId -> tag, over the three specs; operationIds must be unique across them. */
  private static synchronized Map<String, String> specOperationTags() {
    if (specOperations != null) {
      return specOperations;
    }
    Map<String, String> operations = new TreeMap<>();
    for (String file : SPECS) {
      for (PathItem item : parse(file).getPaths().values()) {
        for (Operation operation : item.readOperations()) {
          assertNotNull(operation.getOperationId(), file + ": operation without operationId");
          assertEquals(1, operation.getTags() == null ? 0 : operation.getTags().size(),
              file + ": " + operation.getOperationId() + " must have exactly one tag");
          String previous = operations.put(operation.getOperationId(), operation.getTags().get(0));
          assertEquals(null, previous, "operationId " + operation.getOperationId() + " used twice");
        }
      }
    }
    specOperations = Collections.unmodifiableMap(operations);
    return specOperations;
  }

  private static OpenAPI parse(String file) {
    Path location = Paths.get(System.getProperty("dimo.openapi.dir", "../openapi")).resolve(file);
    assertTrue(Files.isRegularFile(location), "missing spec " + location.toAbsolutePath());
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(location.toUri().toString(), null, options);
    assertNotNull(result.getOpenAPI(), file + ": " + result.getMessages());
    return result.getOpenAPI();
  }

  /** operationId -> simple names of the classes holding a wire test for it. */
  private static Map<String, Set<String>> wireContracts() throws IOException, URISyntaxException {
    Map<String, Set<String>> contracts = new TreeMap<>();
    for (Class<?> type : wireTestClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        WireContract contract = method.getAnnotation(WireContract.class);
        if (contract != null && method.isAnnotationPresent(Test.class)) {
          contracts.computeIfAbsent(contract.value(), k -> new TreeSet<>()).add(type.getSimpleName());
        }
      }
    }
    return contracts;
  }

  /**
   * Every concrete {@link WireTestSupport} subclass compiled into this package, found on disk so
   * that a new test class is picked up without being listed anywhere.
   */
  private static List<Class<?>> wireTestClasses() throws IOException, URISyntaxException {
    URL packageUrl = WireCoverageTest.class.getResource("");
    assertNotNull(packageUrl);
    assertEquals("file", packageUrl.getProtocol(), "test classes must be a directory: " + packageUrl);
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(Paths.get(packageUrl.toURI()))) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type = load(WireCoverageTest.class.getPackageName() + "."
            + name.substring(0, name.length() - ".class".length()));
        if (WireTestSupport.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
          classes.add(type);
        }
      }
    }
    assertTrue(classes.size() >= 9, "wire test classes found: " + classes);
    return classes;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, WireCoverageTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
