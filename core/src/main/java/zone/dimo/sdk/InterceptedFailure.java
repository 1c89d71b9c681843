package zone.dimo.sdk;

import java.io.IOException;
import zone.dimo.sdk.errors.DimoException;

/**
 * Carries a {@link DimoException} raised inside an OkHttp interceptor (a missing token provider,
 * a failed login) out through OkHttp and Retrofit, which only pass IOExceptions through
 * reliably; {@link Failures} unwraps it.
 */
final class InterceptedFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final DimoException failure;

  InterceptedFailure(DimoException failure) {
    super(failure.getMessage(), failure);
    this.failure = failure;
  }

  DimoException failure() {
    return failure;
  }
}
