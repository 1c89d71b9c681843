package zone.dimo.sdk.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.languages.JavaClientCodegen;

class DimoJavaCodegenTest {

  /** The stock generator prints a donation banner once per spec: six times per build here. */
  @Test
  void postProcessPrintsNothing() {
    assertEquals(5, linesPrintedBy(new JavaClientCodegen()), "the stock banner this class suppresses");
    assertEquals(0, linesPrintedBy(new DimoJavaCodegen()));
  }

  private static long linesPrintedBy(JavaClientCodegen codegen) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      codegen.postProcess();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().count();
  }

  @Test
  void nameForTheGeneratorRegistry() {
    assertEquals("dimo-java", new DimoJavaCodegen().getName());
  }
}
