package zone.dimo.sdk.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import zone.dimo.sdk.internal.Redactor;

/**
 * An error answer of a DIMO service, as the SDK read it: what every {@link DimoServiceException}
 * carries. Made by the client; {@link #of} is public so that code handling these exceptions can
 * be tested with exceptions built by hand, e.g.
 * {@code new NotFoundException(ErrorResponse.of("getAftermarketDevice", 404, headers, null,
 * "Aftermarket device not found", ""))}.
 */
public final class ErrorResponse {
  final String operationId;
  final int statusCode;
  final Map<String, List<String>> headers;
  final @Nullable String errorCode;
  final @Nullable String errorMessage;
  final String rawBody;

  private ErrorResponse(String operationId, int statusCode, Map<String, List<String>> headers,
      @Nullable String errorCode, @Nullable String errorMessage, String rawBody) {
    this.operationId = operationId;
    this.statusCode = statusCode;
    this.headers = headers;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.rawBody = rawBody;
  }

  /**
   * An error answer.
   *
   * @param operationId the operation that failed, e.g. {@code lockDoors}
   * @param statusCode the HTTP status, 100 to 599
   * @param headers response headers by name (copied; names lower-cased)
   * @param errorCode the service's error code, if its body has one
   * @param errorMessage the service's error message, if its body has one
   * @param rawBody the body as received (cut to at most 64 KiB by the client); empty for none
   * @return the error answer
   */
  public static ErrorResponse of(String operationId, int statusCode,
      Map<String, List<String>> headers, @Nullable String errorCode,
      @Nullable String errorMessage, String rawBody) {
    Objects.requireNonNull(operationId, "operationId == null");
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(rawBody, "rawBody == null");
    if (statusCode < 100 || statusCode > 599) {
      throw new IllegalArgumentException("statusCode must be 100..599: " + statusCode);
    }
    Map<String, List<String>> copy = new TreeMap<>();
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      copy.put(entry.getKey().toLowerCase(Locale.ROOT),
          Collections.unmodifiableList(new ArrayList<>(entry.getValue())));
    }
    return new ErrorResponse(operationId, statusCode, Collections.unmodifiableMap(copy),
        errorCode, errorMessage, rawBody);
  }

  /** The exception message: operation, status, and the service's message and code, redacted. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(operationId).append(" failed: HTTP ").append(statusCode);
    if (errorMessage != null) {
      sb.append(": ").append(Redactor.redact(errorMessage));
    }
    if (errorCode != null) {
      sb.append(" (code ").append(Redactor.redact(errorCode)).append(')');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
