package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import zone.dimo.sdk.errors.PayloadMismatchException;

class PayloadMismatchExceptionTest {
  @Test
  void namesFieldExpectedAndActual() {
    PayloadMismatchException e = new PayloadMismatchException("domain.chainId", "137", "0x13882");
    assertEquals("domain.chainId", e.field());
    assertEquals("137", e.expected());
    assertEquals("0x13882", e.actual());
    assertEquals("Refusing to sign: domain.chainId is 0x13882, this client expects 137",
        e.getMessage());
    assertEquals("Refusing to sign: domain.chainId is 80002, this client expects 137"
        + " (Environment.PRODUCTION); for DEV use Environment.DEV", new PayloadMismatchException(
            "domain.chainId", "137 (Environment.PRODUCTION)", "80002", "for DEV use Environment.DEV")
            .getMessage());
  }
}
