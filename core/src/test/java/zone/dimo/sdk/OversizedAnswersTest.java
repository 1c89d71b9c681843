package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * No answer of any size or encoding makes the client run out of memory: a JVM with a 256 MiB
 * heap calls a server answering 200 MiB of JSON, a 150 MiB error body (three times: the call is
 * retried) and 1 MiB of gzip that inflates to 1 GiB. The bodies are generated while they are
 * sent; neither side holds them.
 */
class OversizedAnswersTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void aSmallHeapSurvivesHugeAnswers() throws Exception {
    List<Long> written = Collections.synchronizedList(new ArrayList<>());
    byte[] bomb = gzipOfSpaces(1024); // 1 GiB of JSON whitespace, about 1 MiB compressed
    RawHttpServer server = new RawHttpServer((request, socket) -> {
      if (request.path.equals("/v1/user/devices/me")) {
        RawHttpServer.head(socket, "HTTP/1.1 200 OK",
            "Content-Type: application/json\r\nTransfer-Encoding: chunked");
        written.add(streamJson(socket, 200 * MIB));
      } else if (request.path.equals("/v1/user/geofences")) {
        RawHttpServer.head(socket, "HTTP/1.1 500 Internal Server Error",
            "Content-Type: text/plain\r\nContent-Length: " + 150 * MIB);
        written.add(streamBytes(socket, 150 * MIB));
      } else {
        RawHttpServer.head(socket, "HTTP/1.1 200 OK", "Content-Type: application/json\r\n"
            + "Content-Encoding: gzip\r\nContent-Length: " + bomb.length);
        socket.getOutputStream().write(bomb);
      }
      return false;
    });
    try {
      String classpath = System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path"));
      Path output = Files.createTempFile("oversized", ".txt");
      Process child = new ProcessBuilder(
          Paths.java(), "-Xmx256m", "-cp", classpath, OversizedAnswersMain.class.getName(),
          server.url())
          .redirectErrorStream(true).redirectOutput(output.toFile()).start();
      assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child JVM did not finish");
      String printed = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
      Files.delete(output);

      assertEquals(Arrays.asList(
          "listMyVehicles: ResponseTooLargeException: listMyVehicles: the answer is larger than"
              + " 8388608 bytes, the most this client reads; raise the limit with"
              + " DimoClient.builder().maxResponseBytes(...)",
          "listGeofences: ServerErrorException 500, raw body of 65536 characters",
          "getAftermarketDeviceMetadata: ResponseTooLargeException: getAftermarketDeviceMetadata:"
              + " the answer is larger than 8388608 bytes, the most this client reads; raise the"
              + " limit with DimoClient.builder().maxResponseBytes(...)",
          "max heap 256 MiB"), Arrays.asList(printed.trim().split("\n")), printed);
      assertEquals(0, child.exitValue());
      assertEquals(Arrays.asList("0 GET /v1/user/devices/me", "1 GET /v1/user/geofences",
          "2 GET /v1/user/geofences", "3 GET /v1/user/geofences",
          "4 GET /v1/aftermarket/device/1"), server.requests);
      // What the server got out before the client hung up: what the client read (8 MiB of
      // JSON, 64 KiB of each error body) plus what the sockets buffer — not the answers, and
      // not the 100 ms of draining OkHttp would do to keep the connection.
      assertEquals(4, written.size(), written.toString());
      assertTrue(written.get(0) < 24 * MIB, written.toString());
      for (long bytes : written.subList(1, 4)) {
        assertTrue(bytes < 8 * MIB, written.toString());
      }
      System.out.println("OversizedAnswersTest: bytes the server got out per answer before the"
          + " client closed: " + written);
    } finally {
      server.close();
    }
  }

  /** Writes {@code size} bytes of a JSON list in chunks; returns how many got out. */
  private static long streamJson(Socket socket, long size) {
    byte[] item = "{\"id\":\"2WGDHnFzlYZTXW6AF1UJQpWHBtn\",\"name\":\"car\"},"
        .getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    while (chunk.size() < 64 * 1024) {
      chunk.write(item, 0, item.length);
    }
    byte[] data = chunk.toByteArray();
    byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] start = ("11\r\n{\"userDevices\":[\r\n").getBytes(StandardCharsets.US_ASCII);
    long sent = 0;
    try {
      OutputStream out = socket.getOutputStream();
      out.write(start);
      while (sent < size) {
        out.write(head);
        out.write(data);
        out.write('\r');
        out.write('\n');
        sent += data.length;
      }
      out.write("3\r\n{}]\r\n2\r\n}\n\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException clientLeft) {
      // expected: the client stops reading at its limit
    }
    return sent;
  }

  /** Writes {@code size} letters; returns how many got out. */
  private static long streamBytes(Socket socket, long size) {
    byte[] data = new byte[64 * 1024];
    Arrays.fill(data, (byte) 'x');
    long sent = 0;
    try {
      OutputStream out = socket.getOutputStream();
      while (sent < size) {
        out.write(data);
        sent += data.length;
      }
    } catch (IOException clientLeft) {
      // expected: the client stops reading at the 64 KiB it keeps
    }
    return sent;
  }

  /**
   * A gzip member of {@code mebibytes} MiB of spaces, made without holding them: one MiB is
   * deflated once with a full flush (a byte-aligned block that depends on no earlier data), and
   * that block is repeated.
   */
  static byte[] gzipOfSpaces(int mebibytes) throws IOException {
    byte[] spaces = new byte[(int) MIB];
    Arrays.fill(spaces, (byte) ' ');
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(spaces);
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
      block.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    deflater.end();
    CRC32 crc = new CRC32();
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    gzip.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    byte[] blockBytes = block.toByteArray();
    for (int i = 0; i < mebibytes; i++) {
      gzip.write(blockBytes);
      crc.update(spaces);
    }
    gzip.write(new byte[] {3, 0}); // a final, empty fixed-Huffman block
    long size = (long) mebibytes * MIB;
    writeIntLe(gzip, crc.getValue());
    writeIntLe(gzip, size);
    return gzip.toByteArray();
  }

  private static void writeIntLe(ByteArrayOutputStream out, long value) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (value >>> (8 * i)) & 0xff);
    }
  }

  private static final class Paths {
    static String java() {
      return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
  }
}
