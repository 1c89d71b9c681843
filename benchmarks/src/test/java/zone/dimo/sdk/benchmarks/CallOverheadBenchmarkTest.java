package zone.dimo.sdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.GET;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.Environment;
import zone.dimo.sdk.TokenProvider;
import zone.dimo.sdk.devices.model.MyDevicesResponse;
import zone.dimo.sdk.errors.UnauthorizedException;

/**
 * Runs every {@link Benchmark} method of {@link CallOverheadBenchmark} once against the loopback
 * server, so the benchmark cannot rot: each must return the served body, decoded (checked by
 * encoding it back to the exact served JSON).
 */
class CallOverheadBenchmarkTest {
  private final CallOverheadBenchmark benchmark = new CallOverheadBenchmark();
  private final CallOverheadBenchmark.Loopback state = new CallOverheadBenchmark.Loopback();

  @BeforeEach
  void setUp() throws Exception {
    state.setUp();
  }

  @AfterEach
  void tearDown() {
    state.tearDown();
  }

  @Test
  void everyBenchmarkMethodReturnsTheServedBody() throws Exception {
    List<String> ran = new ArrayList<>();
    List<Method> methods = new ArrayList<>();
    for (Method method : CallOverheadBenchmark.class.getMethods()) {
      if (method.isAnnotationPresent(Benchmark.class)) {
        methods.add(method);
      }
    }
    methods.sort(Comparator.comparing(Method::getName));
    for (Method method : methods) {
      Object result = method.invoke(benchmark, state);
      OperationsPerInvocation batch = method.getAnnotation(OperationsPerInvocation.class);
      if (batch == null) {
        state.check(method.getName(), assertInstanceOf(MyDevicesResponse.class, result));
      } else {
        List<?> results = assertInstanceOf(List.class, result);
        assertEquals(batch.value(), results.size(), method.getName());
        for (Object one : results) {
          state.check(method.getName(), assertInstanceOf(MyDevicesResponse.class, one));
        }
      }
      ran.add(method.getName());
    }

    assertEquals(
        List.of("async8_plain", "async8_sdk", "async_plain", "async_sdk", "sync_plain", "sync_sdk"),
        ran);
  }

  @Test
  void theServedBodyIsTheResourceAndBothSidesDecodeItTheSame() {
    MyDevicesResponse sdk = CallOverheadBenchmark.syncSdk(state);
    MyDevicesResponse plain = CallOverheadBenchmark.syncPlain(state);

    assertEquals(sdk, plain);
    assertEquals(CallOverheadBenchmark.body().strip(), state.encoder.toJson(sdk));
    assertEquals(737, state.json.length());
  }

  @Test
  void theCheckThrowsOnADifferentResult() {
    MyDevicesResponse other = state.encoder.fromJsonValue(Map.of("userDevices", List.of()));

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> state.check("sync_sdk", other));

    assertEquals("sync_sdk: expected " + state.json + " but got {\"userDevices\":[]}", e.getMessage());
  }

  @Test
  void theServerRefusesAnotherTokenSoNeitherSideCanMeasureAFailure() {
    DimoClient wrongToken = DimoClient.builder()
        .environment(state.client.environment())
        .userToken(TokenProvider.of("not-the-benchmark-token"))
        .build();

    UnauthorizedException e = assertThrows(UnauthorizedException.class,
        () -> wrongToken.userDevices().listMyVehicles().execute());

    assertEquals(401, e.statusCode());
  }

  @Test
  void theServerAnswers404ForAnotherPathAndThePlainSideThrowsOnIt() throws IOException {
    Response<ResponseBody> response = new Retrofit.Builder()
        .baseUrl(state.client.environment().devicesUrl())
        .client(state.plainHttp)
        .build()
        .create(OtherPath.class)
        .other()
        .execute();

    assertEquals(404, response.code());
    assertEquals("{\"code\":404,\"message\":\"Not Found\"}", response.errorBody().string());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> CallOverheadBenchmark.bodyOf(response));
    assertEquals("HTTP 404", e.getMessage());
  }

  interface OtherPath {
    @GET("v1/user/devices/other")
    Call<ResponseBody> other();
  }

  @Test
  void theEnvironmentPointsEveryServiceAtTheLoopbackServer() {
    Environment environment = state.client.environment();
    String url = "http://127.0.0.1:" + state.server.getAddress().getPort() + "/";

    assertEquals(url, environment.devicesUrl());
    assertEquals(url, environment.authUrl());
    assertEquals(url, environment.tokenExchangeUrl());
  }
}
