package zone.dimo.sdk;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for what MockWebServer cannot do: bodies generated as
 * streams (hundreds of MiB that are never held in memory) and connections closed with a reset at
 * a chosen moment. Each connection runs on its own thread; the handler answers one request.
 */
final class RawHttpServer implements Closeable {
  /** One parsed request. */
  static final class Request {
    final int connection;
    final String method;
    final String path;

    Request(int connection, String method, String path) {
      this.connection = connection;
      this.method = method;
      this.path = path;
    }

    @Override
    public String toString() {
      return connection + " " + method + " " + path;
    }
  }

  interface Handler {
    /** Answers {@code request} on {@code socket}; returns whether to read another request. */
    boolean handle(Request request, Socket socket) throws IOException;
  }

  private final ServerSocket serverSocket;
  private final Handler handler;
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  RawHttpServer(Handler handler) throws IOException {
    this.handler = handler;
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread acceptor = new Thread(this::accept, "raw-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/";
  }

  private void accept() {
    for (int connection = 0; ; connection++) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException closed) {
        return;
      }
      sockets.add(socket);
      int index = connection;
      Thread thread = new Thread(() -> serve(index, socket), "raw-http-" + index);
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void serve(int connection, Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      while (true) {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        long contentLength = 0;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
          if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            contentLength = Long.parseLong(header.substring(15).trim());
          }
        }
        for (long i = 0; i < contentLength; i++) {
          if (in.read() == -1) {
            return;
          }
        }
        String[] parts = requestLine.split(" ");
        Request request = new Request(connection, parts[0], parts[1]);
        requests.add(request.toString());
        if (!handler.handle(request, socket)) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away; nothing to do.
    } finally {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        return null;
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
  }

  /** Writes a head with {@code headers} (CRLF-separated lines, without the blank line). */
  static void head(Socket socket, String statusLine, String headers) throws IOException {
    socket.getOutputStream().write((statusLine + "\r\n" + headers + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Closes {@code socket} with a TCP reset instead of an orderly close. */
  static void reset(Socket socket) throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    synchronized (sockets) {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }
}
