package zone.dimo.sdk;

/** HTTP 409: a business conflict such as a VIN already in use; never retried. */
public class ConflictException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  ConflictException(ServiceError error) {
    super(error);
  }
}
