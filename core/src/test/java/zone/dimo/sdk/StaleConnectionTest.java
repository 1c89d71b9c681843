package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.devices.model.CommandResponse;
import zone.dimo.sdk.errors.DimoIoException;
import zone.dimo.sdk.errors.OutcomeUnknownException;

/**
 * Both sides of the line between "not sent" and "outcome unknown" for state-changing calls: a
 * request whose write fails on a connection the server had closed never reached it and is sent
 * once more on another connection; a request the server read and then dropped is unknown.
 */
class StaleConnectionTest {
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  private static DimoClient.Builder clientFor(String url) {
    return DimoClient.builder()
        .environment(Environment.DEV.newBuilder().devicesUrl(url).authUrl(url)
            .tokenExchangeUrl(url).build())
        .userToken(TokenProvider.of(USER_TOKEN))
        .vehicleTokens(VehicleTokenProvider.of(USER_TOKEN))
        .sleeper(new TestSupport.RecordingSleeper());
  }

  /** Answers on connection 0 and then resets it while idle; answers normally on others. */
  private RawHttpServer closesIdleConnections(CountDownLatch reset) throws IOException {
    RawHttpServer server = new RawHttpServer((request, socket) -> {
      String body = request.method.equals("GET") ? "{\"userDevices\":[]}" : "{\"requestId\":\"r1\"}";
      RawHttpServer.head(socket, "HTTP/1.1 200 OK", "Content-Type: application/json\r\n"
          + "Content-Length: " + body.length());
      socket.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      if (request.connection == 0) {
        sleep(300); // the client has read the answer and pooled the connection
        RawHttpServer.reset(socket);
        reset.countDown();
        return false;
      }
      return true;
    });
    servers.add(server);
    return server;
  }

  @Test
  void aCommandWhoseWriteFailsOnAStalePooledConnectionIsSentOnceOnAnother() throws Exception {
    CountDownLatch reset = new CountDownLatch(1);
    RawHttpServer server = closesIdleConnections(reset);
    DimoClient client = clientFor(server.url()).build();
    client.userDevices().listMyVehicles().execute();
    assertTrue(reset.await(10, TimeUnit.SECONDS));
    sleep(200); // let the reset reach the client's socket

    CommandResponse answer = client.vehicleCommands().lockDoors(21000L).execute();

    assertEquals("r1", answer.requestId());
    assertEquals(Arrays.asList("0 GET /v1/user/devices/me",
        "1 POST /v1/vehicle/21000/commands/doors/lock"), server.requests);
  }

  @Test
  void theCallersOwnEventListenerStillHearsEverything() throws Exception {
    CountDownLatch reset = new CountDownLatch(1);
    RawHttpServer server = closesIdleConnections(reset);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    OkHttpClient mine = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void connectionAcquired(Call call, Connection connection) {
        events.add("connectionAcquired");
      }

      @Override
      public void requestFailed(Call call, IOException ioe) {
        events.add("requestFailed");
      }

      @Override
      public void callEnd(Call call) {
        events.add("callEnd");
      }
    }).build();
    DimoClient client = clientFor(server.url()).okHttpClient(mine).build();
    client.userDevices().listMyVehicles().execute();
    assertTrue(reset.await(10, TimeUnit.SECONDS));
    sleep(200);
    events.clear();

    client.vehicleCommands().lockDoors(21000L).execute();

    assertEquals(Arrays.asList("connectionAcquired", "requestFailed", "connectionAcquired",
        "callEnd"), events);
  }

  @Test
  void aCommandTheServerReadThenDroppedOnAFreshConnectionIsOutcomeUnknown() throws Exception {
    MockWebServer server = new MockWebServer();
    servers.add(server);
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket())
        .build());
    server.enqueue(TestSupport.json(200, "{\"requestId\":\"resent\"}"));
    server.start();
    DimoClient client = clientFor(server.url("/").toString()).build();

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> client.vehicleCommands().lockDoors(21000L).execute());

    assertEquals("lockDoors", e.operationId());
    assertInstanceOf(DimoIoException.class, e.getCause());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aCommandThatFailsToBeWrittenTwiceIsReportedAsNotSent() throws Exception {
    // Every connection is reset once idle, and the client is made to reuse the stale one for
    // the resend too: the second failure is reported as such, with nothing sent.
    CountDownLatch reset = new CountDownLatch(2);
    RawHttpServer server = new RawHttpServer((request, socket) -> {
      String body = "{\"userDevices\":[]}";
      RawHttpServer.head(socket, "HTTP/1.1 200 OK", "Content-Type: application/json\r\n"
          + "Content-Length: " + body.length());
      socket.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      sleep(300);
      RawHttpServer.reset(socket);
      reset.countDown();
      return false;
    });
    servers.add(server);
    DimoClient client = clientFor(server.url()).build();
    // Two pooled connections, both reset by the server once idle.
    java.util.concurrent.CompletableFuture<?> first =
        client.userDevices().listMyVehicles().executeAsync();
    java.util.concurrent.CompletableFuture<?> second =
        client.userDevices().listMyVehicles().executeAsync();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
    assertTrue(reset.await(10, TimeUnit.SECONDS));
    sleep(200);
    int before = server.requests.size();

    DimoIoException e = assertThrows(DimoIoException.class,
        () -> client.vehicleCommands().lockDoors(21000L).execute());

    assertTrue(e.getMessage().startsWith("lockDoors failed before anything was sent: "),
        e.getMessage());
    assertEquals(before, server.requests.size());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
