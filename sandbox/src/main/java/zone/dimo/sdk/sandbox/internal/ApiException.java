package zone.dimo.sdk.sandbox.internal;

/** Ends a handler with a ready answer (an error status and body). */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient SandboxResponse response;

  ApiException(SandboxResponse response) {
    super("HTTP " + response.status(), null, false, false);
    this.response = response;
  }

  /** {@code {code, message}}, the usual body of the Go services. */
  static ApiException of(int status, String message) {
    return new ApiException(SandboxResponse.error(status, message));
  }

  /** {@code {errorMessage}}, the geofence handlers' body. */
  static ApiException errorMessage(int status, String message) {
    return new ApiException(SandboxResponse.errorMessage(status, message));
  }

  static ApiException text(int status, String text) {
    return new ApiException(SandboxResponse.text(status, SandboxResponse.TEXT, text));
  }

  SandboxResponse response() {
    return response;
  }
}
