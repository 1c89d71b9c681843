package zone.dimo.sdk.errors;

/**
 * A signing payload handed out by the service is not what this client expects (wrong EIP-712
 * domain name, version, chain id, verifying contract or primary type). Thrown before anything is
 * signed, so a compromised or misconfigured endpoint cannot obtain a signature for another chain
 * or contract.
 */
public final class PayloadMismatchException extends DimoException {
  private static final long serialVersionUID = 1L;

  /** See {@link #field()}. */
  private final String field;
  /** See {@link #expected()}. */
  private final String expected;
  /** See {@link #actual()}. */
  private final String actual;

  /**
   * A mismatch without advice.
   *
   * @param field the payload field, e.g. {@code domain.chainId}
   * @param expected what this client expects, with where that comes from
   * @param actual what the payload holds, in the same notation as {@code expected}
   */
  public PayloadMismatchException(String field, String expected, String actual) {
    this(field, expected, actual, "");
  }

  /**
   * A mismatch with advice on what to change.
   *
   * @param field the payload field, e.g. {@code domain.chainId}
   * @param expected what this client expects, with where that comes from, e.g.
   *     {@code 137 (Environment.PRODUCTION)}
   * @param actual what the payload holds, in the same notation as {@code expected}
   * @param advice what to change, e.g. {@code for DEV use Environment.DEV}; may be empty
   */
  public PayloadMismatchException(String field, String expected, String actual, String advice) {
    super("Refusing to sign: " + field + " is " + actual + ", this client expects " + expected
        + (advice.isEmpty() ? "" : "; " + advice));
    this.field = field;
    this.expected = expected;
    this.actual = actual;
  }

  /**
   * {@return the payload field that differs, e.g. {@code domain.chainId} or {@code primaryType}}
   */
  public String field() {
    return field;
  }

  /** {@return what this client expects (for several accepted values, separated by " or ")} */
  public String expected() {
    return expected;
  }

  /** {@return what the payload holds ({@code <missing>} when absent)} */
  public String actual() {
    return actual;
  }
}
