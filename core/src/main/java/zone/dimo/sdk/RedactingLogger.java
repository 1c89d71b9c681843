package zone.dimo.sdk;

import java.util.function.Consumer;
import okhttp3.logging.HttpLoggingInterceptor;
import zone.dimo.sdk.internal.Redactor;

/**
 * Wraps the caller's HTTP log sink so that no line it receives carries a token, signature or key
 * (see {@link Redactor}); the Authorization header itself is also dropped by
 * {@code redactHeader} on the logging interceptor.
 */
final class RedactingLogger implements HttpLoggingInterceptor.Logger {
  private final Consumer<String> delegate;

  RedactingLogger(Consumer<String> delegate) {
    this.delegate = delegate;
  }

  @Override
  public void log(String message) {
    delegate.accept(Redactor.redact(message));
  }

  static HttpLoggingInterceptor interceptor(HttpLogLevel level, Consumer<String> logger) {
    HttpLoggingInterceptor interceptor = new HttpLoggingInterceptor(new RedactingLogger(logger));
    interceptor.setLevel(HttpLoggingInterceptor.Level.valueOf(level.name()));
    interceptor.redactHeader("Authorization");
    interceptor.redactHeader("Cookie");
    interceptor.redactHeader("Set-Cookie");
    return interceptor;
  }
}
