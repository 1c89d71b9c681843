package zone.dimo.sdk.signing.internal;

/**
 * Text helpers for error messages and for the UTF-8 encoding of signed text. Not part of the
 * supported API: it may change without notice.
 *
 * <p>Messages quote what the caller gave so that they can find it, but a message must stay one
 * readable line: a hostile or mistaken input may be megabytes long or hold line breaks, and a
 * message that echoes it whole would flood a log or forge extra lines in it.
 */
public final class Text {
  /** Longest text echoed whole; longer text keeps its start and end around an ellipsis. */
  static final int MAX_ECHO = 80;

  private static final int HEAD = 48;
  private static final int TAIL = 16;

  private Text() {}

  /**
   * Returns {@code s} in double quotes, escaped as by {@link #shorten(String)}, followed by
   * {@code " (N characters)"} when it was shortened.
   *
   * @param s the text to quote
   * @return one line of at most about 120 characters
   */
  public static String quote(String s) {
    String shown = shorten(s);
    return s.length() > MAX_ECHO
        ? "\"" + shown + "\" (" + s.length() + " characters)"
        : "\"" + shown + "\"";
  }

  /**
   * Returns {@code s} with backslash, double quote, control characters, line and paragraph
   * separators and unpaired surrogates escaped ({@code \n}, <code>&#92;u0000</code>…), keeping its first 48
   * and last 16 characters around {@code …} when it has more than 80.
   *
   * @param s the text to shorten
   * @return one line
   */
  public static String shorten(String s) {
    if (s.length() <= MAX_ECHO) {
      return escape(s, 0, s.length(), true);
    }
    int head = HEAD;
    int tail = s.length() - TAIL;
    // Never cut a surrogate pair in two (the halves would show as escapes).
    if (Character.isHighSurrogate(s.charAt(head - 1))) {
      head--;
    }
    if (Character.isLowSurrogate(s.charAt(tail))) {
      tail++;
    }
    return escape(s, 0, head, true) + "…" + escape(s, tail, s.length(), true);
  }

  /**
   * Makes {@code s} one line of at most {@code max} characters: escaped as by {@link
   * #shorten(String)} and, when longer, its first third and last two thirds around {@code …} (the
   * end of a path or a reason says most).
   *
   * @param s the text
   * @param max the longest result
   * @return one line
   */
  public static String oneLine(String s, int max) {
    // Quotes and backslashes stay: the text may already hold quoted, escaped values.
    String escaped = escape(s, 0, s.length(), false);
    if (escaped.length() <= max) {
      return escaped;
    }
    int head = (max - 1) / 3;
    int tail = escaped.length() - (max - 1 - head);
    if (Character.isHighSurrogate(escaped.charAt(head - 1))) {
      head--;
    }
    if (Character.isLowSurrogate(escaped.charAt(tail))) {
      tail++;
    }
    return escaped.substring(0, head) + "…" + escaped.substring(tail);
  }

  /**
   * Makes a path such as {@code message.to[1].wallets[0]} one line of at most about {@code max}
   * characters, as {@link #oneLine(String, int)} does but cutting only between segments (before a
   * {@code .} or {@code [}), so that no member name or index is shown in part.
   *
   * @param path the path
   * @param max the longest result, give or take one segment
   * @return one line
   */
  public static String shortenPath(String path, int max) {
    String escaped = escape(path, 0, path.length(), false);
    if (escaped.length() <= max) {
      return escaped;
    }
    int head = (max - 1) / 3;
    int tail = escaped.length() - (max - 1 - head);
    int cutHead = head;
    while (cutHead > 0 && !isSegmentStart(escaped.charAt(cutHead))) {
      cutHead--;
    }
    int cutTail = tail;
    while (cutTail < escaped.length() && !isSegmentStart(escaped.charAt(cutTail))) {
      cutTail++;
    }
    if (cutHead == 0 || cutTail >= escaped.length() || cutTail <= cutHead) {
      return oneLine(path, max); // one huge segment: cut it like any text
    }
    return escaped.substring(0, cutHead) + "…" + escaped.substring(cutTail);
  }

  private static boolean isSegmentStart(char c) {
    return c == '.' || c == '[';
  }

  private static String escape(String s, int from, int to, boolean quotes) {
    StringBuilder sb = new StringBuilder(to - from + 8);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (quotes && (c == '"' || c == '\\')) {
        sb.append('\\').append(c);
        continue;
      }
      switch (c) {
        case '\n':
          sb.append("\\n");
          continue;
        case '\r':
          sb.append("\\r");
          continue;
        case '\t':
          sb.append("\\t");
          continue;
        default:
          break;
      }
      boolean pairedSurrogate =
          (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1)))
              || (Character.isLowSurrogate(c) && i > from && Character.isHighSurrogate(s.charAt(i - 1)));
      if (c < 0x20
          || (c >= 0x7f && c < 0xa0)
          || c == '\u2028'
          || c == '\u2029'
          || (Character.isSurrogate(c) && !pairedSurrogate)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Returns the index of the first UTF-16 surrogate in {@code s} that is not part of a pair, or -1.
   * Such a string has no UTF-8 encoding: {@code String.getBytes(UTF_8)} would silently replace the
   * character with {@code ?}, so signing it would sign a different message.
   *
   * @param s the text
   * @return the index, or -1 when every surrogate is paired
   */
  public static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Describes the unpaired surrogate at {@code index} of {@code s}, e.g. {@code unpaired UTF-16
   * surrogate U+D83D at index 3 (text has no UTF-8 encoding)}.
   *
   * @param s the text
   * @param index an index returned by {@link #unpairedSurrogate(String)}
   * @return one line, without the text itself
   */
  public static String describeUnpairedSurrogate(String s, int index) {
    return String.format(
        "unpaired UTF-16 surrogate U+%04X at index %d (text with it has no UTF-8 encoding)",
        (int) s.charAt(index), index);
  }
}
