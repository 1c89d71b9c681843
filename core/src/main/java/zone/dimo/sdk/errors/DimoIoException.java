package zone.dimo.sdk.errors;

import org.jspecify.annotations.Nullable;

import zone.dimo.sdk.RetryPolicy;

/**
 * A call failed on the network (connection refused, reset, timeout, broken body) where the
 * failure leaves no doubt about the server's state: either the call is safe to repeat (reads,
 * login, token exchange — already retried as {@link RetryPolicy} allows) or the request never
 * left this machine. State-changing calls that may have reached the server throw
 * {@link OutcomeUnknownException} instead.
 */
public final class DimoIoException extends DimoException {
  private static final long serialVersionUID = 1L;

  /**
   * A network failure.
   *
   * @param message the operation and what failed
   * @param cause the underlying failure (an {@link java.io.IOException} or the I/O failure of a
   *     login the call needed), if any
   */
  public DimoIoException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
