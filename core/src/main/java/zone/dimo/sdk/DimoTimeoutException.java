package zone.dimo.sdk;

/** A wait (such as {@link DimoClient#waitForMint}) ran out of time. */
public class DimoTimeoutException extends DimoException {
  private static final long serialVersionUID = 1L;

  public DimoTimeoutException(String message) {
    super(message);
  }
}
