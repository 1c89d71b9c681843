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

  private final String operationId;
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final @Nullable String errorCode;
  private final @Nullable String errorMessage;
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

  /** The operation id from the API spec, e.g. {@code listMyVehicles}. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP status code of the answer. */
  public int statusCode() {
    return statusCode;
  }

  /** Response headers; names in lower case, unmodifiable. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of response header {@code name} (any case), or null. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The service's error code: {@code code} of {@code {code, message}}, {@code error} of an OAuth
   * error or {@code status} of the login server's errors, as text; null when the body has none.
   */
  public @Nullable String errorCode() {
    return errorCode;
  }

  /**
   * The service's error message ({@code message}, {@code errorMessage} or
   * {@code error_description}, or a short plain-text body); null when the body has none.
   */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** The body as received, decoded as UTF-8 and cut at 64 KiB; empty when there was none. */
  public String rawBody() {
    return rawBody;
  }
}
