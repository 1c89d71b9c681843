package zone.dimo.sdk.sandbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Method + path-pattern routing with {@code {name}} segments, as Fiber routes. */
final class Router {
  /** Who may call a route. */
  enum Security {
    PUBLIC,
    USER,
    VEHICLE
  }

  interface Handler {
    SandboxResponse handle(SandboxRequest request);
  }

  static final class Route {
    final String method;
    final String[] segments;
    final String pattern;
    final Security security;
    /**
     * True when the handler checks the bearer token itself because the service's JWT middleware
     * answers differently from the Devices API's (the token exchange's).
     */
    final boolean ownAuthentication;
    final Handler handler;

    Route(String method, String pattern, Security security, boolean ownAuthentication, Handler handler) {
      this.method = method;
      this.pattern = pattern;
      this.segments = split(pattern);
      this.security = security;
      this.ownAuthentication = ownAuthentication;
      this.handler = handler;
    }

    boolean matches(String[] path, SandboxRequest request) {
      if (path.length != segments.length) {
        return false;
      }
      for (int i = 0; i < path.length; i++) {
        String s = segments[i];
        boolean param = s.startsWith("{") && s.endsWith("}");
        if (param ? path[i].isEmpty() : !s.equals(path[i])) {
          return false;
        }
      }
      if (request != null) {
        for (int i = 0; i < path.length; i++) {
          String s = segments[i];
          if (s.startsWith("{")) {
            request.pathParams().put(s.substring(1, s.length() - 1), path[i]);
          }
        }
      }
      return true;
    }
  }

  /** The outcome of a lookup: a route, or the methods the path allows (empty: unknown path). */
  static final class Match {
    final Route route;
    final Set<String> allowed;

    Match(Route route, Set<String> allowed) {
      this.route = route;
      this.allowed = allowed;
    }
  }

  private final List<Route> routes = new ArrayList<>();

  void add(String method, String pattern, Security security, Handler handler) {
    routes.add(new Route(method, pattern, security, false, handler));
  }

  /** A route whose handler authenticates the caller itself; {@code security} is still its scheme. */
  void addOwnAuthentication(String method, String pattern, Security security, Handler handler) {
    routes.add(new Route(method, pattern, security, true, handler));
  }

  /** Every route, in registration order. */
  List<Route> routes() {
    return java.util.Collections.unmodifiableList(routes);
  }

  Match match(SandboxRequest request) {
    String[] path = split(request.path());
    for (Route route : routes) {
      if (route.method.equals(request.method()) && route.matches(path, null)) {
        route.matches(path, request);
        return new Match(route, null);
      }
    }
    Set<String> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      if (route.matches(path, null)) {
        allowed.add(route.method);
      }
    }
    return new Match(null, allowed);
  }

  static String[] split(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }
}
