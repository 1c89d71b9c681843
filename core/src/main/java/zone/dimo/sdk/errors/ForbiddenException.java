package zone.dimo.sdk.errors;

/** HTTP 403: the caller may not do this (for example a token exchange for a vehicle it holds no privileges on). */
public final class ForbiddenException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Reports a 403 answer; also for tests of code that handles it.
   *
   * @param error the answer, see {@link ErrorResponse#of}
   */
  public ForbiddenException(ErrorResponse error) {
    super(error);
  }
}
