package zone.dimo.sdk.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavadocTest {

  @Test
  void backticksBecomeCodeTagsAndNothingReadableIsEscaped() {
    assertEquals("The vehicle's {@code token_id} is \"decimal\"; see {@code 0x}-prefixed hex.",
        Javadoc.format("The vehicle's `token_id` is \"decimal\"; see `0x`-prefixed hex.", ""));
  }

  @Test
  void markupCharactersOutsideCodeAreWrittenSoTheyRenderAsText() {
    assertEquals("a &lt; b &amp;&amp; c &gt; d, {@code a < b && c > d}",
        Javadoc.format("a < b && c > d, `a < b && c > d`", ""));
    assertEquals("{@literal @}since is text, mail@example.com too; &#123;@link X} is not a tag",
        Javadoc.format("@since is text, mail@example.com too; {@link X} is not a tag", ""));
    assertEquals("line one {@literal @}author is text here too",
        Javadoc.format("line one\n\n@author is text here too", "").replace("\n *\n * <p>", " "));
    assertEquals("ends a comment: *&#47; and &#92;u000a is no unicode escape",
        Javadoc.format("ends a comment: */ and \\u000a is no unicode escape", ""));
  }

  @Test
  void codeThatJavadocCannotCarryVerbatimBecomesAnHtmlCodeElement() {
    assertEquals("<code>&#123;code, message</code> and {@code {code, message}} and <code>*&#47;</code>",
        Javadoc.format("`{code, message` and `{code, message}` and `*/`", ""));
    assertEquals("{@code a`b}", Javadoc.format("``a`b``", ""));
    assertEquals("a lone ` backtick", Javadoc.format("a lone ` backtick", ""));
  }

  @Test
  void paragraphsListsAndIndentation() {
    String markdown = "First line\nsecond line.   \n\nNext paragraph:\n\n- one `x`\n- two,\n  continued\n";
    assertEquals(List.of("First line second line.", "", "<p>Next paragraph:", "<ul>", "  <li>one {@code x}",
        "  <li>two, continued", "</ul>"), Javadoc.toLines(markdown));
    assertEquals("First line second line.\n   *\n   * <p>Next paragraph:\n   * <ul>\n   *   <li>one {@code x}\n"
        + "   *   <li>two, continued\n   * </ul>", Javadoc.format(markdown, "  "));
    assertEquals("", Javadoc.format(null, ""));
    assertEquals("", Javadoc.format(" \n\n", ""));
  }

  @Test
  void aWrappedLineNeverStartsWithAnAt() {
    // the only space before column 97 is followed by @: better a long line than a block tag
    assertEquals("x".repeat(90) + " @mention tail", Javadoc.format("x".repeat(90) + " @mention tail", ""));
    assertEquals("x".repeat(90) + " @m\n * tail", Javadoc.format("x".repeat(90) + " @m tail", ""));
  }

  @Test
  void longLinesWrapAtSpacesOutsideInlineTagsAndTagsStayTags() {
    String words = "word ".repeat(30).trim();
    String formatted = Javadoc.format("@param tokenId " + words + " `a b c`", "  ");
    for (String line : formatted.split("\n")) {
      // "   * " prefix (5) plus the line stays within 100 columns
      assertEquals(true, ("   * " + line.replaceFirst("^\\s*\\* ", "")).length() <= 100, line);
    }
    assertEquals("@param tokenId word word word word word word word word word word word word word word word word\n"
        + "   * word word word word word word word word word word word word word word {@code a b c}", formatted);
  }
}
