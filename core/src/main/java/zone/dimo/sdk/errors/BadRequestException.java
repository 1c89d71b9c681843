package zone.dimo.sdk.errors;

/** HTTP 400: the request was invalid (a missing or malformed field, an unsupported country, an already cleared error-code query, ...). */
public final class BadRequestException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(ErrorResponse error) {
    super(error);
  }
}
