package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class HexBytesTest {
  @Test
  void copiesInAndOut() {
    byte[] in = {1, 2, 3};
    HexBytes bytes = new HexBytes(in);
    in[0] = 9;
    bytes.bytes()[1] = 9;

    assertArrayEquals(new byte[] {1, 2, 3}, bytes.bytes());
  }
}
