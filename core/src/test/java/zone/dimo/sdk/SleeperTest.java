package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SleeperTest {
  @Test
  void systemSleeperHonoursInterruption() {
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> Sleeper.system().sleep(Duration.ofSeconds(5)));
    assertTrue(!Thread.currentThread().isInterrupted());
  }
}
