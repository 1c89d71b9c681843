package zone.dimo.sdk;

/** HTTP 403: the caller may not do this (for example a token exchange for a vehicle it holds no privileges on). */
public class ForbiddenException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  ForbiddenException(ServiceError error) {
    super(error);
  }
}
