package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VinsTest {
  @Test
  void checkDigitOfKnownVins() {
    assertEquals('X', Vins.checkDigit("1M8GDM9AXKP042788")); // the FMVSS 115 worked example
  }

  @Test
  void buildPutsTheCheckDigitAtPosition9() {
    String vin = Vins.build("1FM", "EE5DP", 'N', 'A', 100001);
    assertEquals("1FMEE5DPXNA100001", vin);
    assertEquals(vin.charAt(8), Vins.checkDigit(vin));
    assertEquals("1FMEE5DP", Vins.build("1FM", "EE5DP", 'N', 'A', 7).substring(0, 8));
    assertTrue(Vins.build("1FM", "EE5DP", 'N', 'A', 7).endsWith("000007"));
  }

  @Test
  void wellFormed() {
    assertTrue(Vins.isWellFormed("1FMEE5DPXNA100001"));
    assertFalse(Vins.isWellFormed("1FMEE5DPXNA10000"));
    assertFalse(Vins.isWellFormed("1FMEE5DPXNAI00001"));
    assertFalse(Vins.isWellFormed("1FMEE5DPXNAO00001"));
    assertFalse(Vins.isWellFormed("1FMEE5DPXNAQ00001"));
    assertFalse(Vins.isWellFormed("1fmee5dpxna100001"));
    assertFalse(Vins.isWellFormed(null));
  }
}
