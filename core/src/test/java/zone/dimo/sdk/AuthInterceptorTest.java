package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;
import static zone.dimo.sdk.TestSupport.clientFor;
import static zone.dimo.sdk.TestSupport.json;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Collections;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.errors.DimoAuthenticationException;
import zone.dimo.sdk.errors.DimoConfigurationException;
import zone.dimo.sdk.errors.DimoIoException;
import zone.dimo.sdk.errors.UnauthorizedException;

class AuthInterceptorTest {
  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void callerSuppliedAuthorizationIsReplacedOnPublicCalls() throws Exception {
    OkHttpClient sneaky = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(
        chain.request().newBuilder().header("Authorization", "Bearer " + USER_TOKEN).build())).build();
    server.enqueue(json(200, "{}"));
    DimoClient client = clientFor(server, sleeper).okHttpClient(sneaky).build();

    client.dcn().getDcnMetadata("n").execute();

    assertNull(server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void renewableTokenIsRetriedOnceAfter401ForSafeCalls() throws Exception {
    TokenProvider tokens = mock(TokenProvider.class);
    when(tokens.token()).thenReturn("first", "second");
    server.enqueue(json(401, "{\"code\":401,\"message\":\"expired\"}"));
    server.enqueue(json(200, "{\"userDevices\":[]}"));
    DimoClient client = clientFor(server, sleeper).userToken(tokens).build();

    client.userDevices().listMyVehicles().execute();

    verify(tokens).invalidate("first");
    assertEquals("Bearer first", server.takeRequest().getHeaders().get("Authorization"));
    assertEquals("Bearer second", server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void stateChangingCallIsNotRetriedAfter401ButTheTokenIsDropped() {
    TokenProvider tokens = mock(TokenProvider.class);
    when(tokens.token()).thenReturn("first", "second");
    server.enqueue(json(401, "{\"code\":401,\"message\":\"expired\"}"));
    DimoClient client = clientFor(server, sleeper).userToken(tokens).build();

    assertThrows(UnauthorizedException.class, () -> client.userDevices().optIn("d").execute());

    verify(tokens).invalidate("first");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void providerFailureIsReportedAndNothingIsSent() {
    TokenProvider tokens = mock(TokenProvider.class);
    when(tokens.token()).thenThrow(new DimoIoException("login unreachable", null));
    DimoClient client = clientFor(server, sleeper).userToken(tokens).build();

    DimoIoException e = assertThrows(DimoIoException.class,
        () -> client.geofences().listGeofences().execute());

    assertEquals("listGeofences: could not get a user access token: login unreachable",
        e.getMessage());
    assertEquals("login unreachable", e.getCause().getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anEmptyTokenIsAnAuthenticationFailureNamingTheProvider() {
    TokenProvider empty = new TokenProvider() {
      @Override
      public String token() {
        return "";
      }

      @Override
      public String toString() {
        return "MyTokens";
      }
    };
    DimoClient client = clientFor(server, sleeper).userToken(empty).build();

    DimoAuthenticationException e = assertThrows(DimoAuthenticationException.class,
        () -> client.geofences().listGeofences().execute());

    assertEquals("listGeofences: could not get a user access token: MyTokens returned no token",
        e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void tokensAreNeverSentToAnUnconfiguredHost() {
    // The API base URL is trusted; a request rewritten to another host by a caller's interceptor
    // is refused before it carries a token.
    OkHttpClient rewriting = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(
        chain.request().newBuilder().url(chain.request().url().newBuilder().host("127.0.0.1").build())
            .build())).build();
    TokenProvider tokens = mock(TokenProvider.class);
    DimoClient client = clientFor(server, sleeper).okHttpClient(rewriting).userToken(tokens).build();

    DimoConfigurationException e = assertThrows(DimoConfigurationException.class,
        () -> client.geofences().listGeofences().execute());

    assertEquals("Refusing to send a token for listGeofences to 127.0.0.1, which is not a configured"
        + " DIMO host", e.getMessage());
    verify(tokens, never()).token();
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void vehicleProviderIsAskedForPrivilegeTwo() {
    VehicleTokenProvider tokens = mock(VehicleTokenProvider.class);
    when(tokens.token(5L, Collections.singleton(Permission.EXECUTE_COMMANDS))).thenReturn("v5");
    server.enqueue(json(200, "{\"requestId\":\"r\"}"));
    DimoClient client = clientFor(server, sleeper).vehicleTokens(tokens).build();

    client.vehicleCommands().openFrunk(5L).execute();

    verify(tokens).token(5L, Collections.singleton(Permission.EXECUTE_COMMANDS));
  }
}
