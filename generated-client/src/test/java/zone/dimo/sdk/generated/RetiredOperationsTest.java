package zone.dimo.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.retiredtest.api.DefaultApi;

/**
 * Operations that DIMO retired upstream ({@code deprecated: true} plus {@code x-dimo-upstream}
 * in the spec) are {@code @Deprecated} in Java, with a {@code @deprecated} text that says when
 * and in which upstream commit they were retired, what replaced them, and that the sandbox and
 * self-hosted deployments still serve them. Uses src/test/resources/oas/retired-operations.yaml,
 * generated with the production templates.
 */
class RetiredOperationsTest {

  private static final Path SOURCE = Paths.get(System.getProperty("dimo.generatedTestSources",
      "target/generated-test-sources/openapi-retired")).resolve("zone/dimo/sdk/retiredtest/api/DefaultApi.java");

  @Test
  void retiredOperationsAreDeprecatedAndServedOnesAreNot() throws Exception {
    assertTrue(method("retiredWithSuccessor").isAnnotationPresent(Deprecated.class));
    assertTrue(method("retiredWithoutSuccessor").isAnnotationPresent(Deprecated.class));
    assertFalse(method("stillServed").isAnnotationPresent(Deprecated.class));
  }

  @Test
  void deprecatedTextSaysWhenWhatReplacedItAndWhereItStillWorks() throws IOException {
    String text = Files.readString(SOURCE, StandardCharsets.UTF_8);

    assertTrue(text.contains("""
          /**
           * Replace a thing, the old way: {@code a < b && c > d}.
           *
           * <p>{@code POST /v1/replaced}; security: none.
           *
           * @param id The thing's id.
           * @return The replaced thing.
           * @deprecated DIMO's hosted Devices API no longer serves this operation: it was retired upstream
           * on 2025-03-04 (devices-api commit {@code 0123456789abcdef0123456789abcdef01234567}). Replaced
           * by: {@code POST /v2/replaced} of the Identity API. It remains fully supported against the SDK's
           * sandbox and self-hosted deployments of the Devices API.
           */
          @Deprecated
        """), text);
    assertTrue(text.contains("""
           * @deprecated DIMO's hosted Devices API no longer serves this operation: it was retired upstream
           * on 2025-11-24 (devices-api commit {@code fedcba9876543210fedcba9876543210fedcba98}). DIMO names
           * no successor. It remains fully supported against the SDK's sandbox and self-hosted deployments
           * of the Devices API.
           */
          @Deprecated
        """), text);
    assertEquals(2, text.split("@deprecated", -1).length - 1, text);
  }

  private static Method method(String name) {
    for (Method m : DefaultApi.class.getMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    assertNotNull(null, "no method " + name);
    return null;
  }
}
