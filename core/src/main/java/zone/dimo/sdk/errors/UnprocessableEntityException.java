package zone.dimo.sdk.errors;

/** HTTP 422: the request was well-formed but semantically refused. */
public final class UnprocessableEntityException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Reports a 422 answer; also for tests of code that handles it.
   *
   * @param error the answer, see {@link ErrorResponse#of}
   */
  public UnprocessableEntityException(ErrorResponse error) {
    super(error);
  }
}
