package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void shapes() {
    String ksuid = Ids.ksuid();
    assertTrue(ksuid.matches("[0-9A-Za-z]{27}"), ksuid);
    assertNotEquals(ksuid, Ids.ksuid());
    assertTrue(Ids.hash32().matches("0x[0-9a-f]{64}"));
    assertEquals("0x00ff10", Ids.hex(new byte[] {0, (byte) 0xff, 0x10}));
  }
}
