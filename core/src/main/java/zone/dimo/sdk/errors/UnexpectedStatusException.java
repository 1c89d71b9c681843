package zone.dimo.sdk.errors;

/** An error status without a more specific class (e.g. 405, 410, an unfollowed 3xx). */
public final class UnexpectedStatusException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Reports an unexpected error status answer; also for tests of code that handles it.
   *
   * @param error the answer, see {@link ErrorResponse#of}
   */
  public UnexpectedStatusException(ErrorResponse error) {
    super(error);
  }
}
