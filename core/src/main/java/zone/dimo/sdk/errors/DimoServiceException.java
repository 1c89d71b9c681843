package zone.dimo.sdk.errors;

import org.jspecify.annotations.Nullable;


import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service answered with an error status. Subclasses name the common statuses:
 * {@link BadRequestException} (400), {@link UnauthorizedException} (401),
 * {@link ForbiddenException} (403), {@link NotFoundException} (404), {@link ConflictException}
 * (409), {@link UnprocessableEntityException} (422), {@link RateLimitedException} (429) and
 * {@link ServerErrorException} (5xx); {@link UnexpectedStatusException} covers the rest.
 *
 * <p>DIMO's services answer errors in several shapes — {@code {code, message}} (Devices API),
 * {@code {errorMessage}} (geofences), {@code {status, message}} and
 * {@code {error, error_description}} (login server) — and sometimes as plain text; all are read
 * into {@link #errorCode()} and {@link #errorMessage()}. The raw body is kept (at most 64 KiB).
 */
public abstract class DimoServiceException extends DimoException {
  private static final long serialVersionUID = 1L;

  /** See {@link #operationId()}. */
  private final String operationId;
  /** See {@link #statusCode()}. */
  private final int statusCode;
  /** See {@link #headers()}. */
  private final Map<String, List<String>> headers;
  /** See {@link #errorCode()}. */
  private final @Nullable String errorCode;
  /** See {@link #errorMessage()}. */
  private final @Nullable String errorMessage;
  /** See {@link #rawBody()}. */
  private final String rawBody;

  DimoServiceException(ErrorResponse error) {
    super(error.describe());
    this.operationId = error.operationId;
    this.statusCode = error.statusCode;
    this.headers = error.headers;
    this.errorCode = error.errorCode;
    this.errorMessage = error.errorMessage;
    this.rawBody = error.rawBody;
  }

  /** {@return the operation id from the API spec, e.g. {@code listMyVehicles}} */
  public String operationId() {
    return operationId;
  }

  /** {@return the HTTP status code of the answer} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return response headers; names in lower case, unmodifiable} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a response header.
   *
   * @param name the header's name, in any case
   * @return its first value, or null when the answer has no such header
   */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The service's error code: {@code code} of {@code {code, message}}, {@code error} of an OAuth
   * error or {@code status} of the login server's errors, as text.
   *
   * @return the code, or null when the body has none
   */
  public @Nullable String errorCode() {
    return errorCode;
  }

  /**
   * The service's error message ({@code message}, {@code errorMessage} or
   * {@code error_description}, or a short plain-text body).
   *
   * @return the message, or null when the body has none
   */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /**
   * {@return the body as received, decoded as UTF-8 and cut at 64 KiB; empty when there was none}
   */
  public String rawBody() {
    return rawBody;
  }
}
