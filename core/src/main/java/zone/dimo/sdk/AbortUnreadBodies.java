package zone.dimo.sdk;

import java.io.IOException;
import java.net.Socket;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Network interceptor: an HTTP/1 answer closed before its end closes its connection. OkHttp
 * would otherwise read on for up to 100 ms to keep the connection — tens of MiB on a fast link —
 * for every error body cut at the 64 KiB the SDK keeps and every answer over
 * {@code maxResponseBytes}.
 */
final class AbortUnreadBodies implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    Connection connection = chain.connection();
    ResponseBody body = response.body();
    if (connection == null || body == null || body.contentLength() == 0
        || "HEAD".equals(response.request().method())
        || response.code() == 204 || response.code() == 304
        || (connection.protocol() != Protocol.HTTP_1_1
            && connection.protocol() != Protocol.HTTP_1_0)) {
      // HTTP/2 streams are reset on close without draining, and share their socket.
      return response;
    }
    Socket socket = connection.socket();
    long length = body.contentLength();
    BufferedSource source = Okio.buffer(new ForwardingSource(body.source()) {
      private long read;
      private boolean exhausted;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long count = super.read(sink, byteCount);
        if (count == -1) {
          exhausted = true;
        } else {
          read += count;
        }
        return count;
      }

      @Override
      public void close() throws IOException {
        // A body read to its end has already handed its connection back to the pool: that
        // connection must stay open.
        if (!exhausted && (length == -1 || read < length)) {
          socket.close();
        }
        super.close();
      }
    });
    return response.newBuilder()
        .body(ResponseBody.create(source, body.contentType(), body.contentLength()))
        .build();
  }
}
