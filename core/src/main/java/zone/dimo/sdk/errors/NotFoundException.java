package zone.dimo.sdk.errors;

/** HTTP 404: the resource does not exist, or (under /v1/user/devices/{id}) is not the caller's. */
public final class NotFoundException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Reports a 404 answer; also for tests of code that handles it.
   *
   * @param error the answer, see {@link ErrorResponse#of}
   */
  public NotFoundException(ErrorResponse error) {
    super(error);
  }
}
