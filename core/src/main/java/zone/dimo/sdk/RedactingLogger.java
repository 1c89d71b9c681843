package zone.dimo.sdk;

import java.io.EOFException;
import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.logging.HttpLoggingInterceptor;
import okio.Buffer;
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
  /**
   * Bodies are logged up to this many bytes: OkHttp's own body logging reads (and un-gzips) a
   * whole answer into memory, which a hostile or broken server can make as large as it likes.
   */
  static final int MAX_LOGGED_BODY = 64 * 1024;

  private final ThreadLocal<@Nullable String> credential = new ThreadLocal<>();
  private final HttpLoggingInterceptor.Logger logger;
  private final HttpLoggingInterceptor lines;
  private final boolean bodies;

  RedactingLogger(HttpLogLevel level, Consumer<String> sink) {
    this.logger = line -> {
      String redacted = Redactor.redact(line);
      String secret = credential.get();
      sink.accept(secret == null || secret.length() < 8 ? redacted
          : redacted.replace(secret, "[redacted]"));
    };
    this.bodies = level == HttpLogLevel.BODY;
    this.lines = logging(logger, bodies ? HttpLogLevel.HEADERS : level);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Operation operation = Operation.lookup(request);
    String authorization = request.header("Authorization");
    credential.set(authorization == null ? null
        : authorization.replaceFirst("^Bearer\\s+", "").trim());
    try {
      boolean logBodies = bodies && (operation == null || !operation.sensitive);
      if (logBodies) {
        logRequestBody(request);
      }
      Response response = lines.intercept(chain);
      if (logBodies) {
        logResponseBody(response);
      }
      return response;
    } finally {
      credential.remove();
    }
  }

  private void logRequestBody(Request request) throws IOException {
    RequestBody body = request.body();
    if (body == null) {
      return;
    }
    if (body.isOneShot()) {
      logger.log("--> body of a state-changing call not logged (" + request.method() + ")");
      return;
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    logger.log(cut(buffer, buffer.size()));
  }

  private void logResponseBody(Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return;
    }
    String encoding = response.header("Content-Encoding");
    if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
      logger.log("<-- " + encoding + "-encoded body not logged");
      return;
    }
    // peekBody reads at most that much and leaves the answer to the caller untouched.
    Buffer peeked = new Buffer();
    peeked.writeAll(response.peekBody(MAX_LOGGED_BODY + 1L).source());
    logger.log(cut(peeked, body.contentLength()));
  }

  private static String cut(Buffer buffer, long total) throws EOFException {
    if (buffer.size() <= MAX_LOGGED_BODY) {
      return buffer.readUtf8();
    }
    return buffer.readUtf8(MAX_LOGGED_BODY) + "… (body cut at " + MAX_LOGGED_BODY + " bytes"
        + (total > 0 ? " of " + total : "") + ")";
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
