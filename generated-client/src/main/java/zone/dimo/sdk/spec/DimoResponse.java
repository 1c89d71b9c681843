package zone.dimo.sdk.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A successful answer: HTTP status, headers and the decoded body. Returned by the calls of
 * {@link DimoCall#withResponse()}; error statuses are thrown as exceptions instead.
 *
 * @param <T> the decoded body
 */
public final class DimoResponse<T extends @Nullable Object> {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final T body;

  private DimoResponse(int statusCode, Map<String, List<String>> headers, T body) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
  }

  /**
   * A response; also for tests of code that consumes responses.
   *
   * @param statusCode the HTTP status, 100 to 599
   * @param headers the headers by name (any case; copied, names lower-cased)
   * @param body the decoded body
   * @param <T> the body's type
   * @return the response
   * @throws IllegalArgumentException when {@code statusCode} is not an HTTP status
   */
  public static <T extends @Nullable Object> DimoResponse<T> of(int statusCode,
      Map<String, List<String>> headers, T body) {
    Objects.requireNonNull(headers, "headers == null");
    if (statusCode < 100 || statusCode > 599) {
      throw new IllegalArgumentException("statusCode must be 100..599: " + statusCode);
    }
    Map<String, List<String>> copy = new TreeMap<>();
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      String name = Objects.requireNonNull(entry.getKey(), "header name == null");
      List<String> values = copy.computeIfAbsent(name.toLowerCase(Locale.ROOT),
          key -> new ArrayList<>());
      values.addAll(Objects.requireNonNull(entry.getValue(), "header values == null"));
    }
    for (Map.Entry<String, List<String>> entry : copy.entrySet()) {
      entry.setValue(Collections.unmodifiableList(entry.getValue()));
    }
    return new DimoResponse<>(statusCode, Collections.unmodifiableMap(copy), body);
  }

  /**
   * The HTTP status code.
   *
   * @return the status, e.g. 200 or 204
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * All headers; names in lower case, unmodifiable.
   *
   * @return the headers by lower-case name
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of header {@code name}.
   *
   * @param name the header name, any case
   * @return the value, or null when the header is absent
   */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The decoded body.
   *
   * @return the body; null for operations declared without one
   */
  public T body() {
    return body;
  }

  @Override
  public String toString() {
    // The body is left out: answers of the login and token exchange carry credentials.
    return "DimoResponse{statusCode=" + statusCode + "}";
  }
}
