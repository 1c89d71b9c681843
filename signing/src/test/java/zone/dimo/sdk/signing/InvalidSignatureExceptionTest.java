package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvalidSignatureExceptionTest {
  @Test
  void isAnIllegalArgumentExceptionWithTheMessage() {
    InvalidSignatureException e = new InvalidSignatureException("r must be in [1, n-1]");
    assertEquals("r must be in [1, n-1]", e.getMessage());
    assertTrue(e instanceof IllegalArgumentException);
  }
}
