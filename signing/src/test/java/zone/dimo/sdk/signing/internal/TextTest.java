package zone.dimo.sdk.signing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void shortTextIsQuotedWhole() {
    assertEquals("\"0x12\"", Text.quote("0x12"));
    assertEquals("\"" + "a".repeat(80) + "\"", Text.quote("a".repeat(80)));
  }

  @Test
  void longTextKeepsItsStartAndEndAndSaysItsLength() {
    String s = "s".repeat(48) + "x".repeat(100) + "e".repeat(16);
    assertEquals("\"" + "s".repeat(48) + "…" + "e".repeat(16) + "\" (164 characters)", Text.quote(s));
  }

  @Test
  void controlCharactersQuotesAndLoneSurrogatesAreEscaped() {
    assertEquals("\"a\\nb\\r\\tc\\u0000\\u001b[31m\\\"q\\\" \\\\ \\u2028 \\ud800 \uD83C\uDF0D\"",
        Text.quote("a\nb\r\tc\u0000\u001b[31m\"q\" \\ \u2028 \uD800 \uD83C\uDF0D"));
  }

  @Test
  void shorteningNeverSplitsASurrogatePair() {
    String s = "a".repeat(47) + "\uD83C\uDF0D" + "b".repeat(100);
    assertEquals("a".repeat(47) + "…" + "b".repeat(16), Text.shorten(s));
  }

  @Test
  void oneLineKeepsQuotesAndCutsToTheLimit() {
    assertEquals("x: \"v\"\\n", Text.oneLine("x: \"v\"\n", 20));
    assertEquals("abc…" + "z".repeat(8), Text.oneLine("abc" + "-".repeat(50) + "z".repeat(8), 12));
  }

  @Test
  void unpairedSurrogatesAreFound() {
    assertEquals(-1, Text.unpairedSurrogate("plain \uD83C\uDF0D text"));
    assertEquals(1, Text.unpairedSurrogate("a\uD83C"));
    assertEquals(1, Text.unpairedSurrogate("a\uDF0D\uD83C"));
    assertEquals(3, Text.unpairedSurrogate("\uD83C\uDF0D!\uD83Cx"));
  }
}
