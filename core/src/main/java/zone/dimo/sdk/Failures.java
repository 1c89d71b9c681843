package zone.dimo.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import zone.dimo.sdk.errors.BadRequestException;
import zone.dimo.sdk.errors.ConflictException;
import zone.dimo.sdk.errors.DimoException;
import zone.dimo.sdk.errors.DimoIoException;
import zone.dimo.sdk.errors.DimoServiceException;
import zone.dimo.sdk.errors.DimoTimeoutException;
import zone.dimo.sdk.errors.ErrorResponse;
import zone.dimo.sdk.errors.ForbiddenException;
import zone.dimo.sdk.errors.NotFoundException;
import zone.dimo.sdk.errors.OutcomeUnknownException;
import zone.dimo.sdk.errors.RateLimitedException;
import zone.dimo.sdk.errors.ServerErrorException;
import zone.dimo.sdk.errors.UnauthorizedException;
import zone.dimo.sdk.errors.UnexpectedStatusException;
import zone.dimo.sdk.errors.UnprocessableEntityException;
import zone.dimo.sdk.internal.Redactor;

/** Turns HTTP answers and I/O failures into the SDK's typed exceptions. */
final class Failures {
  /** Raw bodies kept in exceptions are cut here. */
  static final int MAX_RAW_BODY = 64 * 1024;
  private static final int MAX_PLAIN_MESSAGE = 300;

  private final Clock clock;

  Failures(Clock clock) {
    this.clock = clock;
  }

  /** The exception for an error status; {@code body} is the (possibly null) error body. */
  DimoException fromStatus(Operation operation, Response response, ResponseBody body) {
    // A service may echo the credential it was sent (an unknown token in its error text): that
    // value is cut out of everything the exception carries.
    String sent = credentialSent(response);
    String raw = without(readBounded(body), sent);
    String errorCode = null;
    String errorMessage = null;
    Map<String, Object> json = parseJson(raw);
    if (json != null) {
      errorCode = text(first(json, "code", "error", "status"));
      errorMessage = text(first(json, "message", "errorMessage", "error_description"));
    } else if (isPlainMessage(raw)) {
      errorMessage = raw.trim();
    }
    ErrorResponse error = ErrorResponse.of(operation.id, response.code(),
        response.headers().toMultimap(), errorCode, errorMessage, raw);
    DimoServiceException exception = byStatus(error, response);
    int status = response.code();
    if (!operation.safe && (status == 502 || status == 504)) {
      // A gateway answered; the service behind it may have acted on the request.
      return new OutcomeUnknownException(operation.id, exception);
    }
    return exception;
  }

  private DimoServiceException byStatus(ErrorResponse error, Response response) {
    int status = response.code();
    switch (status) {
      case 400:
        return new BadRequestException(error);
      case 401:
        return new UnauthorizedException(error);
      case 403:
        return new ForbiddenException(error);
      case 404:
        return new NotFoundException(error);
      case 409:
        return new ConflictException(error);
      case 422:
        return new UnprocessableEntityException(error);
      case 429:
        return new RateLimitedException(error,
            RetryPolicy.parseRetryAfter(response.header("Retry-After"), clock.instant()));
      default:
        if (status >= 500 && status < 600) {
          return new ServerErrorException(error);
        }
        return new UnexpectedStatusException(error);
    }
  }

  /** The exception for an I/O failure of {@code operation}. */
  DimoException fromIo(Operation operation, IOException e) {
    if (e instanceof InterceptedFailure) {
      return ((InterceptedFailure) e).failure();
    }
    if (e instanceof NotSentException) {
      IOException cause = (IOException) e.getCause();
      return new DimoIoException(operation.id + " failed before anything was sent: "
          + describe(cause), cause);
    }
    DimoIoException io = new DimoIoException(operation.id + " failed: " + describe(e), e);
    if (operation.safe) {
      return io;
    }
    // The request reached the network: the server may have acted on it.
    return new OutcomeUnknownException(operation.id, io);
  }

  private static @Nullable String credentialSent(Response response) {
    String authorization = response.request().header("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String token = authorization.substring("Bearer ".length()).trim();
    return token.length() < 8 ? null : token;
  }

  private static String without(String text, @Nullable String secret) {
    return secret == null ? text : text.replace(secret, "[redacted]");
  }

  /**
   * The exception for a call whose deadline ({@code callTimeout}, {@code limit}) passed: a
   * {@link DimoTimeoutException}, inside an {@link OutcomeUnknownException} when a
   * state-changing request may have reached the server.
   */
  DimoException timedOut(Operation operation, IOException e, Duration limit) {
    boolean notSent = e instanceof NotSentException;
    IOException cause = notSent ? (IOException) e.getCause() : e;
    DimoTimeoutException timeout = new DimoTimeoutException(operation.id
        + " did not finish within its deadline of " + format(limit)
        + (notSent ? ", before anything was sent" : "")
        + "; the deadline is set with DimoClient.builder().callTimeout(...)", cause);
    if (operation.safe || notSent) {
      return timeout;
    }
    return new OutcomeUnknownException(operation.id, timeout);
  }

  private static String format(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName()
        + (message == null || message.isEmpty() ? "" : ": " + Redactor.redact(message));
  }

  /** Reads at most {@link #MAX_RAW_BODY} bytes as UTF-8; never throws. */
  static String readBounded(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try {
      BufferedSource source = body.source();
      Buffer buffer = new Buffer();
      while (buffer.size() < MAX_RAW_BODY) {
        long read = source.read(buffer, MAX_RAW_BODY - buffer.size());
        if (read == -1) {
          break;
        }
      }
      return buffer.readString(Math.min(buffer.size(), MAX_RAW_BODY), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } finally {
      body.close();
    }
  }

  private static Map<String, Object> parseJson(String raw) {
    String trimmed = raw.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return ExactJson.readObject(new Buffer().writeUtf8(trimmed), "error body");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isPlainMessage(String raw) {
    String trimmed = raw.trim();
    return !trimmed.isEmpty() && trimmed.length() <= MAX_PLAIN_MESSAGE
        && trimmed.indexOf('<') < 0 && trimmed.indexOf('\n') < 0;
  }

  private static Object first(Map<String, Object> json, String... keys) {
    for (String key : keys) {
      Object value = json.get(key);
      if (value != null && !(value instanceof Map) && !(value instanceof List)) {
        return value;
      }
    }
    return null;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
