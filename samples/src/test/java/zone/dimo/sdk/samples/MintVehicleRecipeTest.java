package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MintVehicleRecipeTest {
  @Test
  void mainRunsAgainstTheEmbeddedSandbox() {
    String printed = StandardOutput.capture(() -> MintVehicleRecipe.main(new String[0]));

    assertTrue(printed.matches("Minted vehicle NFT \\d+ owned by 0x[0-9a-fA-F]{40}\\R"), printed);
  }
}
