package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class H3CellsTest {
  @Test
  void acceptsRealCells() {
    assertTrue(H3Cells.isValidCell("8a2a1072b59ffff")); // resolution 10
    assertTrue(H3Cells.isValidCell("8928308280fffff")); // resolution 9, the H3 docs' example
    assertTrue(H3Cells.isValidCell("8001fffffffffff")); // resolution 0, base cell 0
    assertTrue(H3Cells.isValidCell("8F2830828052D25")); // resolution 15, upper case
  }

  @Test
  void refusesWhatIsNotACell() {
    assertFalse(H3Cells.isValidCell(""));
    assertFalse(H3Cells.isValidCell("zzz"));
    assertFalse(H3Cells.isValidCell("0x8a2a1072b59ffff"));
    assertFalse(H3Cells.isValidCell("12345678901234567"));
    assertFalse(H3Cells.isValidCell("112a1072b59ffff"), "mode 2 is a directed edge");
    assertFalse(H3Cells.isValidCell("8a2a1072b59fff7"), "an unused digit is not 7");
    assertFalse(H3Cells.isValidCell("8a2a1072b5fffff"), "digit 10 is 7 at resolution 10");
    assertFalse(H3Cells.isValidCell("80f5fffffffffff"), "base cell 122");
    assertFalse(H3Cells.isValidCell("ca2a1072b59ffff"), "reserved high bit");
  }
}
