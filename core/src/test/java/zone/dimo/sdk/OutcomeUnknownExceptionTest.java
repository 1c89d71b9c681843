package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import zone.dimo.sdk.errors.DimoIoException;
import zone.dimo.sdk.errors.OutcomeUnknownException;

class OutcomeUnknownExceptionTest {
  @Test
  void tellsTheCallerToReReadStateBeforeRetrying() {
    DimoIoException cause = new DimoIoException("submitMint failed: SocketTimeoutException: timeout", null);

    OutcomeUnknownException e = new OutcomeUnknownException("submitMint", cause);

    assertEquals("submitMint", e.operationId());
    assertSame(cause, e.getCause());
    assertEquals("submitMint may or may not have taken effect (submitMint failed: "
        + "SocketTimeoutException: timeout); re-read the state (e.g. list your vehicles or read the"
        + " device) before calling it again", e.getMessage());
  }
}
