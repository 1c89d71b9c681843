package zone.dimo.sdk;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Converter;
import retrofit2.Retrofit;
import zone.dimo.sdk.errors.DimoDecodingException;
import zone.dimo.sdk.errors.DimoException;
import zone.dimo.sdk.spec.DimoCall;
import zone.dimo.sdk.spec.DimoOperation;
import zone.dimo.sdk.spec.DimoResponse;

/**
 * The SDK's {@link DimoCall}: Retrofit builds the request from the generated method and its
 * arguments; this class sends it through the client's OkHttp stack (credentials, retries,
 * guards) and maps the answer itself, so that every outcome — error status, I/O failure,
 * undecodable body with its real status — becomes a typed {@link DimoException}.
 *
 * @param <B> the decoded body of the operation
 * @param <R> what the call returns: the body, or a {@link DimoResponse} of it
 */
final class RealDimoCall<B, R> implements DimoCall<R> {
  /** Installed on every Retrofit the client builds. */
  static final class Factory extends CallAdapter.Factory {
    private final Failures failures;

    Factory(Failures failures) {
      this.failures = failures;
    }

    @Override
    public @Nullable CallAdapter<?, ?> get(Type returnType, Annotation[] annotations,
        Retrofit retrofit) {
      if (getRawType(returnType) != DimoCall.class) {
        return null;
      }
      if (!(returnType instanceof ParameterizedType)) {
        throw new IllegalStateException("DimoCall must be parameterized, e.g. DimoCall<Void>");
      }
      Type bodyType = getParameterUpperBound(0, (ParameterizedType) returnType);
      Converter<ResponseBody, Object> converter =
          retrofit.responseBodyConverter(bodyType, annotations);
      okhttp3.Call.Factory callFactory = retrofit.callFactory();
      String name = "request";
      for (Annotation annotation : annotations) {
        if (annotation instanceof DimoOperation) {
          name = ((DimoOperation) annotation).operationId();
        }
      }
      String operationId = name;
      return new CallAdapter<Object, DimoCall<Object>>() {
        @Override
        public Type responseType() {
          return bodyType;
        }

        @Override
        public DimoCall<Object> adapt(Call<Object> call) {
          return new RealDimoCall<Object, Object>(operationId, call, converter, callFactory,
              failures, (response, body) -> body);
        }
      };
    }
  }

  /** Turns a successful response and its decoded body into the call's result. */
  interface Result<B, R> {
    R of(Response response, @Nullable B body);
  }

  private final String operationId;
  private final Call<B> template;
  private final Converter<ResponseBody, B> converter;
  private final okhttp3.Call.Factory callFactory;
  private final Failures failures;
  private final Result<B, R> result;
  private final AtomicBoolean executed = new AtomicBoolean();
  private volatile boolean canceled;
  private volatile okhttp3.@Nullable Call raw;

  private RealDimoCall(String operationId, Call<B> template, Converter<ResponseBody, B> converter,
      okhttp3.Call.Factory callFactory, Failures failures, Result<B, R> result) {
    this.operationId = operationId;
    this.template = template;
    this.converter = converter;
    this.callFactory = callFactory;
    this.failures = failures;
    this.result = result;
  }

  @Override
  public R execute() {
    Prepared prepared = prepare();
    Response response;
    try {
      response = prepared.call.execute();
    } catch (IOException e) {
      throw failure(prepared, e);
    }
    return handle(prepared.operation, response);
  }

