package zone.dimo.sdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class DimoSandboxExtensionTest {
  @Nested
  @ExtendWith(DimoSandboxExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerClass {
    static DimoSandbox staticField;
    static DimoSandbox seenFirst;
    DimoSandbox field;

    @Test
    @Order(1)
    void injectsTheSameSandboxIntoParametersAndFields(DimoSandbox sandbox) {
      assertNotNull(sandbox);
      assertSame(sandbox, field);
      assertSame(sandbox, staticField);
      seenFirst = sandbox;
      assertEquals(200, new SandboxHttp(sandbox).get("/v1/synthetic/device/512", null).status());
    }

    @Test
    @Order(2)
    void keepsOneSandboxForTheClass(DimoSandbox sandbox) {
      assertSame(seenFirst, sandbox);
    }

    @AfterAll
    static void closedAfterTheClass() {
      // The extension's afterAll runs after this method; the sandbox is still up here.
      assertEquals(200, new SandboxHttp(seenFirst).get("/v1/synthetic/device/512", null).status());
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerTest {
    @RegisterExtension
    final DimoSandboxExtension sandboxes = DimoSandboxExtension.perTest(DimoSandbox.builder().chainId(137));

    DimoSandbox field;

    @Test
    @Order(1)
    void startsAConfiguredSandboxForEachTest(DimoSandbox sandbox) {
      assertSame(sandbox, field);
      assertEquals(137, sandbox.chainId());
      Holder.first = sandbox;
    }

    @Test
    @Order(2)
    void theNextTestGetsAFreshOneAndThePreviousIsClosed(DimoSandbox sandbox) {
      assertNotSame(Holder.first, sandbox);
      assertEquals(-1, probe(Holder.first));
    }
  }

  static final class Holder {
    static DimoSandbox first;
  }

  static int probe(DimoSandbox sandbox) {
    try {
      return new SandboxHttp(sandbox).get("/v1/synthetic/device/512", null).status();
    } catch (java.io.UncheckedIOException e) {
      return -1;
    }
  }
}
