package zone.dimo.sdk.signing.eip712;

/**
 * Typed data that cannot be encoded: a malformed or unknown type, a cyclic type graph, a missing
 * member, or a value that does not fit its type. The message starts with the path of the bad part,
 * for example {@code message.to[1].wallets[0]: bad EIP-55 checksum} or
 * {@code types.Mail[2].type: unknown type 'Foo'}.
 */
public class InvalidTypedDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Where the problem is; see {@link #path()}. */
  private final String path;

  /**
   * Creates the exception with message {@code path + ": " + reason}.
   *
   * @param path where the problem is, e.g. {@code message.to[1].wallets[0]}
   * @param reason what is wrong
   */
  public InvalidTypedDataException(String path, String reason) {
    super(path + ": " + reason);
    this.path = path;
  }

  /**
   * Returns the path of the bad part: {@code types}, {@code primaryType}, {@code domain} or
   * {@code message} followed by member names and {@code [index]} selectors.
   *
   * @return the path
   */
  public String path() {
    return path;
  }
}
