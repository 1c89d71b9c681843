package zone.dimo.sdk.errors;

/** HTTP 401: the token was missing, malformed, expired, or lacks the privilege the operation needs. */
public final class UnauthorizedException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Reports a 401 answer; also for tests of code that handles it.
   *
   * @param error the answer, see {@link ErrorResponse#of}
   */
  public UnauthorizedException(ErrorResponse error) {
    super(error);
  }
}
