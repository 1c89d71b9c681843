package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubmitErrorCodesRecipeTest {
  @Test
  void mainRunsAgainstTheEmbeddedSandbox() {
    String printed = StandardOutput.capture(() -> SubmitErrorCodesRecipe.main(new String[0]));

    assertTrue(printed.contains("P0113: "), printed);
    assertTrue(printed.contains("P0300: "), printed);
    assertTrue(printed.contains(", cleared at null"), "listed before clearing: " + printed);
    assertTrue(printed.contains("Cleared at 20"), printed);
  }
}
