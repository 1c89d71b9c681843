package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import retrofit2.Retrofit;
import zone.dimo.sdk.devices.api.DcnApi;

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
  void recordsTheOperationIdOfARetrofitCallAndTheStatusTheServerSent() throws IOException {
    server.enqueue(new MockResponse.Builder().code(404).body("not found").build());
    DcnApi dcn = new Retrofit.Builder().baseUrl(server.url("/")).client(http).build()
        .create(DcnApi.class);

    @SuppressWarnings("deprecation")
    Response<ResponseBody> response = dcn.getDcnImage("42").execute();
    response.errorBody().close();

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
