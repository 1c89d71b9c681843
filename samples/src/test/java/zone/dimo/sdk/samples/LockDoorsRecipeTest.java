package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LockDoorsRecipeTest {
  @Test
  void mainRunsAgainstTheEmbeddedSandbox() {
    String printed = StandardOutput.capture(() -> LockDoorsRecipe.main(new String[0]));

    assertTrue(printed.matches("Lock requested: \\w+\\RUnlock requested: \\w+\\R"), printed);
  }
}
