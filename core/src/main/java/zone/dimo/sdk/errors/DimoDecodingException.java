package zone.dimo.sdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * The service answered with a success status but its body could not be decoded. The call itself
 * took effect; only the answer is unreadable. The raw body (at most 64 KiB) is kept for
 * diagnosis.
 */
public final class DimoDecodingException extends DimoException {
  private static final long serialVersionUID = 1L;

  /** See {@link #statusCode()}. */
  private final int statusCode;
  /** See {@link #rawBody()}. */
  private final String rawBody;

  /**
   * Reports a successful answer that could not be read.
   *
   * @param message what could not be read, and in which operation
   * @param statusCode the (successful) HTTP status of the answer
   * @param rawBody the body as received, or null (kept as empty)
   * @param cause the parser's failure, if any
   */
  public DimoDecodingException(String message, int statusCode, @Nullable String rawBody, @Nullable Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.rawBody = rawBody == null ? "" : rawBody;
  }

  /** {@return the (successful) HTTP status of the answer} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the body as received, decoded as UTF-8 and cut at 64 KiB} */
  public String rawBody() {
    return rawBody;
  }
}
