package zone.dimo.sdk;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Tag on a state-changing call's request recording how far its current attempt got: whether it
 * reached the network layer (a connection was open and the request about to be written), and
 * whether writing the request failed. Until the request is written in full a failure means the
 * server did not get it: nothing to act on.
 */
final class SendState {
  volatile boolean reachedNetwork;
  volatile boolean writeFailed;

  /** Called before each attempt. */
  void reset() {
    reachedNetwork = false;
    writeFailed = false;
  }

  /** Learns from OkHttp's events that writing the request failed (e.g. on a dead socket). */
  static final class Listener extends EventListener {
    private final SendState state;

    Listener(SendState state) {
      this.state = state;
    }

    @Override
    public void requestFailed(Call call, IOException ioe) {
      state.writeFailed = true;
    }
  }

  /**
   * Listens to the calls that carry a {@link SendState}, next to the listeners of
   * {@code userFactory} (from the caller's own OkHttpClient), which keep getting every event.
   */
  static EventListener.Factory listeners(EventListener.Factory userFactory) {
    return call -> {
      EventListener theirs = userFactory.create(call);
      SendState state = call.request().tag(SendState.class);
      return state == null ? theirs : theirs.plus(new Listener(state));
    };
  }
}
