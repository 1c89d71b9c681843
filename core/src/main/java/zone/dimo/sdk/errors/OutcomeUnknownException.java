package zone.dimo.sdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * A state-changing call (create vehicle, mint, claim, pair, unpair, a vehicle command, a geofence
 * or error-code write, ...) failed after its request may have reached the server. The SDK never
 * repeats such a call by itself: the change may or may not have happened. Re-read the state (for
 * example list the user's vehicles, or read the device) before deciding to call again.
 *
 * <p>The cause is the underlying {@link DimoIoException}, {@link ServerErrorException} (a 502 or
 * 504) or {@link DimoTimeoutException} (the call's deadline passed after the request was sent).
 * A request that provably did not reach the server — its write failed, or it never got to the
 * network — is not reported this way: it is sent once more on another connection, and a second
 * such failure is a {@link DimoIoException} saying nothing was sent.
 */
public final class OutcomeUnknownException extends DimoException {
  private static final long serialVersionUID = 1L;

  /** See {@link #operationId()}. */
  private final String operationId;

  /**
   * A state-changing call whose outcome is unknown; also for tests of code that handles it.
   *
   * @param operationId the operation id from the API spec, e.g. {@code submitMint}
   * @param cause the failure after which the outcome is unknown, or null for no answer
   */
  public OutcomeUnknownException(String operationId, @Nullable Throwable cause) {
    super(operationId + " may or may not have taken effect (" + describe(cause) + "); re-read the"
        + " state (e.g. list your vehicles or read the device) before calling it again", cause);
    this.operationId = operationId;
  }

  /** {@return the operation id from the API spec, e.g. {@code submitMint} or {@code lockDoors}} */
  public String operationId() {
    return operationId;
  }

  private static String describe(@Nullable Throwable cause) {
    return cause == null ? "no answer" : cause.getMessage();
  }
}
