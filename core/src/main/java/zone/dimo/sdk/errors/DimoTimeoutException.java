package zone.dimo.sdk.errors;

import zone.dimo.sdk.DimoClient;

/**
 * A call or a wait ran out of time: a call's deadline ({@code DimoClient.builder().callTimeout},
 * 60 s by default, covering all its attempts and waits) or the timeout given to
 * {@link DimoClient#waitForMint}.
 *
 * <p>A state-changing call whose deadline passed after its request may have reached the server
 * is reported as {@link OutcomeUnknownException} with this exception as its cause, like every
 * other failure of such a call whose outcome is unknown; thrown directly, this exception means
 * the call was safe to repeat or provably not sent.
 */
public final class DimoTimeoutException extends DimoException {
  private static final long serialVersionUID = 1L;

  /**
   * A timeout without an underlying failure.
   *
   * @param message what ran out of time, and after how long
   */
  public DimoTimeoutException(String message) {
    super(message);
  }

  /**
   * A timeout with an underlying failure.
   *
   * @param message what ran out of time, and after how long
   * @param cause the underlying failure, e.g. the timeout of a login the call needed
   */
  public DimoTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
