package zone.dimo.sdk;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import zone.dimo.sdk.errors.DimoAuthenticationException;
import zone.dimo.sdk.errors.DimoConfigurationException;
import zone.dimo.sdk.errors.DimoException;
import zone.dimo.sdk.errors.DimoIoException;
import zone.dimo.sdk.errors.DimoTimeoutException;

/**
 * Puts on each request exactly the credential its operation's {@code @DimoOperation} names: the
 * user access token, the privilege token for the {@code {tokenId}} argument of that call, or
 * nothing for public operations (any Authorization header is removed). Fails before sending
 * when a needed provider is missing, and only ever adds a token for the configured hosts. On a
 * 401 the token is handed back to its provider to be forgotten; safe calls then try once more
 * if the provider has a different token to offer.
 */
final class AuthInterceptor implements Interceptor {
  private final TrustedHosts hosts;
  private final String userAgent;
  private final @Nullable TokenProvider userTokens;
  private final @Nullable VehicleTokenProvider vehicleTokens;

  /**
   * @param userTokens what {@code userToken} operations send; null when the client has none
   * @param vehicleTokens what {@code vehicleToken} operations send; null when the client has none
   */
  AuthInterceptor(TrustedHosts hosts, String userAgent, @Nullable TokenProvider userTokens,
      @Nullable VehicleTokenProvider vehicleTokens) {
    this.hosts = hosts;
    this.userAgent = userAgent;
    this.userTokens = userTokens;
    this.vehicleTokens = vehicleTokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Credential credential;
    Operation operation;
    try {
      operation = Operation.of(request);
      credential = credentialFor(operation, request);
    } catch (DimoException e) {
      throw new InterceptedFailure(e);
    }
    Response response = chain.proceed(authorize(request, credential));
    if (response.code() != 401 || credential == null) {
      return response;
    }
    credential.invalidate();
    if (!operation.safe) {
      return response;
    }
    Credential fresh;
    try {
      fresh = credentialFor(operation, request);
    } catch (DimoException e) {
      response.close();
      throw new InterceptedFailure(e);
    }
    if (fresh.token.equals(credential.token)) {
      // A provider that cannot renew (a static token): repeating would only get another 401.
      return response;
    }
    response.close();
    return chain.proceed(authorize(request, fresh));
  }

  private Request authorize(Request request, Credential credential) {
    Request.Builder builder = request.newBuilder()
        .header("User-Agent", userAgent)
        .removeHeader("Authorization");
    if (credential != null) {
      builder.header("Authorization", "Bearer " + credential.token);
    }
    return builder.build();
  }

  private Credential credentialFor(Operation operation, Request request) {
    if (operation.needsVehicleToken()) {
      VehicleTokenProvider provider = vehicleTokens;
      if (provider == null) {
        throw new DimoConfigurationException(operation.id
            + " needs a vehicle token: configure a login (DimoClient.builder().web3Login(...) or"
            + " .developerLicense(...)) or DimoClient.builder().vehicleTokens(...)");
      }
      requireTrusted(operation, request);
      long tokenId = operation.vehicleTokenId(request);
      String token;
      try {
        token = provider.token(tokenId, operation.vehiclePermissions);
      } catch (DimoException e) {
        throw inStep(vehicleStep(operation, tokenId), e);
      }
      if (token == null || token.isEmpty()) {
        throw noToken(vehicleStep(operation, tokenId), provider);
      }
      return new Credential(token,
          () -> provider.invalidate(tokenId, operation.vehiclePermissions, token));
    }
    if (operation.needsUserToken()) {
      TokenProvider provider = userTokens;
      if (provider == null) {
        throw new DimoConfigurationException(operation.id
            + " needs a user access token: configure DimoClient.builder().web3Login(...) or"
            + " .userToken(...)");
      }
      requireTrusted(operation, request);
      String token;
      try {
        token = provider.token();
      } catch (DimoException e) {
        throw inStep(userStep(operation), e);
      }
      if (token == null || token.isEmpty()) {
        throw noToken(userStep(operation), provider);
      }
      return new Credential(token, () -> provider.invalidate(token));
    }
    if (!operation.security.isEmpty()) {
      throw new DimoConfigurationException(operation.id + " needs an unknown credential "
          + operation.security + "; this SDK version cannot send it");
    }
    return null;
  }

  // Messages are built only on failure: these run on every call.
  private static String vehicleStep(Operation operation, long tokenId) {
    return operation.id + "(" + tokenId + "): could not get a vehicle token";
  }

  private static String userStep(Operation operation) {
    return operation.id + ": could not get a user access token";
  }

  private static DimoAuthenticationException noToken(String step, Object provider) {
    return new DimoAuthenticationException(step + ": " + provider + " returned no token", null);
  }

  /**
   * A failure of a step the caller did not make (a login, a token exchange), reported as the
   * call they made: network trouble stays an I/O failure, an expired deadline a timeout, anything else is an authentication
   * failure; the step's own exception is the cause.
   */
  private static DimoException inStep(String step, DimoException e) {
    String message = step + ": " + e.getMessage();
    if (e instanceof DimoIoException) {
      return new DimoIoException(message, e);
    }
    if (e instanceof DimoTimeoutException) {
      return new DimoTimeoutException(message, e); // the call's deadline passed in that step
    }
    if (e instanceof DimoConfigurationException) {
      return new DimoConfigurationException(message);
    }
    return new DimoAuthenticationException(message, e);
  }

  private void requireTrusted(Operation operation, Request request) {
    if (!hosts.trusts(request.url())) {
      throw new DimoConfigurationException("Refusing to send a token for " + operation.id
          + " to " + request.url().host() + ", which is not a configured DIMO host");
    }
  }

  private static final class Credential {
    final String token;
    final Runnable invalidation;

    Credential(String token, Runnable invalidation) {
      this.token = token;
      this.invalidation = invalidation;
    }

    void invalidate() {
      invalidation.run();
    }

    @Override
    public String toString() {
      return "Credential[redacted]";
    }
  }
}
