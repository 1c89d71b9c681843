package zone.dimo.sdk;

/** HTTP 404: the resource does not exist, or (under /v1/user/devices/{id}) is not the caller's. */
public class NotFoundException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  NotFoundException(ServiceError error) {
    super(error);
  }
}
