package zone.dimo.sdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DeviceDefinitionTest {
  @Test
  void provisionedDefinitions() {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      DeviceDefinition ford = sandbox.deviceDefinitions().get(0);
      assertEquals("22B4ZZ8pV3bUeH1tYbC3d7Ford0", ford.id());
      assertEquals("ford_bronco_2022", ford.nameSlug());
      assertEquals("Ford", ford.make());
      assertEquals("Bronco", ford.model());
      assertEquals(2022, ford.year());
      assertEquals(42, ford.manufacturerTokenId());
      assertEquals("1FMEE5DPXNA100001", ford.sampleVin());
      assertEquals("5YJ3E1EA0MF100001", sandbox.deviceDefinitions().get(1).sampleVin());
      assertEquals("JTMRWRFV7PD100001", sandbox.deviceDefinitions().get(2).sampleVin());
      assertThrows(IllegalArgumentException.class, () -> ford.vin(1_000_000));
      assertEquals(ford, sandbox.deviceDefinitions().get(0));
    }
  }
}
