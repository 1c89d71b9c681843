package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MintVehicleRecipeTest {
  @Test
  void mainRunsAgainstTheEmbeddedSandbox() {
    String printed = StandardOutput.capture(() -> MintVehicleRecipe.main(new String[0]));

    assertTrue(printed.contains("Minted vehicle NFT "), printed);
  }
}
