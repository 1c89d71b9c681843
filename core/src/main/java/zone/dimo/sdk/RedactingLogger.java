package zone.dimo.sdk;

import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Wraps the caller's HTTP logger so that no line it receives carries a token, signature or key
 * (see {@link Redactor}); the Authorization header itself is also dropped by
 * {@code redactHeader} on the logging interceptor.
 */
final class RedactingLogger implements HttpLoggingInterceptor.Logger {
  private final HttpLoggingInterceptor.Logger delegate;

  RedactingLogger(HttpLoggingInterceptor.Logger delegate) {
    this.delegate = delegate;
  }

  @Override
  public void log(String message) {
    delegate.log(Redactor.redact(message));
  }

  static HttpLoggingInterceptor interceptor(
      HttpLoggingInterceptor.Level level, HttpLoggingInterceptor.Logger logger) {
    HttpLoggingInterceptor interceptor = new HttpLoggingInterceptor(new RedactingLogger(logger));
    interceptor.setLevel(level);
    interceptor.redactHeader("Authorization");
    interceptor.redactHeader("Cookie");
    interceptor.redactHeader("Set-Cookie");
    return interceptor;
  }
}
