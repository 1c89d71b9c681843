package zone.dimo.sdk.errors;

/** HTTP 401: the token was missing, malformed, expired, or lacks the privilege the operation needs. */
public final class UnauthorizedException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(ErrorResponse error) {
    super(error);
  }
}