  @Override
  public CompletableFuture<R> executeAsync() {
    Prepared prepared = prepare();
    CompletableFuture<R> future = new CompletableFuture<R>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        // The future first: cancelling the call makes OkHttp report a failure on its own
        // thread, which must find the future already cancelled rather than win the race.
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        RealDimoCall.this.cancel();
        return cancelled;
      }
    };
    prepared.call.enqueue(new Callback() {
      @Override
      public void onFailure(okhttp3.Call call, IOException e) {
        future.completeExceptionally(failure(prepared, e));
      }

      @Override
      public void onResponse(okhttp3.Call call, Response response) {
        try {
          future.complete(handle(prepared.operation, response));
        } catch (RuntimeException | Error e) {
          future.completeExceptionally(e);
        }
      }
    });
    return future;
  }

  @Override
  public DimoCall<DimoResponse<R>> withResponse() {
    Result<B, R> inner = result;
    return new RealDimoCall<B, DimoResponse<R>>(operationId, template.clone(), converter,
        callFactory, failures, (response, body) -> DimoResponse.of(response.code(),
            response.headers().toMultimap(), inner.of(response, body)));
  }

  @Override
  public void cancel() {
    canceled = true;
    okhttp3.Call call = raw;
    if (call != null) {
      call.cancel();
    }
  }

  @Override
  public boolean isCanceled() {
    return canceled;
  }

  @Override
  public boolean isExecuted() {
    return executed.get();
  }

  @Override
  public DimoCall<R> clone() {
    return new RealDimoCall<>(operationId, template.clone(), converter, callFactory, failures,
        result);
  }

  @Override
  public String toString() {
    // The arguments are left out: they may be signatures or other credentials.
    return "DimoCall{" + operationId + "}";
  }

  /**
   * Sends the request and returns the body bytes exactly as received, for payloads that are
   * signed as the service wrote them.
   */
  byte[] executeBytes() {
    Prepared prepared = prepare();
    try (Response response = prepared.call.execute()) {
      if (!response.isSuccessful()) {
        throw failures.fromStatus(prepared.operation, response, response.body());
      }
      return response.body().bytes();
    } catch (IOException e) {
      throw failure(prepared, e);
    }
  }

  private DimoException failure(Prepared prepared, IOException e) {
    // A failure raised by the SDK itself (a token that could not be had, an answer too large)
    // is reported as it is, also when OkHttp's call timer wrapped it: it says more.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterceptedFailure) {
        return ((InterceptedFailure) t).failure();
      }
    }
    // Only this class (cancel()) and OkHttp's call timer cancel the OkHttp call: canceled
    // without the caller asking means the deadline passed.
    if (prepared.call.isCanceled() && !canceled) {
      return failures.timedOut(prepared.operation, e,
          Duration.ofNanos(prepared.call.timeout().timeoutNanos()));
    }
    return failures.fromIo(prepared.operation, e);
  }

  private Prepared prepare() {
    if (!executed.compareAndSet(false, true)) {
      throw new IllegalStateException("This DimoCall was already run; use clone() to send the"
          + " request again");
    }
    Request request;
    Operation operation;
    try {
      request = template.request();
      operation = Operation.of(request);
    } catch (DimoException e) {
      throw e;
    } catch (RuntimeException e) {
      // Retrofit builds the request here. The argument checks in front of the generated
      // interfaces leave it little to refuse, but its own rules hold (e.g. "." as a path value,
      // a body its converter cannot write).
      throw new IllegalArgumentException(operationId + ": " + e.getMessage(), e);
    }
    okhttp3.Call call = callFactory.newCall(request);
    RetryInterceptor.Deadline outer = RetryInterceptor.current();
    if (outer != null) {
      // Made while another call runs on this thread (a token exchange for a command): it must
      // end by that call's deadline too.
      long remaining = Math.max(1, outer.nanoTime - System.nanoTime());
      long own = call.timeout().timeoutNanos();
      if (own == 0 || remaining < own) {
        call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
      }
    }
    raw = call;
    if (canceled) {
      call.cancel();
    }
    return new Prepared(operation, call);
  }

  private R handle(Operation operation, Response response) {
    ResponseBody body = response.body();
    try {
      if (!response.isSuccessful()) {
        throw failures.fromStatus(operation, response, body);
      }
      int code = response.code();
      if (code == 204 || code == 205) {
        body.close();
        return result.of(response, null);
      }
      return result.of(response, decode(operation, code, body));
    } catch (DimoException e) {
      throw e;
    } catch (RuntimeException e) {
      body.close();
      throw new DimoException(operation.id + " failed: " + Failures.describe(e), e);
    }
  }

  private @Nullable B decode(Operation operation, int code, ResponseBody body) {
    try {
      return converter.convert(body);
    } catch (Json.UndecodableBody e) {
      // A login or exchange answer is a credential as a whole: it is not kept.
      String raw = operation.sensitive ? "" : e.raw;
      throw new DimoDecodingException(operation.id + ": could not decode the answer (HTTP "
          + code + "): " + Failures.describe(e.getCause()), code, raw, e.getCause());
    } catch (IOException e) {
      throw failures.fromIo(operation, e);
    }
  }

  private static final class Prepared {
    final Operation operation;
    final okhttp3.Call call;

    Prepared(Operation operation, okhttp3.Call call) {
      this.operation = operation;
      this.call = call;
    }
  }
}
