package zone.dimo.sdk;

import java.time.Duration;

/**
 * Waits between retries and polls. A seam for tests: pass a sleeper that records the requested
 * durations instead of waiting, via {@link DimoClient.Builder#sleeper(Sleeper)}.
 */
public interface Sleeper {
  /**
   * Blocks for {@code duration}.
   *
   * @param duration how long to wait
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /** {@return a sleeper backed by {@link Thread#sleep(long)}} */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
