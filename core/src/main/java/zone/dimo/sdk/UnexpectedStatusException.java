package zone.dimo.sdk;

/** An error status without a more specific class (e.g. 405, 410, an unfollowed 3xx). */
public class UnexpectedStatusException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  UnexpectedStatusException(ServiceError error) {
    super(error);
  }
}
