package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;
import static zone.dimo.sdk.TestSupport.clientFor;
import static zone.dimo.sdk.TestSupport.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.devices.model.MyDevicesResponse;
import zone.dimo.sdk.errors.ResponseTooLargeException;
import zone.dimo.sdk.errors.ServerErrorException;

/** What the client reads of one answer is bounded (maxResponseBytes, 64 KiB of error bodies). */
class ResponseLimitTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private DimoClient client(long maxResponseBytes) {
    return clientFor(server, new TestSupport.RecordingSleeper())
        .userToken(TokenProvider.of(USER_TOKEN))
        .maxResponseBytes(maxResponseBytes)
        .build();
  }

  /** {@code {"userDevices":[]}} padded with JSON whitespace to {@code size} bytes. */
  private static String answerOf(int size) {
    String json = "{\"userDevices\":[]}";
    char[] padding = new char[size - json.length()];
    Arrays.fill(padding, ' ');
    return json + new String(padding);
  }

  @Test
  void anAnswerOfExactlyTheLimitIsRead() {
    server.enqueue(json(200, answerOf(100)));

    MyDevicesResponse answer = client(100).userDevices().listMyVehicles().execute();

    assertEquals(0, answer.userDevices().size());
  }

  @Test
  void aLargerAnswerIsRefusedByItsLengthAndNotRetried() {
    server.enqueue(json(200, answerOf(101)));
    server.enqueue(json(200, answerOf(100)));

    ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
        () -> client(100).userDevices().listMyVehicles().execute());

    assertEquals("listMyVehicles: the answer is larger than 100 bytes, the most this client"
        + " reads; raise the limit with DimoClient.builder().maxResponseBytes(...)", e.getMessage());
    assertEquals("listMyVehicles", e.operationId());
    assertEquals(100, e.limit());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aChunkedAnswerIsCountedWhileRead() {
    server.enqueue(new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json").chunkedBody(answerOf(101), 10).build());

    ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
        () -> client(100).userDevices().listMyVehicles().execute());

    assertEquals(100, e.limit());
  }

  @Test
  void aCompressedAnswerIsCountedAfterDecompression() throws IOException {
    // 1,000 bytes that gzip to about 40: within the limit on the wire, not once inflated.
    server.enqueue(new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "gzip")
        .body(gzip(answerOf(1000))).build());
    server.enqueue(new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "gzip")
        .body(gzip(answerOf(1000))).build());

    assertThrows(ResponseTooLargeException.class,
        () -> client(999).userDevices().listMyVehicles().execute());
    assertEquals(0, client(1000).userDevices().listMyVehicles().execute().userDevices().size());
  }

  @Test
  void anErrorBodyIsReadOnlyUpToWhatTheExceptionKeeps() {
    byte[] body = new byte[1024 * 1024];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) ('a' + i % 26);
    }
    server.enqueue(new MockResponse.Builder().code(500)
        .body(new Buffer().write(body)).build());

    // A state-changing call: no retries, one error answer.
    ServerErrorException e = assertThrows(ServerErrorException.class,
        () -> client(100).errorCodes().clearErrorCodes("d").execute());

    assertEquals(new String(body, 0, 64 * 1024, StandardCharsets.US_ASCII), e.rawBody());
  }

  @Test
  void anAnswerReadToItsEndKeepsItsConnectionAndOneCutShortDropsIt() throws Exception {
    for (int size : new int[] {1000, 4 * 1024 * 1024, 1000}) {
      server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
          .body(new Buffer().write(new byte[size])).build());
    }
    DimoClient client = client(100); // streamed answers are not limited

    try (okhttp3.ResponseBody body =
        client.nftMetadata().getAftermarketDeviceImage(1L).execute()) {
      assertEquals(1000, body.source().readByteArray(1000).length); // to its end, no EOF read
    }
    try (okhttp3.ResponseBody body =
        client.nftMetadata().getAftermarketDeviceImage(1L).execute()) {
      assertEquals(10, body.source().readByteArray(10).length); // 10 bytes of 4 MiB
    }
    client.nftMetadata().getAftermarketDeviceImage(1L).execute().close();

    assertEquals(0, server.takeRequest().getConnectionIndex());
    assertEquals(0, server.takeRequest().getConnectionIndex());
    assertEquals(1, server.takeRequest().getConnectionIndex());
  }

  @Test
  void theLimitIsChecked() {
    DimoClient.Builder builder = DimoClient.builder();
    assertEquals("maxResponseBytes must be in 1..1073741824: 0", assertThrows(
        IllegalArgumentException.class, () -> builder.maxResponseBytes(0)).getMessage());
    assertEquals("maxResponseBytes must be in 1..1073741824: 1073741825", assertThrows(
        IllegalArgumentException.class, () -> builder.maxResponseBytes((1L << 30) + 1))
        .getMessage());
  }

  private static Buffer gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return new Buffer().write(bytes.toByteArray());
  }
}
