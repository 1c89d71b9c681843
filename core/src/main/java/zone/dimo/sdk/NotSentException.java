package zone.dimo.sdk;

import java.io.IOException;

/** An I/O failure that happened before the request reached the network (nothing was sent). */
final class NotSentException extends IOException {
  private static final long serialVersionUID = 1L;

  NotSentException(IOException cause) {
    super(cause.getMessage(), cause);
  }
}
