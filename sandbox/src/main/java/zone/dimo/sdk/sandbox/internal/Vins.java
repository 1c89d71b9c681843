package zone.dimo.sdk.sandbox.internal;

/**
 * Vehicle identification numbers. The service only checks that a VIN has 17 characters
 * ({@code fromvin}) or 17 letters and digits ({@code PATCH .../vin}); decoding is left to its
 * VIN decoder. The sandbox decodes by WMI (the first three characters) and refuses the letters
 * I, O and Q, which no VIN contains; it does not require a valid check digit (position 9),
 * because VINs outside North America need not carry one. Sample VINs do carry a valid one.
 */
public final class Vins {
  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  private Vins() {}

  /** True for 17 characters from {@code 0-9, A-Z} without I, O and Q (upper case only). */
  public static boolean isWellFormed(String vin) {
    if (vin == null || vin.length() != 17) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      char c = vin.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'Q');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The ISO 3779 / FMVSS 115 check digit of a well-formed VIN ('0'-'9' or 'X'). */
  public static char checkDigit(String vin) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += value(vin.charAt(i)) * WEIGHTS[i];
    }
    int r = sum % 11;
    return r == 10 ? 'X' : (char) ('0' + r);
  }

  /**
   * Builds a VIN from its parts with a correct check digit.
   *
   * @param wmi 3 characters
   * @param vds 5 characters (positions 4-8)
   * @param year model-year code (position 10)
   * @param plant plant code (position 11)
   * @param serial 0..999999 (positions 12-17)
   */
  public static String build(String wmi, String vds, char year, char plant, int serial) {
    String s = String.valueOf(serial);
    while (s.length() < 6) {
      s = "0" + s;
    }
    String draft = wmi + vds + "0" + year + plant + s;
    char check = checkDigit(draft);
    return draft.substring(0, 8) + check + draft.substring(9);
  }

  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    switch (c) {
      case 'A': case 'J': return 1;
      case 'B': case 'K': case 'S': return 2;
      case 'C': case 'L': case 'T': return 3;
      case 'D': case 'M': case 'U': return 4;
      case 'E': case 'N': case 'V': return 5;
      case 'F': case 'W': return 6;
      case 'G': case 'P': case 'X': return 7;
      case 'H': case 'Y': return 8;
      case 'R': case 'Z': return 9;
      default: throw new IllegalArgumentException("not a VIN character: " + c);
    }
  }
}
