package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import retrofit2.Invocation;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import zone.dimo.sdk.spec.DimoCall;
import zone.dimo.sdk.spec.DimoOperation;

/**
 * A fresh MockWebServer per test behind a plain Retrofit over the generated interfaces, with the
 * Moshi adapters the real client registers (OffsetDateTime, BigDecimal, unknown-enum fallback),
 * plus assertions on the recorded request. After each test it checks that every request went
 * through the generated method whose {@link DimoOperation} names the test's {@link WireContract}
 * operation, and that the test consumed every request it caused.
 */
abstract class WireTestSupport {

  static final String JSON_UTF8 = "application/json; charset=UTF-8";
  static final String FORM = "application/x-www-form-urlencoded";

  static final Moshi MOSHI = new Moshi.Builder()
      .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
      .add(BigDecimal.class, new BigDecimalAdapter().nullSafe())
      .build();

  private MockWebServer server;
  private OkHttpClient client;
  private Retrofit retrofit;
  private String operationId;
  private final List<Invocation> invocations = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  final void startServer(TestInfo info) throws IOException {
    Method method = info.getTestMethod().orElseThrow();
    WireContract contract = method.getAnnotation(WireContract.class);
    assertNotNull(contract, method + " has no @WireContract");
    operationId = contract.value();
    server = new MockWebServer();
    server.start();
    client = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          Invocation invocation = chain.request().tag(Invocation.class);
          if (invocation != null) {
            invocations.add(invocation);
          }
          return chain.proceed(chain.request());
        })
        .build();
    retrofit = new Retrofit.Builder()
        .baseUrl(server.url("/"))
        .client(client)
        .addConverterFactory(MoshiConverterFactory.create(MOSHI))
        .addCallAdapterFactory(RetrofitBackedCall.FACTORY)
        .build();
  }

  @AfterEach
  final void stopServer() throws InterruptedException {
    try {
      assertFalse(invocations.isEmpty(), "the test sent no request through a generated method");
      for (Invocation invocation : invocations) {
        DimoOperation operation = invocation.method().getAnnotation(DimoOperation.class);
        assertNotNull(operation, invocation.method() + " has no @DimoOperation");
        assertEquals(operationId, operation.operationId(),
            "the test is @WireContract(\"" + operationId + "\") but called " + invocation.method());
      }
      assertNull(server.takeRequest(0, TimeUnit.MILLISECONDS),
          "a request was sent that the test did not check");
    } finally {
      server.close();
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  final <T> T api(Class<T> type) {
    return retrofit.create(type);
  }

  // ---- responses

  final void enqueueJson(int code, String json) {
    enqueue(code, "application/json", new Buffer().writeUtf8(json));
  }

  final void enqueueFixture(int code, String name) {
    enqueue(code, "application/json", new Buffer().write(fixture(name)));
  }

  final void enqueue(int code, String contentType, Buffer body) {
    server.enqueue(new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", contentType)
        .body(body)
        .build());
  }

  /** A response with no body at all: {@code Content-Length: 0} (or none for 204). */
  final void enqueueEmpty(int code) {
    server.enqueue(new MockResponse.Builder().code(code).build());
  }

  static byte[] fixture(String name) {
    try (InputStream in = WireTestSupport.class.getResourceAsStream("/wire/" + name)) {
      assertNotNull(in, "missing test resource wire/" + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- calls

  /** Runs the call and checks the status; the body is decoded by the generated return type. */
  static <T> Response<T> execute(DimoCall<T> call, int expectedCode) throws IOException {
    Response<T> response = RetrofitBackedCall.raw(call);
    assertEquals(expectedCode, response.code(), () -> "status of " + call);
    assertTrue(response.isSuccessful());
    return response;
  }

  /**
   * Runs a call the server answers with an error status and decodes the error body as
   * {@code errorType}, the schema the spec documents for that status.
   */
  static <E> E executeError(DimoCall<?> call, int expectedCode, Class<E> errorType)
      throws IOException {
    Response<?> response = RetrofitBackedCall.raw(call);
    assertEquals(expectedCode, response.code(), () -> "status of " + call);
    assertNull(response.body());
    try (ResponseBody errorBody = response.errorBody()) {
      assertNotNull(errorBody, "error body");
      return MOSHI.adapter(errorType).fromJson(errorBody.source());
    }
  }

  final RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(request, "no request reached the server");
    return request;
  }

  // ---- request assertions

  /** Method and request target (path with {@code /v1} and the raw query string, as sent). */
  static void assertRequestLine(RecordedRequest request, String method, String target) {
    assertEquals(method, request.getMethod(), "method");
    assertEquals(target, request.getTarget(), "request target");
  }

  /** GET and DELETE: no body, no Content-Type, no Content-Length. */
  static void assertNoBody(RecordedRequest request) {
    assertEquals(0, request.getBodySize(), "body size");
    assertNull(request.getHeaders().get("Content-Type"), "Content-Type");
    assertNull(request.getHeaders().get("Content-Length"), "Content-Length");
  }

  /** POST without a request body in the spec: an empty body with {@code Content-Length: 0}. */
  static void assertEmptyPost(RecordedRequest request) {
    assertEquals(0, request.getBodySize(), "body size");
    assertNull(request.getHeaders().get("Content-Type"), "Content-Type");
    assertEquals("0", request.getHeaders().get("Content-Length"), "Content-Length");
  }

  /**
   * A JSON body whose keys and JSON types equal {@code expectedJson} exactly (key order aside),
   * sent as {@code application/json; charset=UTF-8}.
   */
  static void assertJsonBody(RecordedRequest request, String expectedJson) {
    assertEquals(JSON_UTF8, request.getHeaders().get("Content-Type"), "Content-Type");
    String body = bodyText(request);
    assertEquals(JsonTree.parse(expectedJson), JsonTree.parse(body), () -> "JSON body was " + body);
    assertEquals(String.valueOf(request.getBodySize()), request.getHeaders().get("Content-Length"));
  }

  /** A form body equal to {@code expected} byte for byte, with the form content type. */
  static void assertFormBody(RecordedRequest request, String expected) {
    assertEquals(FORM, request.getHeaders().get("Content-Type"), "Content-Type");
    assertEquals(expected, bodyText(request), "form body");
  }

  static String bodyText(RecordedRequest request) {
    ByteString body = request.getBody();
    assertNotNull(body, "no request body");
    return body.utf8();
  }

  // ---- Moshi adapters (the same set core's client registers)

  private static final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
    @Override
    public OffsetDateTime fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw new JsonDataException("not an RFC 3339 date-time at " + reader.getPath(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, OffsetDateTime value) throws IOException {
      writer.value(value.toString());
    }
  }

  private static final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      return new BigDecimal(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
      writer.value(value);
    }
  }
}
