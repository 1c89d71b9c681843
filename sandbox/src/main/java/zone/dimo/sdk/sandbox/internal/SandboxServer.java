package zone.dimo.sdk.sandbox.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox engine: one {@link HttpServer} on the loopback interface serving the Devices API,
 * the auth server and the Token Exchange API (see {@link Urls}). Requests run one at a time
 * against the shared state (a single monitor), so every handler is atomic. Nothing is logged.
 */
public final class SandboxServer implements AutoCloseable {
  private static final int MAX_BODY = 10 * 1024 * 1024;

  private final SandboxState state;
  private final Router router = new Router();
  private final Jwt jwt;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Urls urls;
  private final NftRoutes nftRoutes;

  private SandboxServer(SandboxConfig config, int port) throws IOException {
    this.state = new SandboxState(config);
    this.jwt = new Jwt(Ids.randomBytes(32));
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    this.urls = new Urls("127.0.0.1:" + server.getAddress().getPort());
    new AuthRoutes(state, jwt, urls).register(router);
    new TokenExchangeRoutes(state, jwt, urls).register(router);
    new UserDeviceRoutes(state, urls).register(router);
    new AftermarketRoutes(state).register(router);
    new ErrorCodeRoutes(state).register(router);
    new GeofenceRoutes(state).register(router);
    new CommandRoutes(state).register(router);
    this.nftRoutes = new NftRoutes(state, urls);
    nftRoutes.register(router);

    final AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(4, new ThreadFactory() {
      @Override
      public Thread newThread(Runnable r) {
        Thread t = new Thread(r, "dimo-sandbox-http-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
      }
    });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /** Binds 127.0.0.1:{@code port} (0 = any free port) and starts serving. */
  public static SandboxServer start(SandboxConfig config, int port) throws IOException {
    return new SandboxServer(config, port);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String devicesUrl() {
    return urls.devicesUrl();
  }

  public String authUrl() {
    return urls.authUrl();
  }

  public String tokenExchangeUrl() {
    return urls.tokenExchangeUrl();
  }

  /** The routes, for the test that compares them with the specs. */
  Router router() {
    return router;
  }

  /**
   * Records that the current owner of the minted vehicle {@code tokenId} shares
   * {@code permissions} (names such as {@code privilege:ExecuteCommands}) with {@code grantee}.
   *
   * @throws IllegalArgumentException for an unknown permission name or an empty list
   * @throws IllegalStateException when no minted vehicle has that token id
   */
  public void sharePermissions(long tokenId, zone.dimo.sdk.signing.Address grantee,
      java.util.Collection<String> permissions) {
    java.util.Objects.requireNonNull(grantee, "grantee == null");
    java.util.Objects.requireNonNull(permissions, "permissions == null");
    java.util.Set<Long> ids = new java.util.TreeSet<>();
    for (String name : permissions) {
      Long id = Privileges.NAME_TO_ID.get(name);
      if (id == null) {
        throw new IllegalArgumentException("unknown permission " + name + "; known: "
            + Privileges.NAME_TO_ID.keySet());
      }
      ids.add(id);
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no permissions");
    }
    synchronized (state) {
      SandboxState.Vehicle vehicle = state.vehicleByTokenId(tokenId);
      if (vehicle == null || vehicle.owner == null) {
        throw new IllegalStateException("no minted vehicle with token id " + tokenId);
      }
      state.grants.add(new SandboxState.Grant(vehicle.owner, tokenId, grantee, ids));
    }
  }

  /** The node id (decimal) of the DCN name the sandbox serves. */
  public String dcnNodeId() {
    return nftRoutes.dcnNodeId();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try {
      SandboxResponse response;
      try {
        byte[] body = readBody(exchange.getRequestBody());
        SandboxRequest request = new SandboxRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
            // Raw, like Fiber's c.Params without UnescapePath: "%20" stays "%20".
            exchange.getRequestURI().getRawPath(), query(exchange.getRequestURI().getRawQuery()),
            exchange.getRequestHeaders(), body);
        response = dispatch(request);
      } catch (BodyTooLargeException e) {
        response = SandboxResponse.error(413, "Request Entity Too Large");
      }
      for (Map.Entry<String, String> h : response.headers().entrySet()) {
        exchange.getResponseHeaders().set(h.getKey(), h.getValue());
      }
      byte[] bytes = response.body();
      boolean noBody = bytes.length == 0 || "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : bytes.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } finally {
      exchange.close();
    }
  }

  /** Routes, authenticates and runs one request; public for in-process tests. */
  SandboxResponse dispatch(SandboxRequest request) {
    Router.Match match = router.match(request);
    if (match.route == null) {
      if (match.allowed.isEmpty()) {
        return SandboxResponse.error(404, "Cannot " + request.method() + " " + request.path());
      }
      StringBuilder allow = new StringBuilder();
      for (String m : match.allowed) {
        allow.append(allow.length() == 0 ? "" : ", ").append(m);
      }
      return SandboxResponse.error(405, "Method Not Allowed").header("Allow", allow.toString());
    }
    synchronized (state) {
      try {
        if (match.route.security != Router.Security.PUBLIC && !match.route.ownAuthentication) {
          request.principal(authenticate(request, match.route.security));
        }
        return match.route.handler.handle(request);
      } catch (ApiException e) {
        return e.response();
      } catch (RuntimeException e) {
        return SandboxResponse.error(500, "Internal error");
      }
    }
  }

  /**
   * The services' JWT middleware (gofiber/contrib/jwt v1.0.8 with its default error handler):
   * every failure — no {@code Authorization: Bearer …} header, a token that does not verify, an
   * expired one — is {@code 401 Invalid or expired JWT}, text/plain. The handler's {@code 400}
   * branch for a missing token never fires, because it compares the error text with a different
   * capitalisation (openapi/ERRATA.md, erratum 18). User routes also refuse privilege tokens
   * (their audience is not the client id).
   */
  private Principal authenticate(SandboxRequest request, Router.Security security) {
    String header = request.header("Authorization");
    String prefix = "bearer ";
    if (header == null || header.length() <= prefix.length()
        || !header.substring(0, prefix.length()).equalsIgnoreCase(prefix)) {
      throw ApiException.text(401, "Invalid or expired JWT");
    }
    Map<String, Object> claims = jwt.verify(header.substring(prefix.length()).trim(), state.now());
    if (claims == null || !(claims.get("sub") instanceof String)) {
      throw ApiException.text(401, "Invalid or expired JWT");
    }
    if (security == Router.Security.USER
        && (claims.containsKey("token_id") || !(claims.get("ethereum_address") instanceof String))) {
      throw ApiException.text(401, "Invalid or expired JWT");
    }
    return new Principal(claims);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        key = URLDecoder.decode(key, "UTF-8");
        value = URLDecoder.decode(value, "UTF-8");
      } catch (UnsupportedEncodingException | IllegalArgumentException e) {
        continue;
      }
      if (!out.containsKey(key)) {
        out.put(key, value);
      }
    }
    return out;
  }

  private static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static byte[] readBody(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) > 0) {
      out.write(buf, 0, n);
      if (out.size() > MAX_BODY) {
        throw new BodyTooLargeException();
      }
    }
    return out.toByteArray();
  }
}
