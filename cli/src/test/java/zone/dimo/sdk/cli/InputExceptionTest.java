package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputExceptionTest {
  @Test
  void messageIsSourceThenDetail() {
    InputException e = new InputException("mail.json", "message.to.wallet: bad EIP-55 checksum");

    assertEquals("mail.json", e.source());
    assertEquals("message.to.wallet: bad EIP-55 checksum", e.detail());
    assertEquals("mail.json: message.to.wallet: bad EIP-55 checksum", e.getMessage());
  }
}
