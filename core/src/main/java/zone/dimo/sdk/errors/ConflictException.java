package zone.dimo.sdk.errors;

/** HTTP 409: a business conflict such as a VIN already in use; never retried. */
public final class ConflictException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Reports a 409 answer; also for tests of code that handles it.
   *
   * @param error the answer, see {@link ErrorResponse#of}
   */
  public ConflictException(ErrorResponse error) {
    super(error);
  }
}
