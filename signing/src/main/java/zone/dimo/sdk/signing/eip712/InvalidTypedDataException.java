package zone.dimo.sdk.signing.eip712;

import zone.dimo.sdk.signing.internal.Text;

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

  /** Longest path shown in the message; {@link #path()} keeps the whole path. */
  private static final int MAX_PATH = 120;
  /** Longest reason shown in the message. */
  private static final int MAX_REASON = 300;

  /**
   * Creates the exception with message {@code path + ": " + reason}, on one line: line breaks and
   * other control characters are escaped, and a path or reason too long to read (deeply nested
   * data, a huge name) keeps its start and end around {@code …}.
   *
   * @param path where the problem is, e.g. {@code message.to[1].wallets[0]}
   * @param reason what is wrong
   */
  public InvalidTypedDataException(String path, String reason) {
    super(Text.shortenPath(path, MAX_PATH) + ": " + Text.oneLine(reason, MAX_REASON));
    this.path = path;
  }

  /**
   * Returns the whole path of the bad part (the message may show it shortened): {@code types}, {@code primaryType}, {@code domain} or
   * {@code message} followed by member names and {@code [index]} selectors.
   *
   * @return the path
   */
  public String path() {
    return path;
  }
}
