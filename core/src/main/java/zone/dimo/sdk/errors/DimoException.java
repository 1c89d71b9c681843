package zone.dimo.sdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the SDK throws. Unchecked, like the rest of the Square stack; callers
 * catch the subclasses they can act on:
 *
 * <ul>
 *   <li>{@link DimoServiceException} and its per-status subclasses — the service answered with an
 *       error status;
 *   <li>{@link DimoIoException} — the call failed on the network and nothing was changed, or the
 *       call was safe to repeat;
 *   <li>{@link OutcomeUnknownException} — a state-changing call failed after the request may have
 *       reached the server: re-read state before trying again;
 *   <li>{@link DimoDecodingException} — a successful answer could not be read;
 *   <li>{@link DimoConfigurationException} — the client lacks what an operation needs;
 *   <li>{@link DimoTimeoutException} — a call's deadline or a wait's timeout passed;
 *   <li>{@link ResponseTooLargeException} — an answer exceeded the client's read limit;
 *   <li>{@link PayloadMismatchException}, {@link MintFailedException} — from the signing
 *       flows.
 * </ul>
 *
 * <p>Messages never contain tokens, signatures or key material.
 */
public class DimoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message only.
   *
   * @param message what failed; never holds tokens, signatures or key material
   */
  public DimoException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what failed; never holds tokens, signatures or key material
   * @param cause the underlying failure, if any
   */
  public DimoException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
