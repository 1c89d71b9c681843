package zone.dimo.sdk;

/** HTTP 400: the request was invalid (a missing or malformed field, an unsupported country, an already cleared error-code query, ...). */
public class BadRequestException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  BadRequestException(ServiceError error) {
    super(error);
  }
}
