package zone.dimo.sdk.errors;

/**
 * The client is not configured for what an operation needs (typically a missing token provider).
 * Thrown before anything is sent; the message says what to configure.
 */
public final class DimoConfigurationException extends DimoException {
  private static final long serialVersionUID = 1L;

  /**
   * A missing configuration.
   *
   * @param message what to configure, e.g. which builder method to call
   */
  public DimoConfigurationException(String message) {
    super(message);
  }
}
