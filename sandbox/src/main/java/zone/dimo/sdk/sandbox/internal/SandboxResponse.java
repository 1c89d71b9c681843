package zone.dimo.sdk.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer: status, headers and body bytes. */
public final class SandboxResponse {
  static final String JSON = "application/json";
  static final String TEXT = "text/plain; charset=utf-8";

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final byte[] body;

  private SandboxResponse(int status, String contentType, byte[] body) {
    this.status = status;
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    this.body = body;
  }

  /** A JSON answer; {@code value} is a tree of maps, lists, strings, numbers, booleans. */
  public static SandboxResponse json(int status, Object value) {
    return new SandboxResponse(status, JSON, Json.write(value).getBytes(StandardCharsets.UTF_8));
  }

  public static SandboxResponse text(int status, String contentType, String text) {
    return new SandboxResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  public static SandboxResponse bytes(int status, String contentType, byte[] body) {
    return new SandboxResponse(status, contentType, body.clone());
  }

  /** No body at all (204, or the service's bare 200). */
  public static SandboxResponse empty(int status) {
    return new SandboxResponse(status, null, new byte[0]);
  }

  /** The Go service's usual error body {@code {code, message}}. */
  public static SandboxResponse error(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", status);
    body.put("message", message);
    return json(status, body);
  }

  /** The geofence handlers' error body {@code {errorMessage}}. */
  public static SandboxResponse errorMessage(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errorMessage", message);
    return json(status, body);
  }

  SandboxResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }
}
