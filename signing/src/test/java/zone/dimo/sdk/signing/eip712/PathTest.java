package zone.dimo.sdk.signing.eip712;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PathTest {
  @Test
  void rendersMembersAndIndexes() {
    Path path = Path.root("message").member("to").index(1).member("wallets").index(0);
    assertEquals("message.to[1].wallets[0]", path.toString());
    InvalidTypedDataException e = path.error("bad EIP-55 checksum");
    assertEquals("message.to[1].wallets[0]: bad EIP-55 checksum", e.getMessage());
    assertEquals("message.to[1].wallets[0]", e.path());
  }
}
