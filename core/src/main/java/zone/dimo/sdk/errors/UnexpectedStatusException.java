package zone.dimo.sdk.errors;

/** An error status without a more specific class (e.g. 405, 410, an unfollowed 3xx). */
public final class UnexpectedStatusException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  public UnexpectedStatusException(ErrorResponse error) {
    super(error);
  }
}
