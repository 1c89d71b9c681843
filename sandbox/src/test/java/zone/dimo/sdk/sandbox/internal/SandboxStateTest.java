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
        Duration.ofMinutes(10), pendingReads, Duration.ofHours(1), Clock.systemUTC(), "code",
        false, true));
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

  private static SandboxState.Vehicle minted(SandboxState s, long tokenId, Address owner) {
    SandboxState.Vehicle v = new SandboxState.Vehicle("v" + tokenId, "u", Provisioned.DEFINITIONS.get(0), "USA",
        "1FMEE5DPXNA100001", "6", false, java.time.Instant.EPOCH);
    v.tokenId = tokenId;
    v.owner = owner;
    s.vehicles.put(v.id, v);
    return v;
  }

  @Test
  void theOwnerHoldsEveryPrivilegeAndAGranteeWhatWasShared() {
    SandboxState s = state(0);
    Address owner = Address.fromHex("0x1111111111111111111111111111111111111111");
    Address grantee = Address.fromHex("0x2222222222222222222222222222222222222222");
    minted(s, 7, owner);
    minted(s, 8, owner);
    assertEquals(java.util.Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), s.vehiclePrivileges(7, owner));
    assertEquals(java.util.Set.of(), s.vehiclePrivileges(7, grantee));
    s.grants.add(new SandboxState.Grant(owner, 7L, grantee, new java.util.TreeSet<>(java.util.List.of(2L))));
    s.grants.add(new SandboxState.Grant(owner, 7L, grantee, new java.util.TreeSet<>(java.util.List.of(4L))));
    assertEquals(java.util.Set.of(2L, 4L), s.vehiclePrivileges(7, grantee), "shares add up");
    assertEquals(java.util.Set.of(), s.vehiclePrivileges(8, grantee), "per vehicle");
    assertEquals(java.util.Set.of(), s.accountPrivileges(owner, grantee), "a vehicle share is not an account share");
    assertEquals(java.util.Set.of(), s.vehiclePrivileges(99, owner), "no such vehicle");
  }

  @Test
  void aShareEndsWhenTheVehicleChangesOwner() {
    SandboxState s = state(0);
    Address owner = Address.fromHex("0x1111111111111111111111111111111111111111");
    Address grantee = Address.fromHex("0x2222222222222222222222222222222222222222");
    SandboxState.Vehicle v = minted(s, 7, owner);
    s.grants.add(new SandboxState.Grant(owner, null, grantee, new java.util.TreeSet<>(java.util.List.of(1L, 2L))));
    assertEquals(java.util.Set.of(1L, 2L), s.vehiclePrivileges(7, grantee), "an account share covers the vehicles");
    assertEquals(java.util.Set.of(1L, 2L), s.accountPrivileges(owner, grantee));
    v.owner = Address.fromHex("0x3333333333333333333333333333333333333333");
    assertEquals(java.util.Set.of(), s.vehiclePrivileges(7, grantee));
  }

  @Test
  void provisionsTheDeveloperLicensesWithTheirApiKeys() {
    SandboxState s = state(0);
    assertEquals(2, s.licenses.size());
    for (Provisioned.License l : Provisioned.LICENSES) {
      SandboxState.License license = s.licenses.get(Address.fromBytes(l.address));
      assertEquals(l.redirectUri, license.redirectUri);
      assertEquals(zone.dimo.sdk.signing.PrivateKey.fromBytes(l.apiKey()).address(), license.signer);
      assertFalse(license.signer.equals(license.address));
    }
  }
}
