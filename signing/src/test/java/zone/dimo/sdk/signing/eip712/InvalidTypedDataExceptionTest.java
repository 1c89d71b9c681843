package zone.dimo.sdk.signing.eip712;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvalidTypedDataExceptionTest {
  @Test
  void messageStartsWithThePath() {
    InvalidTypedDataException e = new InvalidTypedDataException("types.Mail[2].type", "unknown type 'Foo'");
    assertEquals("types.Mail[2].type: unknown type 'Foo'", e.getMessage());
    assertEquals("types.Mail[2].type", e.path());
    assertTrue(e instanceof IllegalArgumentException);
  }
}
