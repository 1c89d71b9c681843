package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;
import static zone.dimo.sdk.TestSupport.clientFor;
import static zone.dimo.sdk.TestSupport.json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.errors.UnauthorizedException;

class TokenExchangeVehicleTokenProviderTest {
  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicInteger exchanges = new AtomicInteger();
  private final List<String> exchangeBodies = Collections.synchronizedList(new ArrayList<>());
  private final List<String> issued = Collections.synchronizedList(new ArrayList<>());
  private volatile int unauthorizedCommands;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/v1/tokens/exchange")) {
          int n = exchanges.incrementAndGet();
          exchangeBodies.add(request.getBody().utf8());
          String token = TestSupport.jwt("privilege-" + n, clock.instant().getEpochSecond() + 600);
          issued.add(token);
          return json(200, "{\"token\":\"" + token + "\"}");
        }
        if (unauthorizedCommands > 0) {
          unauthorizedCommands--;
          return json(401, "{\"code\":401,\"message\":\"invalid token\"}");
        }
        return json(200, "{\"requestId\":\"r\"}");
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private DimoClient client() {
    // 32 parallel requests on a shared 2-core machine need more than the suite's tiny timeout.
    return clientFor(server, sleeper).clock(clock).readTimeout(Duration.ofSeconds(10))
        .userToken(TokenProvider.of(USER_TOKEN))
        .build();
  }

  @Test
  void exchangesForTheEnvironmentsVehicleContractWithTheUserToken() throws Exception {
    DimoClient client = client();

    client.vehicleCommands().lockDoors(7L).execute();

    RecordedRequest exchange = server.takeRequest();
    assertEquals("POST", exchange.getMethod());
    assertEquals("/v1/tokens/exchange", exchange.getUrl().encodedPath());
    assertEquals("Bearer " + USER_TOKEN, exchange.getHeaders().get("Authorization"));
    // Today's contract: the vehicle's asset DID and permission names, no deprecated field.
    assertEquals("{\"asset\":\"did:erc721:80002:0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8:7\","
        + "\"permissions\":[\"privilege:ExecuteCommands\"]}", exchange.getBody().utf8());
    RecordedRequest command = server.takeRequest();
    assertEquals("/v1/vehicle/7/commands/doors/lock", command.getUrl().encodedPath());
    assertEquals("Bearer " + issued.get(0), command.getHeaders().get("Authorization"));
  }

  @Test
  void thirtyTwoConcurrentCommandsShareOneExchange() throws Exception {
    DimoClient client = client();
    int threads = 32;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit((Callable<Object>) () -> {
          go.await();
          return client.vehicleCommands().lockDoors(7L).execute();
        }));
      }
      go.countDown();
      for (Future<Object> result : results) {
        result.get(20, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, exchanges.get());
    assertEquals(1 + threads, server.getRequestCount());
  }

  @Test
  void eachVehicleHasItsOwnToken() {
    DimoClient client = client();

    client.vehicleCommands().lockDoors(7L).execute();
    client.vehicleCommands().unlockDoors(8L).execute();
    client.vehicleCommands().openFrunk(7L).execute();

    assertEquals(2, exchanges.get());
    assertEquals("{\"asset\":\"did:erc721:80002:0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8:8\","
        + "\"permissions\":[\"privilege:ExecuteCommands\"]}", exchangeBodies.get(1));
  }

  @Test
  void privilegeTokensAreRenewedBeforeTheirTenMinutesRunOut() {
    DimoClient client = client();
    client.vehicleCommands().lockDoors(7L).execute();
    clock.advance(Duration.ofSeconds(539));
    client.vehicleCommands().lockDoors(7L).execute();
    assertEquals(1, exchanges.get());

    clock.advance(Duration.ofSeconds(2));
    client.vehicleCommands().lockDoors(7L).execute();

    assertEquals(2, exchanges.get());
  }

  @Test
  void unauthorizedCommandDropsTheTokenButIsNotRepeated() {
    DimoClient client = client();
    unauthorizedCommands = 1;

    assertThrows(UnauthorizedException.class,
        () -> client.vehicleCommands().lockDoors(7L).execute());
    assertEquals(2, server.getRequestCount());

    client.vehicleCommands().lockDoors(7L).execute();
    assertEquals(2, exchanges.get());
  }

  @Test
  void theExchangeIsTheDefaultOnceALoginIsConfiguredAndRefusesEmptyPermissions() {
    DimoClient client = TestSupport.clientFor(server, new TestSupport.RecordingSleeper())
        .userToken(TokenProvider.of(USER_TOKEN)).build();
    VehicleTokenProvider provider = client.vehicleTokens();

    assertEquals("VehicleTokenProvider(tokenExchange)", provider.toString());
    assertEquals("permissions is empty: a vehicle token must allow something, e.g."
        + " Permission.EXECUTE_COMMANDS", assertThrows(IllegalArgumentException.class,
            () -> provider.token(1, java.util.EnumSet.noneOf(Permission.class))).getMessage());
    assertEquals(0, server.getRequestCount());
  }
}
