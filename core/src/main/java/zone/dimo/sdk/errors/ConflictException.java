package zone.dimo.sdk.errors;

/** HTTP 409: a business conflict such as a VIN already in use; never retried. */
public final class ConflictException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  public ConflictException(ErrorResponse error) {
    super(error);
  }
}
