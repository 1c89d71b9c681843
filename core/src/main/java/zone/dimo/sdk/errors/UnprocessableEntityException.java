package zone.dimo.sdk.errors;

/** HTTP 422: the request was well-formed but semantically refused. */
public final class UnprocessableEntityException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  public UnprocessableEntityException(ErrorResponse error) {
    super(error);
  }
}
