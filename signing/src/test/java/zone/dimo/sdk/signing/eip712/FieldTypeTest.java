package zone.dimo.sdk.signing.eip712;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FieldTypeTest {
  @Test
  void atomicTypes() {
    assertEquals(FieldType.UINT, FieldType.atomic("uint8").kind);
    assertEquals(256, FieldType.atomic("int256").size);
    assertEquals(32, FieldType.atomic("bytes32").size);
    assertEquals(FieldType.BYTES, FieldType.atomic("bytes").kind);
    assertEquals(FieldType.ADDRESS, FieldType.atomic("address").kind);
    for (String bad : new String[] {"uint", "uint7", "uint264", "uint0", "uint08", "int9", "bytes0", "bytes33", "bytes01", "Uint8"}) {
      assertNull(FieldType.atomic(bad), bad);
    }
  }

  @Test
  void arraysNestOutermostLast() {
    FieldType t = FieldType.parse("uint8[2][]");
    assertEquals(FieldType.ARRAY, t.kind);
    assertEquals(-1, t.size);
    assertEquals(2, t.element.size);
    assertEquals(FieldType.UINT, t.element.element.kind);
    assertEquals(FieldType.UINT, t.base().kind);
  }

  @Test
  void structReferences() {
    FieldType t = FieldType.parse("Person[]");
    assertEquals(FieldType.STRUCT, t.base().kind);
    assertEquals("Person", t.base().name);
  }

  @Test
  void invalidTypeTexts() {
    assertEquals(
        "unknown type 'uint' (the alias is not allowed in EIP-712; write uint256)",
        assertThrows(IllegalArgumentException.class, () -> FieldType.parse("uint")).getMessage());
    assertEquals(
        "unknown type 'bytes33' (not a valid atomic type)",
        assertThrows(IllegalArgumentException.class, () -> FieldType.parse("bytes33[]")).getMessage());
    assertEquals(
        "unknown type 'a-b'",
        assertThrows(IllegalArgumentException.class, () -> FieldType.parse("a-b")).getMessage());
    assertEquals(
        "array length must be a positive decimal without leading zeros in 'uint8[x]'",
        assertThrows(IllegalArgumentException.class, () -> FieldType.parse("uint8[x]")).getMessage());
  }
}
