package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import zone.dimo.sdk.errors.DimoDecodingException;

class DimoDecodingExceptionTest {
  @Test
  void keepsStatusAndRawBody() {
    DimoDecodingException e = new DimoDecodingException("lockDoors: could not decode", 200, "{oops", null);
    assertEquals(200, e.statusCode());
    assertEquals("{oops", e.rawBody());
    assertEquals("", new DimoDecodingException("m", 200, null, null).rawBody());
  }
}
