package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.Environment;
import zone.dimo.sdk.errors.NotFoundException;

class HttpRecorderTest {
  private final MockWebServer server = new MockWebServer();
  private final HttpRecorder recorder = new HttpRecorder();
  private final OkHttpClient http = new OkHttpClient.Builder().addInterceptor(recorder).build();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  @SuppressWarnings("deprecation")
  void recordsTheOperationIdOfACallAndTheStatusTheServerSent() throws IOException {
    server.enqueue(new MockResponse.Builder().code(404).body("not found").build());
    String url = server.url("/").toString();
    DimoClient client = DimoClient.builder()
        .environment(Environment.DEV.newBuilder().devicesUrl(url).authUrl(url)
            .tokenExchangeUrl(url).build())
        .okHttpClient(http)
        .build();

    assertThrows(NotFoundException.class, () -> client.dcn().getDcnImage("42").execute());

    assertEquals(List.of(new HttpRecorder.Exchange("getDcnImage", "GET", "/v1/dcn/42/image", 404)),
        recorder.drain());
    assertEquals(List.of(), recorder.drain(), "drain clears the record");
  }

  @Test
  void namesAPlainRequestByMethodAndPath() throws IOException {
    server.enqueue(new MockResponse.Builder().code(204).build());

    http.newCall(new Request.Builder().url(server.url("/v1/user/geofences/7")).delete().build())
        .execute().close();

    assertEquals(List.of(new HttpRecorder.Exchange("DELETE /v1/user/geofences/7", "DELETE",
        "/v1/user/geofences/7", 204)), recorder.drain());
  }

  @Test
  void recordsACallWithoutAnswerAsStatusMinusOne() throws IOException {
    String url = server.url("/v1/dcn/1").toString();
    server.close();

    assertThrows(IOException.class,
        () -> http.newCall(new Request.Builder().url(url).build()).execute());

    assertEquals(List.of(new HttpRecorder.Exchange("GET /v1/dcn/1", "GET", "/v1/dcn/1", -1)),
        recorder.drain());
  }
}
