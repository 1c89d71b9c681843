package zone.dimo.sdk;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Network interceptor, so it sees every request that actually goes out — including redirects
 * and OkHttp's own follow-ups: strips the Authorization header from any request to a host that
 * is not a configured DIMO host (a redirect must never carry a token elsewhere; OkHttp's own
 * stripping is not relied on), and records that the request reached the network.
 */
final class NetworkGuardInterceptor implements Interceptor {
  private final TrustedHosts hosts;

  NetworkGuardInterceptor(TrustedHosts hosts) {
    this.hosts = hosts;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    SendState state = request.tag(SendState.class);
    if (state != null) {
      state.reachedNetwork = true;
    }
    if (request.header("Authorization") != null && !hosts.trusts(request.url())) {
      request = request.newBuilder().removeHeader("Authorization").build();
    }
    return chain.proceed(request);
  }
}
