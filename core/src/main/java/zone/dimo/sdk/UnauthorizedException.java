package zone.dimo.sdk;

/** HTTP 401: the token was missing, malformed, expired, or lacks the privilege the operation needs. */
public class UnauthorizedException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(ServiceError error) {
    super(error);
  }
}
