package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Authenticator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard on its own (not relying on OkHttp's redirect handling): whatever adds an
 * Authorization header on the way out, a request to an untrusted host leaves without it.
 */
class NetworkGuardInterceptorTest {
  private final MockWebServer trusted = new MockWebServer();
  private final MockWebServer other = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    trusted.start();
    other.start();
  }

  @AfterEach
  void stop() {
    trusted.close();
    other.close();
  }

  private OkHttpClient client() {
    TrustedHosts hosts = new TrustedHosts(trusted.url("/"));
    return new OkHttpClient.Builder()
        .addNetworkInterceptor(new NetworkGuardInterceptor(hosts))
        .build();
  }

  @Test
  void stripsAuthorizationToUntrustedHosts() throws Exception {
    other.enqueue(new MockResponse.Builder().code(200).build());

    try (Response response = client().newCall(new Request.Builder().url(other.url("/x"))
        .header("Authorization", "Bearer secret").build()).execute()) {
      assertEquals(200, response.code());
    }

    assertNull(other.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void keepsAuthorizationToTrustedHosts() throws Exception {
    trusted.enqueue(new MockResponse.Builder().code(200).build());

    client().newCall(new Request.Builder().url(trusted.url("/x"))
        .header("Authorization", "Bearer secret").build()).execute().close();

    assertEquals("Bearer secret", trusted.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void stripsCredentialsAddedByAnAuthenticatorForAnotherHost() throws Exception {
    // An authenticator re-issuing a request to another host with a token: the guard still wins.
    other.enqueue(new MockResponse.Builder().code(401).build());
    other.enqueue(new MockResponse.Builder().code(200).build());
    Authenticator leaky = (route, response) -> response.request().newBuilder()
        .header("Authorization", "Bearer secret").build();
    OkHttpClient client = client().newBuilder().authenticator(leaky).build();

    client.newCall(new Request.Builder().url(other.url("/x")).build()).execute().close();

    other.takeRequest();
    RecordedRequest retried = other.takeRequest();
    assertNull(retried.getHeaders().get("Authorization"));
  }

  @Test
  void marksThatTheRequestReachedTheNetwork() throws Exception {
    trusted.enqueue(new MockResponse.Builder().code(200).build());
    SendState state = new SendState();

    client().newCall(new Request.Builder().url(trusted.url("/x")).tag(SendState.class, state)
        .build()).execute().close();

    assertTrue(state.reachedNetwork);
  }
}
