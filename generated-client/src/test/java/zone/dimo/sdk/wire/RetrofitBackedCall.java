package zone.dimo.sdk.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Response;
import retrofit2.Retrofit;
import zone.dimo.sdk.spec.DimoCall;
import zone.dimo.sdk.spec.DimoResponse;

/**
 * The wire tests' stand-in for core's call adapter: a {@link DimoCall} over the plain Retrofit
 * call, so the tests see the raw {@link Response} (status, error body) of the generated
 * interfaces without core's error mapping, which core's own tests cover.
 */
final class RetrofitBackedCall<T> implements DimoCall<T> {
  static final CallAdapter.Factory FACTORY = new CallAdapter.Factory() {
    @Override
    public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
      if (getRawType(returnType) != DimoCall.class) {
        return null;
      }
      Type body = getParameterUpperBound(0, (ParameterizedType) returnType);
      return new CallAdapter<Object, DimoCall<Object>>() {
        @Override
        public Type responseType() {
          return body;
        }

        @Override
        public DimoCall<Object> adapt(Call<Object> call) {
          return new RetrofitBackedCall<>(call);
        }
      };
    }
  };

  final Call<T> delegate;

  RetrofitBackedCall(Call<T> delegate) {
    this.delegate = delegate;
  }

  /** The raw Retrofit response of {@code call}, which must come from a wire-test Retrofit. */
  static <T> Response<T> raw(DimoCall<T> call) throws IOException {
    return ((RetrofitBackedCall<T>) call).delegate.execute();
  }

  @Override
  public T execute() {
    try {
      Response<T> response = delegate.execute();
      if (!response.isSuccessful()) {
        throw new IllegalStateException("HTTP " + response.code());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CompletableFuture<T> executeAsync() {
    return CompletableFuture.supplyAsync(this::execute);
  }

  @Override
  public DimoCall<DimoResponse<T>> withResponse() {
    throw new UnsupportedOperationException("wire tests read Retrofit responses through raw()");
  }

  @Override
  public void cancel() {
    delegate.cancel();
  }

  @Override
  public boolean isCanceled() {
    return delegate.isCanceled();
  }

  @Override
  public boolean isExecuted() {
    return delegate.isExecuted();
  }

  @Override
  public DimoCall<T> clone() {
    return new RetrofitBackedCall<>(delegate.clone());
  }

  @Override
  public String toString() {
    return delegate.request().toString();
  }
}
