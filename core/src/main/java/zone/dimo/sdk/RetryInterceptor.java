package zone.dimo.sdk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import zone.dimo.sdk.errors.DimoException;

/**
 * The outermost SDK interceptor: repeats safe calls as {@link RetryPolicy} says, makes the bodies
 * of state-changing calls one-shot (so OkHttp cannot re-send them on a stale connection, a 408,
 * a 503 with Retry-After 0 or a 307/308), records whether a state-changing request got as far as
 * the network, and reads non-streaming bodies here so that a connection dropped mid-body is
 * handled like any other I/O failure.
 */
final class RetryInterceptor implements Interceptor {
  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  RetryInterceptor(RetryPolicy policy, Clock clock, Sleeper sleeper, DoubleSupplier random) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
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
    return operation.safe ? repeatable(chain, operation) : once(chain, operation);
  }

  private Response once(Chain chain, Operation operation) throws IOException {
    Request request = chain.request();
    SendState state = new SendState();
    Request.Builder builder = request.newBuilder().tag(SendState.class, state);
    if (request.body() != null) {
      builder.method(request.method(), new OneShotBody(request.body()));
    }
    try {
      return buffered(chain.proceed(builder.build()), operation);
    } catch (InterceptedFailure e) {
      throw e;
    } catch (IOException e) {
      if (!state.reachedNetwork) {
        throw new NotSentException(e);
      }
      throw e;
    }
  }

  private Response repeatable(Chain chain, Operation operation) throws IOException {
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
        retry++;
        sleep(policy.backoff(retry, random.getAsDouble()));
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
      response.close();
      retry++;
      sleep(wait);
    }
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

  private static Response buffered(Response response, Operation operation) throws IOException {
    ResponseBody body = response.body();
    if (operation.streaming || body == null) {
      return response;
    }
    MediaType contentType = body.contentType();
    byte[] bytes;
    try {
      bytes = body.bytes();
    } finally {
      response.close();
    }
    return response.newBuilder().body(ResponseBody.create(bytes, contentType)).build();
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
