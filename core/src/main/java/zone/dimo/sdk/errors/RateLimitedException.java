package zone.dimo.sdk.errors;

import org.jspecify.annotations.Nullable;

import zone.dimo.sdk.RetryPolicy;

import java.time.Duration;

/**
 * HTTP 429: too many requests (for example a vehicle data refresh within the service's
 * rate-limit window). Safe calls have already been retried as {@link RetryPolicy} allows.
 */
public final class RateLimitedException extends DimoServiceException {
  private static final long serialVersionUID = 1L;

  /** The service's {@code Retry-After}, or null. */
  private final @Nullable Duration retryAfter;

  /**
   * Reports a 429 answer; also for tests of code that handles it.
   *
   * @param error the answer, see {@link ErrorResponse#of}
   * @param retryAfter how long the service asked to wait, or null when it did not say
   */
  public RateLimitedException(ErrorResponse error, @Nullable Duration retryAfter) {
    super(error);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the service asked to wait (its {@code Retry-After} header, in seconds or as an HTTP
   * date).
   *
   * @return the wait, or null when the service did not say
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
