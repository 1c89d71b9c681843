package zone.dimo.sdk.errors;

import zone.dimo.sdk.DimoClient;

/** A wait (such as {@link DimoClient#waitForMint}) ran out of time. */
public final class DimoTimeoutException extends DimoException {
  private static final long serialVersionUID = 1L;

  public DimoTimeoutException(String message) {
    super(message);
  }
}
