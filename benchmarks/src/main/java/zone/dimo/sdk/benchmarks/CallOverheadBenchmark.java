package zone.dimo.sdk.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.http.GET;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.Environment;
import zone.dimo.sdk.TokenProvider;
import zone.dimo.sdk.devices.model.MyDevicesResponse;

/**
 * What the SDK adds to one HTTP call, next to plain Retrofit + OkHttp + Moshi in the same JVM and
 * run: both sides call {@code GET /v1/user/devices/me} with the same static user token on the
 * same loopback server, which answers a fixed 737-byte JSON body at once, and both decode it
 * into the same generated {@link MyDevicesResponse}. Each case has a {@code <case>_sdk} and a
 * {@code <case>_plain} method:
 *
 * <ul>
 *   <li>{@code sync}: {@code execute()} on the calling thread;
 *   <li>{@code async}: {@code executeAsync()} against Retrofit's {@code enqueue} completing a
 *       {@code CompletableFuture}, joined by the calling thread (one call in flight);
 *   <li>{@code async8}: eight calls in flight at once through the dispatcher, all joined
 *       (reported per call).
 * </ul>
 *
 * <p>The SDK side is what a user writes: {@code DimoClient.builder().environment(..)
 * .userToken(TokenProvider.of(jwt))}; so it includes everything the SDK does on every call (the
 * credential chosen from the operation's spec, the retry interceptor, the host guard, the typed
 * error mapping, the buffered body). The plain side is the minimum a careful hand-written client
 * does: an interceptor adding the Authorization header, the status checked, the body decoded by
 * Moshi with an {@code OffsetDateTime} adapter. Each side gets a fresh {@code OkHttpClient} of its
 * own (same defaults), so neither shares connections with the other.
 *
 * <p>The server answers only that path with that token (anything else gets a 401 or 404), and
 * {@link Loopback#setUp} checks that both sides decode the body to exactly the served JSON, so
 * neither side can be measuring a failure or a different amount of work.
 * {@code CallOverheadBenchmarkTest} runs every benchmark method once in {@code mvn verify}.
 */
