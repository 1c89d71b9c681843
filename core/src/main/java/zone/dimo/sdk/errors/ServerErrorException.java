package zone.dimo.sdk.errors;

import zone.dimo.sdk.RetryPolicy;

/**
 * HTTP 5xx. Safe calls have already been retried as {@link RetryPolicy} allows when this is
 * thrown. For state-changing calls a 502 or 504 (a gateway that may have forwarded the request)
 * is reported as {@link OutcomeUnknownException} with this as its cause.
 */
public final class ServerErrorException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Reports a 5xx answer; also for tests of code that handles it.
   *
   * @param error the answer, see {@link ErrorResponse#of}
   */
  public ServerErrorException(ErrorResponse error) {
    super(error);
  }
}
