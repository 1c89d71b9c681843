package zone.dimo.sdk.signing;

/**
 * A signature that is malformed or outside the accepted ranges (for example {@code v} not 27 or 28,
 * {@code r} or {@code s} out of range, a high {@code s}, or an {@code r} that is not on the curve).
 */
public class InvalidSignatureException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong; never contains secret material
   */
  public InvalidSignatureException(String message) {
    super(message);
  }
}
