package zone.dimo.sdk;

import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;
import org.jspecify.annotations.Nullable;
import zone.dimo.sdk.internal.Redactor;

/**
 * The HTTP log: OkHttp's logging interceptor behind two guards. Every line goes through
 * {@link Redactor} (JWTs, long hex strings, token and signature fields) and has the credential
 * of the request being logged cut out, whatever its shape — a service may echo an opaque token
 * in an error body. Bodies of login and exchange calls ({@code x-dimo-sensitive}) are never
 * logged: they are credentials as a whole. The Authorization and cookie headers are redacted by
 * the logging interceptor itself.
 */
final class RedactingLogger implements Interceptor {
  private final ThreadLocal<@Nullable String> credential = new ThreadLocal<>();
  private final HttpLoggingInterceptor full;
  private final HttpLoggingInterceptor withoutBodies;

  RedactingLogger(HttpLogLevel level, Consumer<String> sink) {
    HttpLoggingInterceptor.Logger logger = line -> {
      String redacted = Redactor.redact(line);
      String secret = credential.get();
      sink.accept(secret == null || secret.length() < 8 ? redacted
          : redacted.replace(secret, "[redacted]"));
    };
    this.full = logging(logger, level);
    this.withoutBodies = logging(logger,
        level == HttpLogLevel.BODY ? HttpLogLevel.HEADERS : level);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Operation operation = Operation.lookup(request);
    String authorization = request.header("Authorization");
    credential.set(authorization == null ? null
        : authorization.replaceFirst("^Bearer\\s+", "").trim());
    try {
      return (operation != null && operation.sensitive ? withoutBodies : full).intercept(chain);
    } finally {
      credential.remove();
    }
  }

  private static HttpLoggingInterceptor logging(HttpLoggingInterceptor.Logger logger,
      HttpLogLevel level) {
    HttpLoggingInterceptor interceptor = new HttpLoggingInterceptor(logger);
    interceptor.setLevel(HttpLoggingInterceptor.Level.valueOf(level.name()));
    interceptor.redactHeader("Authorization");
    interceptor.redactHeader("Cookie");
    interceptor.redactHeader("Set-Cookie");
    return interceptor;
  }
}
