package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import zone.dimo.sdk.errors.MintFailedException;

class MintFailedExceptionTest {
  @Test
  void namesTheVehicleAndTheReason() {
    assertEquals("Minting vehicle ud1 failed: reverted", new MintFailedException("ud1", "reverted").getMessage());
    assertEquals("Minting vehicle ud1 failed", new MintFailedException("ud1", null).getMessage());
    assertEquals("ud1", new MintFailedException("ud1", null).userDeviceId());
  }
}
