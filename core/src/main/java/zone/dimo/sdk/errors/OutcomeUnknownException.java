package zone.dimo.sdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * A state-changing call (create vehicle, mint, claim, pair, unpair, a vehicle command, a geofence
 * or error-code write, ...) failed after its request may have reached the server. The SDK never
 * repeats such a call by itself: the change may or may not have happened. Re-read the state (for
 * example list the user's vehicles, or read the device) before deciding to call again.
 *
 * <p>The cause is the underlying {@link DimoIoException} or {@link ServerErrorException}.
 */
public final class OutcomeUnknownException extends DimoException {
  private static final long serialVersionUID = 1L;

  private final String operationId;

  public OutcomeUnknownException(String operationId, @Nullable Throwable cause) {
    super(operationId + " may or may not have taken effect (" + describe(cause) + "); re-read the"
        + " state (e.g. list your vehicles or read the device) before calling it again", cause);
    this.operationId = operationId;
  }

  /** The operation id from the API spec, e.g. {@code submitMint} or {@code lockDoors}. */
  public String operationId() {
    return operationId;
  }

  private static String describe(@Nullable Throwable cause) {
    return cause == null ? "no answer" : cause.getMessage();
  }
}
