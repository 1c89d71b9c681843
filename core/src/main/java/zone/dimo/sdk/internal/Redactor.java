package zone.dimo.sdk.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text that may reach a log or an exception message: JWTs (access, ID and
 * privilege tokens), bearer credentials, 0x-hex of 64 or more digits (private keys, signatures),
 * and the values of token and signature fields in JSON and form bodies. Over-masking a
 * transaction hash is the price of never printing a key.
 */
public final class Redactor {
  static final String MASK = "[redacted]";

  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
  private static final Pattern LONG_HEX = Pattern.compile("(?i)(0x)?[0-9a-f]{64,}");
  private static final Pattern JSON_SECRET = Pattern.compile(
      "(?i)(\"(?:access_token|id_token|refresh_token|token|signature|userSignature"
          + "|aftermarketDeviceSignature|privateKey|private_key)\"\\s*:\\s*\")[^\"]*(\")");
  private static final Pattern FORM_SECRET = Pattern.compile(
      "(?i)((?:^|[?&\\s])(?:access_token|id_token|refresh_token|token|signature|code)=)[^&\\s]*");

  private Redactor() {
  }

  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = JWT.matcher(text).replaceAll(MASK);
    out = BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    out = JSON_SECRET.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$2");
    out = FORM_SECRET.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    out = LONG_HEX.matcher(out).replaceAll(MASK);
    return out;
  }
}
