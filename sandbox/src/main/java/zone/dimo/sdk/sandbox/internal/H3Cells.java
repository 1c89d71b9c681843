package zone.dimo.sdk.sandbox.internal;

/**
 * Checks the bit layout of an H3 cell index given as hex (the service stores the strings
 * unchecked; the sandbox refuses what is not a cell so tests catch typos). Layout of the 64 bits:
 * bit 63 reserved (0); bits 59-62 mode (1 = cell); bits 56-58 reserved (0); bits 52-55
 * resolution 0..15; bits 45-51 base cell 0..121; then fifteen 3-bit digits, digit 1 first: digits
 * up to the resolution are 0..6, the unused ones are 7. Not checked: the pentagon rule (a
 * pentagon's first non-zero digit is never 1).
 */
public final class H3Cells {
  private H3Cells() {}

  public static boolean isValidCell(String hex) {
    if (hex == null || hex.isEmpty() || hex.length() > 16) {
      return false;
    }
    long h;
    try {
      h = Long.parseUnsignedLong(hex, 16);
    } catch (NumberFormatException e) {
      return false;
    }
    if ((h >>> 63) != 0) {
      return false;
    }
    if (((h >>> 59) & 0xf) != 1) {
      return false;
    }
    if (((h >>> 56) & 0x7) != 0) {
      return false;
    }
    int resolution = (int) ((h >>> 52) & 0xf);
    int baseCell = (int) ((h >>> 45) & 0x7f);
    if (baseCell >= 122) {
      return false;
    }
    for (int digit = 1; digit <= 15; digit++) {
      int value = (int) ((h >>> ((15 - digit) * 3)) & 0x7);
      if (digit <= resolution ? value > 6 : value != 7) {
        return false;
      }
    }
    return true;
  }
}
