package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountriesTest {
  @Test
  void theServicesFortyNineCodes() {
    assertEquals(49, Countries.SUPPORTED.size());
    for (String c : new String[] {"USA", "CAN", "GBR", "DEU", "FRA", "ESP", "ITA", "NLD", "usa", " Usa "}) {
      assertTrue(Countries.isSupported(c), c);
    }
    for (String c : new String[] {"MEX", "BRA", "US", "", null}) {
      assertFalse(Countries.isSupported(c), String.valueOf(c));
    }
  }
}
