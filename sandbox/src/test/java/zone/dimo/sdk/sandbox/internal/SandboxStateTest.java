package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.signing.Address;

class SandboxStateTest {
  private static SandboxState state(int pendingReads) {
    Address a = Address.fromHex("0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c");
    return new SandboxState(new SandboxConfig(80002, a, a, "c", "d", Duration.ofHours(1),
        Duration.ofMinutes(10), pendingReads, Duration.ofHours(1), Clock.systemUTC(), "code"));
  }

  @Test
  void withNoPendingReadsATransactionIsConfirmedWhenSubmitted() {
    AtomicInteger effects = new AtomicInteger();
    SandboxState.Tx tx = state(0).new Tx(effects::incrementAndGet);
    assertEquals("Confirmed", tx.status);
    assertEquals(1, effects.get());
    assertFalse(tx.inFlight());
    tx.observe();
    assertEquals(1, effects.get(), "the effect runs once");
  }

  @Test
  void pendingReadsSeeSubmittedThenConfirmed() {
    AtomicInteger effects = new AtomicInteger();
    SandboxState.Tx tx = state(2).new Tx(effects::incrementAndGet);
    assertTrue(tx.inFlight());
    tx.observe();
    assertEquals("Submitted", tx.status);
    tx.observe();
    assertEquals("Submitted", tx.status);
    assertEquals(0, effects.get());
    tx.observe();
    assertEquals("Confirmed", tx.status);
    assertEquals(1, effects.get());
    assertEquals(66, tx.hash.length());
  }

  @Test
  void provisionsTheDevicesWithTheirAddresses() {
    SandboxState s = state(0);
    assertEquals(3, s.units.size());
    for (Provisioned.Device d : Provisioned.DEVICES) {
      assertEquals(d.serial, s.units.get(d.serial).device.serial);
    }
    assertEquals(21000, s.nextVehicleTokenId);
  }
}
