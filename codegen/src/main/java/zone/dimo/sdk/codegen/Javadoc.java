package zone.dimo.sdk.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the spec's Markdown descriptions into Javadoc text: {@code `code`} spans become
 * {@code {@code ...}}, blank lines become {@code <p>} paragraphs (reflowed to the source's
 * width), lines starting with {@code "- "} become a list, and every character that Javadoc or javac would read as markup is
 * written so that the rendered text equals the spec's text ({@code <}, {@code >}, {@code &},
 * a leading {@code @}, {@code {@}, {@code *}{@code /} and {@code \}{@code u}). Nothing is
 * HTML-entity-escaped that a reader would otherwise see as plain text (quotes, apostrophes,
 * backticks stay themselves), and no line ends in whitespace.
 */
final class Javadoc {

  private static final Pattern BLOCK_TAG = Pattern.compile("@(param \\w+|return|deprecated|throws \\w+) ");

  /** Wrap column of the generated source, as in the hand-written code. */
  static final int WIDTH = 100;

  private Javadoc() {
  }

  private static List<String> wrap(List<String> lines, int width, int firstLineOffset) {
    List<String> out = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      int room = width - (n == 0 ? firstLineOffset : 0);
      while (line.length() > room) {
        int cut = breakBefore(line, room);
        if (cut <= 0) {
          break;
        }
        out.add(line.substring(0, cut));
        line = line.substring(cut + 1);
        room = width;
      }
      out.add(line);
    }
    return out;
  }

  /** The last space at or before {@code limit} that is not inside an inline tag, or -1. */
  private static int breakBefore(String line, int limit) {
    int depth = 0;
    int best = -1;
    for (int i = 0; i < line.length() && i <= limit; i++) {
      char c = line.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == ' ' && depth == 0 && i > 0
          && (i + 1 >= line.length() || line.charAt(i + 1) != '@')) {
        // never start a line with @: Javadoc would read a block tag
        best = i;
      }
    }
    return best;
  }

  /**
   * Formats {@code markdown} as the body of a Javadoc comment whose lines start with
   * {@code indent + " * "}. The first line carries no prefix (the template writes it).
   */
  static String format(String markdown, String indent) {
    return format(markdown, indent, 0);
  }

  /**
   * Like {@link #format(String, String)}; {@code firstLineOffset} is the width of what the
   * template writes before the text on the first line (e.g. {@code "@param tokenId "}).
   * Lines that would pass column {@value #WIDTH} are wrapped at spaces outside inline tags.
   */
  static String format(String markdown, String indent, int firstLineOffset) {
    // A block tag the template put first ("@param id ...") stays a tag; the rest is text.
    String tag = "";
    Matcher m = BLOCK_TAG.matcher(markdown == null ? "" : markdown);
    if (m.lookingAt()) {
      tag = m.group();
      markdown = markdown.substring(tag.length());
    }
    List<String> lines = toLines(markdown);
    if (!tag.isEmpty()) {
      lines.set(0, tag + lines.get(0));
    }
    lines = wrap(lines, WIDTH - indent.length() - 3, firstLineOffset);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i > 0) {
        out.append('\n').append(indent).append(line.isEmpty() ? " *" : " * ");
      }
      out.append(line);
    }
    return out.toString();
  }

  /** The Javadoc lines for {@code markdown}, without comment prefixes; empty for blank input. */
  static List<String> toLines(String markdown) {
    List<String> out = new ArrayList<>();
    if (markdown == null) {
      return out;
    }
    List<List<String>> paragraphs = paragraphs(markdown);
    for (int p = 0; p < paragraphs.size(); p++) {
      List<String> paragraph = paragraphs.get(p);
      if (p > 0) {
        out.add("");
      }
      boolean list = paragraph.stream().allMatch(l -> l.startsWith("- ") || l.startsWith("  "))
          && paragraph.get(0).startsWith("- ");
      if (list) {
        if (p > 0) {
          // a list is its own block; no <p> before it
          out.remove(out.size() - 1);
        }
        out.add("<ul>");
        StringBuilder item = null;
        for (String l : paragraph) {
          if (l.startsWith("- ")) {
            if (item != null) {
              addItem(out, item.toString());
            }
            item = new StringBuilder(l.substring(2).trim());
          } else {
            item.append('\n').append(l.trim());
          }
        }
        addItem(out, item.toString());
        out.add("</ul>");
        continue;
      }
      // Markdown: a single newline inside a paragraph is a soft break, so the paragraph is
      // one line here and wrap() breaks it for the source's width.
      out.add((p > 0 ? "<p>" : "") + inline(String.join(" ", paragraph)));
    }
    return out;
  }

  private static void addItem(List<String> out, String item) {
    out.add("  <li>" + inline(item.replace('\n', ' ')));
  }

  private static List<List<String>> paragraphs(String markdown) {
    String[] raw = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<List<String>> paragraphs = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : raw) {
      String trimmed = stripTrailing(line);
      if (trimmed.trim().isEmpty()) {
        if (!current.isEmpty()) {
          paragraphs.add(current);
          current = new ArrayList<>();
        }
      } else {
        // keep a list item's continuation indent (two spaces) only; other leading space goes
        current.add(trimmed.startsWith("  ") && !current.isEmpty() && current.get(0).startsWith("- ")
            ? "  " + trimmed.trim() : trimmed.trim());
      }
    }
    if (!current.isEmpty()) {
      paragraphs.add(current);
    }
    return paragraphs;
  }

  /** Converts code spans and escapes markup in one paragraph (newlines kept). */
  static String inline(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '`') {
        int ticks = run(text, i, '`');
        String fence = text.substring(i, i + ticks);
        int close = findClosing(text, i + ticks, fence);
        if (close >= 0) {
          String code = text.substring(i + ticks, close);
          if (ticks > 1 && code.startsWith(" ") && code.endsWith(" ") && code.trim().length() > 0) {
            code = code.substring(1, code.length() - 1);
          }
          out.append(code(code.replace('\n', ' ')));
          i = close + ticks;
          continue;
        }
        out.append(fence);
        i += ticks;
        continue;
      }
      appendText(out, text, i);
      i++;
    }
    return out.toString();
  }

  private static int run(String text, int from, char c) {
    int end = from;
    while (end < text.length() && text.charAt(end) == c) {
      end++;
    }
    return end - from;
  }

  /** Index of a backtick run of exactly {@code fence}'s length at or after {@code from}, or -1. */
  private static int findClosing(String text, int from, String fence) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == '`') {
        int ticks = run(text, i, '`');
        if (ticks == fence.length()) {
          return i;
        }
        i += ticks;
      } else {
        i++;
      }
    }
    return -1;
  }

  /**
   * {@code {@code x}} when Javadoc can carry {@code x} verbatim: its braces balance and it has
   * no comment end, no unicode escape and does not start with a space. Otherwise an
   * HTML {@code <code>} element with the few characters that need it written as entities.
   */
  static String code(String code) {
    if (balancedBraces(code) && !code.contains("*/") && !code.contains("\\u") && !code.isEmpty()
        && !Character.isWhitespace(code.charAt(0))) {
      return "{@code " + code + "}";
    }
    StringBuilder out = new StringBuilder("<code>");
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      switch (c) {
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '&': out.append("&amp;"); break;
        case '{': out.append("&#123;"); break;
        case '}': out.append("&#125;"); break;
        case '@': out.append("&#64;"); break;
        case '/': out.append(i > 0 && code.charAt(i - 1) == '*' ? "&#47;" : "/"); break;
        case '\\': out.append(i + 1 < code.length() && code.charAt(i + 1) == 'u' ? "&#92;" : "\\"); break;
        default: out.append(c);
      }
    }
    return out.append("</code>").toString();
  }

  private static boolean balancedBraces(String code) {
    int depth = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (--depth < 0) {
          return false;
        }
      }
    }
    return depth == 0;
  }

  private static void appendText(StringBuilder out, String text, int i) {
    char c = text.charAt(i);
    switch (c) {
      case '<': out.append("&lt;"); return;
      case '>': out.append("&gt;"); return;
      case '&': out.append("&amp;"); return;
      case '@':
        // only a line-leading @ starts a block tag; and {@ would start an inline tag
        if (lineStart(text, i)) {
          out.append("{@literal @}");
        } else {
          out.append('@');
        }
        return;
      case '{':
        out.append(i + 1 < text.length() && text.charAt(i + 1) == '@' ? "&#123;" : "{");
        return;
      case '/':
        out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        return;
      case '\\':
        out.append(i + 1 < text.length() && text.charAt(i + 1) == 'u' ? "&#92;" : "\\");
        return;
      default:
        out.append(c);
    }
  }

  private static boolean lineStart(String text, int i) {
    for (int j = i - 1; j >= 0; j--) {
      char c = text.charAt(j);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
