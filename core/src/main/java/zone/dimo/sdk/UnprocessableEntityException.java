package zone.dimo.sdk;

/** HTTP 422: the request was well-formed but semantically refused. */
public class UnprocessableEntityException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  UnprocessableEntityException(ServiceError error) {
    super(error);
  }
}
