package zone.dimo.sdk;

/**
 * HTTP 5xx. Safe calls have already been retried as {@link RetryPolicy} allows when this is
 * thrown. For state-changing calls a 502 or 504 (a gateway that may have forwarded the request)
 * is reported as {@link OutcomeUnknownException} with this as its cause.
 */
public class ServerErrorException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  ServerErrorException(ServiceError error) {
    super(error);
  }
}
