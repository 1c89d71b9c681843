package zone.dimo.sdk.samples;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;
import zone.dimo.sdk.spec.DimoOperation;

/**
 * An OkHttp application interceptor that writes down the operation id and HTTP status of every
 * exchange, so that each walkthrough step reports the status the server really sent. Added
 * through {@code DimoClient.builder().okHttpClient(...)}: it sits outside the SDK's own retry
 * and credential interceptors, so it sees the final answer of each call, and the login and token
 * exchanges that a token provider makes on the way appear as exchanges of their own.
 */
final class HttpRecorder implements Interceptor {
  /** One request and its answer; {@code status} is -1 when no answer came. */
  record Exchange(String operationId, String method, String path, int status) {}

  private final List<Exchange> exchanges = new ArrayList<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String operation = operationId(request);
    try {
      Response response = chain.proceed(request);
      add(new Exchange(operation, request.method(), request.url().encodedPath(), response.code()));
      return response;
    } catch (IOException | RuntimeException e) {
      add(new Exchange(operation, request.method(), request.url().encodedPath(), -1));
      throw e;
    }
  }

  /** Everything recorded since the last call, oldest first; clears the record. */
  synchronized List<Exchange> drain() {
    List<Exchange> copy = List.copyOf(exchanges);
    exchanges.clear();
    return copy;
  }

  private synchronized void add(Exchange exchange) {
    exchanges.add(exchange);
  }

  private static String operationId(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation != null) {
      Method method = invocation.method();
      DimoOperation operation = method.getAnnotation(DimoOperation.class);
      return operation != null ? operation.operationId() : method.getName();
    }
    return request.method() + " " + request.url().encodedPath();
  }
}
