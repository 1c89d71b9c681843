package zone.dimo.sdk.sandbox.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The service's own list of supported countries (its {@code countries_regions.json}: 49 ISO
 * 3166-1 alpha-3 codes). {@code fromvin} and {@code fromsmartcar} look the code up case-insensitively;
 * {@code POST /v1/user/devices} only checks that it has three characters.
 */
final class Countries {
  static final Set<String> SUPPORTED =
      Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
          "ARE", "ARG", "AUS", "AUT", "BEL", "BGR", "CAN", "CHE", "CHL", "COL", "CYP", "CZE", "DEU",
          "DNK", "ECU", "ESP", "EST", "FIN", "FRA", "GBR", "GIB", "GRC", "HRV", "HUN", "IRL", "ISR",
          "ITA", "LTU", "LUX", "LVA", "MLT", "MYS", "NLD", "NOR", "PAK", "PER", "POL", "PRI", "PRT",
          "ROU", "SVK", "SVN", "SWE", "TUR", "TWN", "UKR", "UMI", "USA", "ZAF")));

  private Countries() {}

  static boolean isSupported(String code) {
    return code != null && SUPPORTED.contains(code.trim().toUpperCase(Locale.ROOT));
  }
}
