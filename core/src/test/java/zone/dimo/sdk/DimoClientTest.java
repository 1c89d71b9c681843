package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;
import static zone.dimo.sdk.TestSupport.clientFor;
import static zone.dimo.sdk.TestSupport.json;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.devices.model.CommandResponse;
import zone.dimo.sdk.devices.model.MyDevicesResponse;
import zone.dimo.sdk.errors.DimoConfigurationException;
import zone.dimo.sdk.errors.DimoDecodingException;
import zone.dimo.sdk.errors.NotFoundException;
import zone.dimo.sdk.errors.UnexpectedStatusException;
import zone.dimo.sdk.spec.DimoCall;
import zone.dimo.sdk.spec.DimoOperation;
import zone.dimo.sdk.spec.DimoResponse;

class DimoClientTest {
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

  /** Every operation of every spec, called through the client, carries exactly its credential. */
  @Test
  void everySpecOperationCarriesExactlyItsCredential() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(200, "{}");
      }
    });
    TestSupport.PerVehicleTokens vehicleTokens = new TestSupport.PerVehicleTokens();
    // Generous timeouts: a read timeout on a loaded machine would add a retry and shift the
    // recorded requests by one.
    DimoClient client = clientFor(server, sleeper)
        .readTimeout(Duration.ofSeconds(60))
        .userToken(TokenProvider.of(USER_TOKEN))
        .vehicleTokens(vehicleTokens)
        .build();

    Map<String, List<String>> specSecurity = specOperations();
    Map<String, Object[]> methods = generatedMethods(client);
    assertEquals(new TreeSet<>(specSecurity.keySet()), new TreeSet<>(methods.keySet()),
        "every spec operation has exactly one generated method on a client API");

    int checked = 0;
    for (Map.Entry<String, List<String>> operation : specSecurity.entrySet()) {
      Object[] target = methods.get(operation.getKey());
      Method method = (Method) target[1];
      Object[] args = dummyArguments(method);
      DimoCall<?> call = (DimoCall<?>) method.invoke(target[0], args);
      try {
        Object answer = call.execute();
        if (answer instanceof java.io.Closeable) {
          ((java.io.Closeable) answer).close(); // streamed images hold their connection until closed
        }
      } catch (DimoDecodingException ignored) {
        // "{}" is not every answer's shape; only the request matters here.
      }
      RecordedRequest recorded = server.takeRequest(30, TimeUnit.SECONDS);
      assertNotNull(recorded, operation.getKey() + " sent nothing");
      String authorization = recorded.getHeaders().get("Authorization");
      List<String> security = operation.getValue();
      if (security.contains("vehicleToken")) {
        assertEquals("Bearer " + TestSupport.vehicleToken(7, Collections.singleton(Permission.EXECUTE_COMMANDS)),
            authorization, operation.getKey());
      } else if (security.contains("userToken")) {
        assertEquals("Bearer " + USER_TOKEN, authorization, operation.getKey());
      } else {
        assertTrue(security.isEmpty(), operation.getKey() + ": unknown security " + security);
        assertNull(authorization, operation.getKey() + " is public but carried a token");
      }
      assertEquals(DimoClient.DEFAULT_USER_AGENT, recorded.getHeaders().get("User-Agent"));
      checked++;
    }
    assertEquals(specSecurity.size(), checked);
    assertTrue(checked >= 35, "expected the full API surface, saw " + checked);
  }

  @Test
  void vehicleTokenIsForTheTokenIdInThatRequestsPath() throws Exception {
    server.enqueue(json(200, "{\"requestId\":\"r1\"}"));
    server.enqueue(json(200, "{\"requestId\":\"r2\"}"));
    DimoClient client = clientFor(server, sleeper)
        .vehicleTokens(new TestSupport.PerVehicleTokens()).build();

    client.vehicleCommands().lockDoors(42L).execute();
    CommandResponse second = client.vehicleCommands().openTrunk(9_000_000_000L).execute();

    assertEquals("Bearer " + TestSupport.vehicleToken(42, Collections.singleton(Permission.EXECUTE_COMMANDS)),
        server.takeRequest().getHeaders().get("Authorization"));
    RecordedRequest trunk = server.takeRequest();
    assertEquals("/v1/vehicle/9000000000/commands/trunk/open", trunk.getUrl().encodedPath());
    assertEquals("Bearer " + TestSupport.vehicleToken(9_000_000_000L, Collections.singleton(Permission.EXECUTE_COMMANDS)),
        trunk.getHeaders().get("Authorization"));
    assertEquals("r2", second.requestId());
  }

  @Test
  void missingVehicleProviderFailsBeforeSendingAndSaysWhatToConfigure() {
    DimoClient client = clientFor(server, sleeper).build();

    DimoConfigurationException e = assertThrows(DimoConfigurationException.class,
        () -> client.vehicleCommands().lockDoors(1L).execute());

    assertEquals("lockDoors needs a vehicle token: configure a login (DimoClient.builder()"
        + ".web3Login(...) or .developerLicense(...)) or DimoClient.builder().vehicleTokens(...)",
        e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void missingUserProviderFailsBeforeSendingAndSaysWhatToConfigure() {
    DimoClient client = clientFor(server, sleeper).build();

    DimoConfigurationException e = assertThrows(DimoConfigurationException.class,
        () -> client.userDevices().listMyVehicles().execute());

    assertEquals("listMyVehicles needs a user access token: configure DimoClient.builder()"
        + ".web3Login(...) or .userToken(...)", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void publicOperationSendsNoTokenEvenWhenConfigured() throws Exception {
    server.enqueue(json(200, "{\"name\":\"x\"}"));
    DimoClient client = clientFor(server, sleeper)
        .userToken(TokenProvider.of(USER_TOKEN))
        .vehicleTokens(VehicleTokenProvider.of(USER_TOKEN))
        .build();

    client.nftMetadata().getSyntheticDeviceMetadata(5L).execute();

    RecordedRequest request = server.takeRequest();
    assertEquals("/v1/synthetic/device/5", request.getUrl().encodedPath());
    assertNull(request.getHeaders().get("Authorization"));
  }

  @Test
  void userAgentIsConfigurable() throws Exception {
    server.enqueue(json(200, "{}"));
    DimoClient client = clientFor(server, sleeper).userAgent("acme-fleet/2.1").build();

    client.dcn().getDcnMetadata("node").execute();

    assertEquals("acme-fleet/2.1", server.takeRequest().getHeaders().get("User-Agent"));
    assertTrue(DimoClient.DEFAULT_USER_AGENT.matches("dimo-sdk-java/\\S+"), DimoClient.DEFAULT_USER_AGENT);
    assertThrows(IllegalArgumentException.class, () -> DimoClient.builder().userAgent("bad\nagent"));
  }

  @Test
  void aRedirectToAnotherHostCarriesNoToken() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      elsewhere.enqueue(json(200, "{\"userDevices\":[]}"));
      server.enqueue(new MockResponse.Builder().code(302)
          .setHeader("Location", elsewhere.url("/v1/user/devices/me")).build());
      DimoClient client = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN)).build();

      MyDevicesResponse mine = client.userDevices().listMyVehicles().execute();

      assertNotNull(mine);
      assertEquals("Bearer " + USER_TOKEN, server.takeRequest().getHeaders().get("Authorization"));
      RecordedRequest redirected = elsewhere.takeRequest();
      assertEquals("/v1/user/devices/me", redirected.getUrl().encodedPath());
      assertNull(redirected.getHeaders().get("Authorization"));
    }
  }

  @Test
  void stateChangingCallsDoNotFollowRedirects() throws Exception {
    server.enqueue(new MockResponse.Builder().code(307)
        .setHeader("Location", server.url("/elsewhere")).build());
    DimoClient client = clientFor(server, sleeper)
        .vehicleTokens(new TestSupport.PerVehicleTokens()).build();

    UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class,
        () -> client.vehicleCommands().unlockDoors(3L).execute());

    assertEquals(307, e.statusCode());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void executeAsyncCompletesWithBodyOrTypedException() throws Exception {
    server.enqueue(json(200, "{\"userDevices\":[]}"));
    server.enqueue(json(404, "{\"code\":404,\"message\":\"Device not found.\"}"));
    DimoClient client = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN)).build();

    CompletableFuture<MyDevicesResponse> ok = client.userDevices().listMyVehicles().executeAsync();
    assertNotNull(ok.get(5, TimeUnit.SECONDS).userDevices());

    CompletableFuture<Void> failed = client.userDevices().optIn("d1").executeAsync();
    ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));
    NotFoundException notFound = assertInstanceOf(NotFoundException.class, e.getCause());
    assertEquals("optIn failed: HTTP 404: Device not found. (code 404)", notFound.getMessage());
  }

  @Test
  void twoHundredAsyncCallsStayWithinTheDispatchersLimits() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          Thread.sleep(5);
          return json(200, "{\"userDevices\":[]}");
        } finally {
          inFlight.decrementAndGet();
        }
      }
    });
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
        TimeUnit.SECONDS, new SynchronousQueue<>());
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher(executor);
    OkHttpClient shared = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    DimoClient client = clientFor(server, sleeper).okHttpClient(shared)
        .userToken(TokenProvider.of(USER_TOKEN)).build();

    List<CompletableFuture<MyDevicesResponse>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(client.userDevices().listMyVehicles().executeAsync());
    }
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);

    assertEquals(200, server.getRequestCount());
    // All calls go to one host: the dispatcher runs at most maxRequestsPerHost (5) at a time. A
    // finishing call hands its slot to the next one before its own thread is free again, so at
    // most twice that many threads exist; running the blocking path per call would take 200.
    assertTrue(mostInFlight.get() <= dispatcher.getMaxRequestsPerHost(),
        "at most " + dispatcher.getMaxRequestsPerHost() + " at once, saw " + mostInFlight.get());
    assertTrue(executor.getLargestPoolSize() <= 2 * dispatcher.getMaxRequestsPerHost(),
        "threads: " + executor.getLargestPoolSize());
    executor.shutdown();
  }

  @Test
  void withResponseGivesStatusHeadersAndBodyAndLeavesTheCallUnrun() throws Exception {
    server.enqueue(json(201, "{\"id\":\"g1\"}").newBuilder().addHeader("X-Trace", "t1").build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    DimoClient client = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN)).build();
    DimoCall<zone.dimo.sdk.devices.model.CreateGeofenceResponse> create = client.geofences()
        .createGeofence(zone.dimo.sdk.devices.model.GeofenceRequest.builder().name("home")
            .type(zone.dimo.sdk.devices.model.GeofenceType.PRIVACY_FENCE)
            .h3Indexes(Collections.singletonList("8928308280fffff"))
            .build());

    DimoResponse<zone.dimo.sdk.devices.model.CreateGeofenceResponse> response =
        create.withResponse().execute();

    assertEquals(201, response.statusCode());
    assertEquals("t1", response.header("x-trace"));
    assertEquals("g1", response.body().id());
    assertFalse(create.isExecuted());
    assertEquals("DimoResponse{statusCode=201}", response.toString());

    DimoResponse<Void> deleted = client.geofences().deleteGeofence("g1").withResponse()
        .executeAsync().get(5, TimeUnit.SECONDS);
    assertEquals(204, deleted.statusCode());
    assertNull(deleted.body());
  }

  @Test
  void callerOkHttpClientIsNotMutated() throws Exception {
    OkHttpClient mine = new OkHttpClient.Builder().build();
    server.enqueue(json(200, "{}"));
    DimoClient client = clientFor(server, sleeper).okHttpClient(mine).build();

    client.dcn().getDcnMetadata("n").execute();

    assertTrue(mine.interceptors().isEmpty());
    assertTrue(mine.networkInterceptors().isEmpty());
    assertTrue(mine.retryOnConnectionFailure());
  }

  @Test
  void theEnvironmentIsTheOnlyConfigurationOfUrlsAndChain() {
    Environment custom = Environment.DEV.newBuilder()
        .devicesUrl("http://localhost:1/").chainId(31337).build();
    DimoClient client = DimoClient.builder().environment(custom).build();

    assertEquals(custom, client.environment());
    for (Method method : DimoClient.Builder.class.getMethods()) {
      assertFalse(method.getName().matches("(?i).*(url|chainid|registry|contract).*"),
          "the builder duplicates Environment: " + method);
    }
  }

  @Test
  void newBuilderKeepsSettings() {
    DimoClient client = clientFor(server, sleeper).userAgent("a/1").build();

    DimoClient copy = client.newBuilder().build();

    assertEquals(client.environment(), copy.environment());
    assertEquals("DimoClient{dev, devices=" + server.url("/") + "}", copy.toString());
  }

  @Test
  void defaultsAreProduction() {
    DimoClient client = DimoClient.builder().build();
    assertEquals(Environment.PRODUCTION, client.environment());
    assertFalse(client.toString().contains("token"));
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(mockwebserver3.SocketEffect.Stall.INSTANCE).build());
    // A read timeout long enough that the stalled call is still in flight when it is cancelled,
    // however slow the machine.
    DimoClient client = clientFor(server, sleeper).readTimeout(Duration.ofMinutes(5))
        .userToken(TokenProvider.of(USER_TOKEN)).build();
    DimoCall<MyDevicesResponse> call = client.userDevices().listMyVehicles();

    CompletableFuture<MyDevicesResponse> future = call.executeAsync();
    assertNotNull(server.takeRequest(60, TimeUnit.SECONDS), "the call reached the server");
    assertTrue(future.cancel(true));

    assertTrue(call.isCanceled());
    assertTrue(future.isCancelled());
  }

  @Test
  void aCallRunsOnceAndItsCloneRunsAgain() throws Exception {
    server.enqueue(json(200, "{\"userDevices\":[]}"));
    server.enqueue(json(200, "{\"userDevices\":[]}"));
    DimoClient client = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN)).build();
    DimoCall<MyDevicesResponse> call = client.userDevices().listMyVehicles();

    assertFalse(call.isExecuted());
    call.execute();
    assertTrue(call.isExecuted());
    assertEquals("This DimoCall was already run; use clone() to send the request again",
        assertThrows(IllegalStateException.class, call::execute).getMessage());
    assertEquals("This DimoCall was already run; use clone() to send the request again",
        assertThrows(IllegalStateException.class, call::executeAsync).getMessage());
    call.clone().execute();
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void providerAccessorsReturnTheBoundProvidersOrSayWhatToConfigure() throws Exception {
    DimoClient bare = clientFor(server, sleeper).build();
    assertEquals("No user token source: configure DimoClient.builder().web3Login(...) or"
        + " .userToken(...)",
        assertThrows(DimoConfigurationException.class, bare::userTokens).getMessage());
    assertEquals("No vehicle token source: configure a login (DimoClient.builder().web3Login(...)"
        + " or .developerLicense(...)) or DimoClient.builder().vehicleTokens(...)",
        assertThrows(DimoConfigurationException.class, bare::vehicleTokens).getMessage());
    assertEquals("No developer license: configure DimoClient.builder().developerLicense(...)",
        assertThrows(DimoConfigurationException.class, bare::licenseTokens).getMessage());

    DimoClient client = clientFor(server, sleeper)
        .userToken(TokenProvider.of(USER_TOKEN))
        .build();
    assertEquals(USER_TOKEN, client.userTokens().token());
    String privilege = TestSupport.jwt("privilege", Instant.now().getEpochSecond() + 600);
    server.enqueue(json(200, "{\"token\":\"" + privilege + "\"}"));
    assertEquals(privilege,
        client.vehicleTokens().token(3, Collections.singleton(Permission.EXECUTE_COMMANDS)));
    assertEquals("/v1/tokens/exchange", server.takeRequest().getUrl().encodedPath());
  }

  // --- helpers -------------------------------------------------------------------------------

  /** operationId → security scheme names, from openapi/*.yaml. */
  static Map<String, List<String>> specOperations() throws Exception {
    Map<String, List<String>> result = new TreeMap<>();
    Path dir = Paths.get("..", "openapi");
    List<Path> specs = new ArrayList<>();
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.toString().endsWith(".yaml")).forEach(specs::add);
    }
    assertEquals(3, specs.size(), "devices-api, auth, token-exchange specs in " + dir.toAbsolutePath());
    for (Path spec : specs) {
      OpenAPI api = new OpenAPIV3Parser().read(spec.toString());
      assertNotNull(api, "cannot parse " + spec);
      for (PathItem item : api.getPaths().values()) {
        for (io.swagger.v3.oas.models.Operation op : item.readOperations()) {
          List<SecurityRequirement> security = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
          List<String> schemes = new ArrayList<>();
          if (security != null) {
            for (SecurityRequirement requirement : security) {
              schemes.addAll(requirement.keySet());
            }
          }
          assertNull(result.put(op.getOperationId(), schemes), "duplicate " + op.getOperationId());
        }
      }
    }
    return result;
  }

  /** operationId → {api instance, method} over every API accessor of the client. */
  static Map<String, Object[]> generatedMethods(DimoClient client) {
    Map<String, Object[]> result = new LinkedHashMap<>();
    Object[] apis = {client.userDevices(), client.aftermarketDevices(), client.vehicleCommands(),
        client.errorCodes(), client.geofences(), client.nftMetadata(), client.dcn(),
        client.web3Auth(), client.tokenExchange()};
    for (Object api : apis) {
      for (Class<?> type : api.getClass().getInterfaces()) {
        for (Method method : type.getMethods()) {
          DimoOperation annotation = method.getAnnotation(DimoOperation.class);
          assertNotNull(annotation, type.getSimpleName() + "." + method.getName() + " lacks @DimoOperation");
          assertNull(result.put(annotation.operationId(), new Object[] {api, method}));
        }
      }
    }
    return result;
  }

  static Object[] dummyArguments(Method method) throws Exception {
    Class<?>[] types = method.getParameterTypes();
    Annotation[][] annotations = method.getParameterAnnotations();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i];
      if (type == String.class) {
        args[i] = "dummy" + i;
      } else if (type == Long.class || type == long.class) {
        args[i] = 7L;
      } else if (type == Integer.class || type == int.class) {
        args[i] = 7;
      } else if (type == Boolean.class || type == boolean.class) {
        args[i] = Boolean.TRUE;
      } else if (List.class.isAssignableFrom(type)) {
        args[i] = new ArrayList<>();
      } else {
        // an empty model, made the way Moshi makes one (models have no public constructor)
        java.lang.reflect.Constructor<?> empty = type.getDeclaredConstructor();
        empty.setAccessible(true);
        args[i] = empty.newInstance();
      }
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof retrofit2.http.Path
            && "tokenId".equals(((retrofit2.http.Path) annotation).value())) {
          assertEquals(7L, ((Number) args[i]).longValue());
        }
      }
    }
    return args;
  }

  static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
