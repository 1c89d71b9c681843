package zone.dimo.sdk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import zone.dimo.sdk.errors.RateLimitedException;
import zone.dimo.sdk.errors.ServerErrorException;

/**
 * When the SDK repeats a call — the one place this is decided.
 *
 * <p>Only <em>safe</em> calls are ever repeated: reads ({@code GET}), the Web3 login and the
 * token exchange. They are repeated after a connection failure (refused, reset, timeout, a body
 * cut short), a 5xx answer or a 429, at most {@link #maxRetries()} times, waiting
 * {@link #initialBackoff()} doubled per attempt up to {@link #maxBackoff()}, with random jitter
 * removing up to half of each wait. A {@code Retry-After} header (seconds or an HTTP date) is
 * honoured instead of the backoff when it is at most {@link #maxRetryAfter()}; a longer one ends
 * the retries and surfaces as {@link RateLimitedException#retryAfter()} or
 * {@link ServerErrorException}.
 *
 * <p>State-changing calls (create vehicle, VIN update, mint, claim, pair, unpair, opt-in,
 * refresh, vehicle commands, error-code submit and clear, geofence writes) are never repeated —
 * not by this policy and not by OkHttp, as their request bodies are one-shot and they run on a
 * client that neither retries connections nor follows redirects. A 409 is a business conflict
 * and is never retried. The one exception: when writing such a request fails (a pooled
 * connection the server had closed), the server did not get it, and it is sent once more on
 * another connection.
 *
 * <p>All repeats and waits happen within the call's deadline
 * ({@link DimoClient.Builder#callTimeout}): a wait that could not end before it is not started,
 * and the last answer or failure is reported instead.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = new Builder().build();
  private static final RetryPolicy NONE = new Builder().maxRetries(0).build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.maxRetryAfter = builder.maxRetryAfter;
  }

  /**
   * {@return the default policy: 2 retries, 500 ms initial backoff, 8 s maximum backoff,
   * Retry-After honoured up to 60 s}
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a policy that never retries} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return a builder starting from the defaults (see {@link #defaults()})} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder starting from this policy's values} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** {@return retries after the first attempt; default 2 (so at most 3 requests)} */
  public int maxRetries() {
    return maxRetries;
  }

  /** {@return wait before the first retry, before jitter; default 500 ms} */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** {@return upper bound of one backoff wait; default 8 s} */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** {@return longest {@code Retry-After} the SDK waits for; default 60 s} */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The jittered exponential backoff before retry number {@code retry} (1-based);
   * {@code random01} in [0, 1) removes up to half of the wait.
   */
  Duration backoff(int retry, double random01) {
    long base = initialBackoff.toMillis();
    long capped = maxBackoff.toMillis();
    long wait = base;
    for (int i = 1; i < retry && wait < capped; i++) {
      wait *= 2;
    }
    wait = Math.min(wait, capped);
    return Duration.ofMillis(wait - (long) (wait * 0.5 * random01));
  }

  /** Whether an answer with this status is worth repeating for a safe call. */
  static boolean isRetryableStatus(int status) {
    return status == 429 || (status >= 500 && status != 501);
  }

  /**
   * Parses a {@code Retry-After} value: delay-seconds or an HTTP date relative to {@code now}.
   * Returns null when absent or unreadable; past dates give zero.
   */
  static Duration parseRetryAfter(String value, Instant now) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(trimmed);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration delay = Duration.between(now, at);
        return delay.isNegative() ? Duration.ZERO : delay;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy that = (RetryPolicy) o;
    return maxRetries == that.maxRetries
        && initialBackoff.equals(that.initialBackoff)
        && maxBackoff.equals(that.maxBackoff)
        && maxRetryAfter.equals(that.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "}";
  }

  /** Builds a {@link RetryPolicy}; unset values keep their defaults. */
  public static final class Builder {
    private int maxRetries = 2;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    Builder() {
    }

    Builder(RetryPolicy policy) {
      this.maxRetries = policy.maxRetries;
      this.initialBackoff = policy.initialBackoff;
      this.maxBackoff = policy.maxBackoff;
      this.maxRetryAfter = policy.maxRetryAfter;
    }

    /**
     * Sets the number of retries after the first attempt.
     *
     * @param maxRetries 0 to 10; default 2
     * @return this builder
     * @throws IllegalArgumentException if {@code maxRetries} is outside 0..10
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be in 0..10: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the wait before the first retry, doubled per retry.
     *
     * @param initialBackoff not negative; default 500 ms
     * @return this builder
     * @throws IllegalArgumentException if {@code initialBackoff} is negative
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Sets the upper bound of one backoff wait.
     *
     * @param maxBackoff not negative; default 8 s
     * @return this builder
     * @throws IllegalArgumentException if {@code maxBackoff} is negative
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} honoured; a longer one ends the retries.
     *
     * @param maxRetryAfter not negative; default 60 s
     * @return this builder
     * @throws IllegalArgumentException if {@code maxRetryAfter} is negative
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** {@return a policy with this builder's values} */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " < 0: " + d);
      }
      return d;
    }
  }
}
