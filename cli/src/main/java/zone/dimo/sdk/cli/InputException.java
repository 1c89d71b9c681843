package zone.dimo.sdk.cli;

/**
 * Bad data in one named input (a file, stdin or an option). Printed as one line,
 * {@code dimo: <source>: <detail>}, and turned into exit status 1.
 *
 * <p>The detail never quotes the input itself: the input may be a private key.
 */
final class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String detail;

  InputException(String source, String detail) {
    super(source + ": " + detail);
    this.source = source;
    this.detail = detail;
  }

  String source() {
    return source;
  }

  String detail() {
    return detail;
  }
}
