package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ManageGeofencesRecipeTest {
  @Test
  void mainRunsAgainstTheEmbeddedSandbox() {
    String printed = StandardOutput.capture(() -> ManageGeofencesRecipe.main(new String[0]));

    assertTrue(printed.contains("Home (TriggerEntry): [8928308280fffff]"), printed);
    assertTrue(printed.contains("Updated and deleted geofence "), printed);
  }
}