// Average time is the latency of one call; throughput is the same for the one-in-flight cases
// and the real throughput for async8. Add -bm sample for percentiles.
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
// Long warm-up: on a loaded machine the JIT gets little CPU, and a half-compiled client would
// make both sides look slower by different amounts.
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class CallOverheadBenchmark {
  static final String PATH = "/v1/user/devices/me";
  /** A fixed JWT-shaped test token (header.payload.signature; the signature is not real). */
  static final String TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
      + ".eyJzdWIiOiJiZW5jaG1hcmsiLCJleHAiOjQxMDI0NDQ4MDB9"
      + ".c2lnbmF0dXJlLW5vdC1jaGVja2VkLWJ5LXRoZS1sb29wYmFjay1zZXJ2ZXI";
  static final String BODY_RESOURCE = "list-my-vehicles.json";
  static final int IN_FLIGHT = 8;

  /** The plain Retrofit interface: the same path and model as the generated one. */
  public interface PlainUserDevicesApi {
    @GET("v1/user/devices/me")
    Call<MyDevicesResponse> listMyVehicles();
  }

  /** The loopback server and both clients, shared by all benchmark threads. */
  @State(Scope.Benchmark)
  public static class Loopback {
    /** The served body, also what both sides' decoded result must encode back to. */
    String json;
    HttpServer server;
    OkHttpClient sdkHttp;
    OkHttpClient plainHttp;
    DimoClient client;
    PlainUserDevicesApi plain;
    /** Encodes a decoded result back to JSON (fields in name order, as the served body). */
    JsonAdapter<MyDevicesResponse> encoder;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      json = body().strip();
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      // The JDK server leaves Nagle on by default: the header and body writes of one answer
      // would then wait for the client's delayed ACK (~40 ms) instead of measuring the stacks.
      System.setProperty("sun.net.httpserver.nodelay", "true");
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> answer(exchange, bytes));
      // No executor: the server's own thread answers, one thread hand-off fewer per call (the
      // answer is ready at once, so calls in flight do not wait on each other for long).
      server.start();
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

      Environment loopback = Environment.PRODUCTION.newBuilder()
          .name("loopback")
          .devicesUrl(url)
          .authUrl(url)
          .tokenExchangeUrl(url)
          .build();
      sdkHttp = new OkHttpClient();
      client = DimoClient.builder()
          .environment(loopback)
          .okHttpClient(sdkHttp)
          .userToken(TokenProvider.of(TOKEN))
          .build();

      Moshi moshi = new Moshi.Builder()
          .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
          .build();
      plainHttp = new OkHttpClient.Builder()
          .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
              .header("Authorization", "Bearer " + TOKEN)
              .build()))
          .build();
      plain = new Retrofit.Builder()
          .baseUrl(url)
          .client(plainHttp)
          .addConverterFactory(MoshiConverterFactory.create(moshi))
          .build()
          .create(PlainUserDevicesApi.class);
      encoder = moshi.adapter(MyDevicesResponse.class);

      check("sync_sdk", syncSdk(this));
      check("sync_plain", syncPlain(this));
      check("async_sdk", asyncSdk(this).join());
      check("async_plain", asyncPlain(this).join());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      for (OkHttpClient http : new OkHttpClient[] {sdkHttp, plainHttp}) {
        if (http != null) {
          // The SDK derives its clients from sdkHttp with newBuilder(): same dispatcher and pool.
          http.dispatcher().executorService().shutdown();
          http.connectionPool().evictAll();
        }
      }
      if (server != null) {
        server.stop(0);
      }
    }

    /** Throws unless {@code result} encodes back to exactly the served body. */
    void check(String what, MyDevicesResponse result) {
      String actual = encoder.toJson(result);
      if (!json.equals(actual)) {
        throw new IllegalStateException(what + ": expected " + json + " but got " + actual);
      }
    }
  }

  @Benchmark
  public MyDevicesResponse sync_sdk(Loopback state) {
    return syncSdk(state);
  }

  @Benchmark
  public MyDevicesResponse sync_plain(Loopback state) {
    return syncPlain(state);
  }

  @Benchmark
  public MyDevicesResponse async_sdk(Loopback state) {
    return asyncSdk(state).join();
  }

  @Benchmark
  public MyDevicesResponse async_plain(Loopback state) {
    return asyncPlain(state).join();
  }

  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public List<MyDevicesResponse> async8_sdk(Loopback state) {
    List<CompletableFuture<MyDevicesResponse>> futures = new ArrayList<>(IN_FLIGHT);
    for (int i = 0; i < IN_FLIGHT; i++) {
      futures.add(asyncSdk(state));
    }
    return joinAll(futures);
  }

  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public List<MyDevicesResponse> async8_plain(Loopback state) {
    List<CompletableFuture<MyDevicesResponse>> futures = new ArrayList<>(IN_FLIGHT);
    for (int i = 0; i < IN_FLIGHT; i++) {
      futures.add(asyncPlain(state));
    }
    return joinAll(futures);
  }

  static MyDevicesResponse syncSdk(Loopback state) {
    return state.client.userDevices().listMyVehicles().execute();
  }

  static CompletableFuture<MyDevicesResponse> asyncSdk(Loopback state) {
    return state.client.userDevices().listMyVehicles().executeAsync();
  }

  static MyDevicesResponse syncPlain(Loopback state) {
    Response<MyDevicesResponse> response;
    try {
      response = state.plain.listMyVehicles().execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bodyOf(response);
  }

  static CompletableFuture<MyDevicesResponse> asyncPlain(Loopback state) {
    CompletableFuture<MyDevicesResponse> future = new CompletableFuture<>();
    state.plain.listMyVehicles().enqueue(new Callback<MyDevicesResponse>() {
      @Override
      public void onResponse(Call<MyDevicesResponse> call, Response<MyDevicesResponse> response) {
        try {
          future.complete(bodyOf(response));
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call<MyDevicesResponse> call, Throwable t) {
        future.completeExceptionally(t);
      }
    });
    return future;
  }

  /** What a hand-written client checks at least: a 2xx status and a body. */
  static <T> T bodyOf(Response<T> response) {
    T body = response.body();
    if (!response.isSuccessful() || body == null) {
      throw new IllegalStateException("HTTP " + response.code());
    }
    return body;
  }

  static List<MyDevicesResponse> joinAll(List<CompletableFuture<MyDevicesResponse>> futures) {
    List<MyDevicesResponse> results = new ArrayList<>(futures.size());
    for (CompletableFuture<MyDevicesResponse> future : futures) {
      results.add(future.join());
    }
    return results;
  }

  /**
   * The loopback server: the fixed body for {@code GET /v1/user/devices/me} with the token, a 401
   * without it, a 404 for anything else.
   */
  static void answer(HttpExchange exchange, byte[] body) throws IOException {
    try {
      try (InputStream in = exchange.getRequestBody()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      int status;
      byte[] answer;
      if (!"GET".equals(exchange.getRequestMethod())
          || !PATH.equals(exchange.getRequestURI().getRawPath())) {
        status = 404;
        answer = "{\"code\":404,\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
      } else if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        status = 401;
        answer = "{\"code\":401,\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
      } else {
        status = 200;
        answer = body;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } finally {
      exchange.close();
    }
  }

  static String body() {
    try (InputStream in = CallOverheadBenchmark.class.getResourceAsStream(BODY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(BODY_RESOURCE + " missing from the benchmarks jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 3339 date-times, as any plain Moshi user of these models has to register. */
  static final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
    @Override
    public OffsetDateTime fromJson(JsonReader reader) throws IOException {
      return OffsetDateTime.parse(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, OffsetDateTime value) throws IOException {
      writer.value(value.toString());
    }
  }
}
