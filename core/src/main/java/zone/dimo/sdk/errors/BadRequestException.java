package zone.dimo.sdk.errors;

/** HTTP 400: the request was invalid (a missing or malformed field, an unsupported country, an already cleared error-code query, ...). */
public final class BadRequestException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Reports a 400 answer; also for tests of code that handles it.
   *
   * @param error the answer, see {@link ErrorResponse#of}
   */
  public BadRequestException(ErrorResponse error) {
    super(error);
  }
}
