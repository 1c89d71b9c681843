package zone.dimo.sdk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import zone.dimo.sdk.errors.DimoException;
import zone.dimo.sdk.errors.ResponseTooLargeException;

/**
 * The outermost SDK interceptor: repeats safe calls as {@link RetryPolicy} says within the call's
 * deadline, makes the bodies of state-changing calls one-shot (so OkHttp cannot re-send them on
 * a stale connection, a 408, a 503 with Retry-After 0 or a 307/308) and sends them again only
 * when the request provably did not reach the server, and reads non-streaming bodies here —
 * bounded, so no answer can exhaust memory — so that a connection dropped mid-body is handled
 * like any other I/O failure.
 */
final class RetryInterceptor implements Interceptor {
  /** The deadline of the outermost call running on this thread, seen by nested calls. */
  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Duration callTimeout;
  private final long maxResponseBytes;

  RetryInterceptor(RetryPolicy policy, Clock clock, Sleeper sleeper, DoubleSupplier random,
      Duration callTimeout, long maxResponseBytes) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.callTimeout = callTimeout;
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * When the call running on this thread must end (a call made while getting a token for
   * another, e.g. the token exchange, must end by its caller's deadline), or null.
   */
  static @Nullable Deadline current() {
    return CURRENT.get();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Operation operation;
    try {
      operation = Operation.of(request);
    } catch (DimoException e) {
      throw new InterceptedFailure(e);
    }
    Deadline outer = CURRENT.get();
    Deadline deadline = callTimeout.isZero() ? outer
        : Deadline.earliest(outer, new Deadline(clock.instant().plus(callTimeout),
            System.nanoTime() + callTimeout.toNanos()));
    CURRENT.set(deadline);
    try {
      return operation.safe
          ? repeatable(chain, operation, deadline) : once(chain, operation, deadline);
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  private Response once(Chain chain, Operation operation, @Nullable Deadline deadline)
      throws IOException {
    Request request = chain.request();
    SendState state = chain.call().request().tag(SendState.class);
    Request.Builder builder = request.newBuilder();
    if (state == null) {
      // Not made by the client's call factory: no event listener reports failed writes, so
      // only a failure before the network counts as "not sent".
      state = new SendState();
      builder.tag(SendState.class, state);
    }
    if (request.body() != null) {
      builder.method(request.method(), new OneShotBody(request.body()));
    }
    Request oneShot = builder.build();
    for (int attempt = 1; ; attempt++) {
      state.reset();
      try {
        return buffered(chain.proceed(oneShot), operation);
      } catch (InterceptedFailure e) {
        throw e;
      } catch (IOException e) {
        if (state.reachedNetwork && !state.writeFailed) {
          throw e; // the request was written: the server may have acted on it
        }
        // Writing failed (a pooled connection the server had closed) or nothing reached the
        // network: the server has no request. Once, on another connection — OkHttp takes no new
        // exchanges on a connection that failed — it is safe to send it again.
        if (attempt == 1 && state.writeFailed && !chain.call().isCanceled()
            && fits(deadline, Duration.ZERO)) {
          continue;
        }
        throw new NotSentException(e);
      }
    }
  }

  private Response repeatable(Chain chain, Operation operation, @Nullable Deadline deadline)
      throws IOException {
    Request request = chain.request();
    int retry = 0;
    while (true) {
      Response response;
      try {
        response = buffered(chain.proceed(request), operation);
      } catch (InterceptedFailure e) {
        throw e;
      } catch (IOException e) {
        if (chain.call().isCanceled() || retry >= policy.maxRetries()) {
          throw e;
        }
        Duration wait = policy.backoff(retry + 1, random.getAsDouble());
        if (!fits(deadline, wait)) {
          throw e;
        }
        retry++;
        sleep(wait);
        continue;
      }
      if (!RetryPolicy.isRetryableStatus(response.code()) || retry >= policy.maxRetries()) {
        return response;
      }
      Duration wait;
      Duration retryAfter =
          RetryPolicy.parseRetryAfter(response.header("Retry-After"), clock.instant());
      if (retryAfter != null) {
        if (retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
          return response;
        }
        wait = retryAfter;
      } else {
        wait = policy.backoff(retry + 1, random.getAsDouble());
      }
      if (!fits(deadline, wait)) {
        return response; // reported now, with its Retry-After, rather than after the deadline
      }
      response.close();
      retry++;
      sleep(wait);
    }
  }

  /** Whether a wait of {@code wait} would end before the deadline (with time left to ask). */
  private boolean fits(@Nullable Deadline deadline, Duration wait) {
    return deadline == null || clock.instant().plus(wait).isBefore(deadline.at);
  }

  private void sleep(Duration duration) throws IOException {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  /**
   * Reads a non-streaming answer into memory, bounded: a successful one up to
   * {@code maxResponseBytes} (counted on the bytes OkHttp hands over, that is after it undid a
   * gzip encoding it asked for), an error answer up to the {@link Failures#MAX_RAW_BODY} an
   * exception keeps. The rest is never read; closing the body early drops the connection.
   */
  private Response buffered(Response response, Operation operation) throws IOException {
    ResponseBody body = response.body();
    if (operation.streaming || body == null) {
      return response;
    }
    MediaType contentType = body.contentType();
    boolean success = response.isSuccessful();
    long limit = success ? maxResponseBytes : Failures.MAX_RAW_BODY;
    Buffer buffer = new Buffer();
    try {
      if (success && body.contentLength() > limit) {
        throw new InterceptedFailure(new ResponseTooLargeException(operation.id, limit));
      }
      BufferedSource source = body.source();
      while (buffer.size() <= limit) {
        if (source.read(buffer, limit + 1 - buffer.size()) == -1) {
          break;
        }
      }
      if (buffer.size() > limit) {
        if (success) {
          throw new InterceptedFailure(new ResponseTooLargeException(operation.id, limit));
        }
        Buffer cut = new Buffer(); // an error body is kept cut, as exceptions show it
        buffer.read(cut, limit);
        buffer = cut;
      }
    } finally {
      response.close();
    }
    return response.newBuilder().body(ResponseBody.create(buffer.readByteArray(), contentType))
        .build();
  }

  /** A deadline on the client's clock, and on {@link System#nanoTime()} for OkHttp's timer. */
  static final class Deadline {
    final Instant at;
    final long nanoTime;

    Deadline(Instant at, long nanoTime) {
      this.at = at;
      this.nanoTime = nanoTime;
    }

    static Deadline earliest(@Nullable Deadline a, Deadline b) {
      return a != null && a.nanoTime - b.nanoTime < 0 ? a : b;
    }
  }

  /** Delegates to a body but tells OkHttp it may be written only once. */
  static final class OneShotBody extends RequestBody {
    private final RequestBody delegate;

    OneShotBody(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
