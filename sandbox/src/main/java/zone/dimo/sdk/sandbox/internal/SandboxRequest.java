package zone.dimo.sdk.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request as the handlers see it: method, path, query, headers, body and path params. */
public final class SandboxRequest {
  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Map<String, String> pathParams = new LinkedHashMap<>();
  private Principal principal;

  public SandboxRequest(
      String method, String path, Map<String, String> query, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.path = path;
    this.query = query;
    Map<String, List<String>> lower = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null) {
        lower.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
      }
    }
    this.headers = lower;
    this.body = body;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public String query(String name) {
    return query.get(name);
  }

  /** First value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public String param(String name) {
    return pathParams.get(name);
  }

  Map<String, String> pathParams() {
    return pathParams;
  }

  /** The caller authenticated by the route's security, or null on public routes. */
  public Principal principal() {
    return principal;
  }

  void principal(Principal principal) {
    this.principal = principal;
  }

  /** Media type without parameters, lower case; empty when absent. */
  public String mediaType() {
    String type = header("Content-Type");
    if (type == null) {
      return "";
    }
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  static Map<String, String> emptyQuery() {
    return Collections.emptyMap();
  }
}
