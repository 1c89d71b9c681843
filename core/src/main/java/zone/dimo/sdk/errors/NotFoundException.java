package zone.dimo.sdk.errors;

/** HTTP 404: the resource does not exist, or (under /v1/user/devices/{id}) is not the caller's. */
public final class NotFoundException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(ErrorResponse error) {
    super(error);
  }
}
