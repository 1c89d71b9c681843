package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.signing.Address;

class DexSubjectTest {
  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void readsTheUserIdOfTheSandboxsOwnSubjects() {
    Address a = Address.fromHex("0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c");
    byte[] subject = Base64.getUrlDecoder().decode(AuthRoutes.subject(a));
    assertEquals("0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c", DexSubject.userId(subject));
  }

  @Test
  void skipsUnknownFieldsAndTheLastValueWins() {
    // field 3 varint 150, field 1 "a", field 4 fixed32, field 1 "b", field 5 fixed64, group 6 {7: varint 1}
    byte[] message = bytes(0x18, 0x96, 0x01, 0x0a, 1, 'a', 0x25, 1, 2, 3, 4, 0x0a, 1, 'b',
        0x29, 1, 2, 3, 4, 5, 6, 7, 8, 0x33, 0x38, 1, 0x34);
    assertEquals("b", DexSubject.userId(message));
    assertEquals("", DexSubject.userId(new byte[0]));
  }

  @Test
  void refusesWhatGoProtobufRefuses() {
    assertNull(DexSubject.userId(bytes(0x0a, 5, 'a')), "truncated string");
    assertNull(DexSubject.userId(bytes(0x0a, 1, 0xff)), "invalid UTF-8 in a proto3 string");
    assertNull(DexSubject.userId(bytes(0x02, 0)), "field number 0");
    assertNull(DexSubject.userId(bytes(0x0e)), "wire type 6");
    assertNull(DexSubject.userId(bytes(0x33, 0x3c)), "a group closed by another field's end");
    assertNull(DexSubject.userId(bytes(0x34)), "an end group without a start");
    assertNull(DexSubject.userId(bytes(0x18, 0x80)), "truncated varint");
    assertNull(DexSubject.userId(bytes(0x29, 1, 2)), "truncated fixed64");
  }
}
