package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.signing.eip712.TypedData;

class TypedDataJsonTest {
  private static final String MINT = "{"
      + "\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"version\",\"type\":\"string\"},"
      + "{\"name\":\"chainId\",\"type\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\"}],"
      + "\"MintVehicleSign\":[{\"name\":\"manufacturerNode\",\"type\":\"uint256\"},{\"name\":\"owner\",\"type\":\"address\"},"
      + "{\"name\":\"attributes\",\"type\":\"string[]\"},{\"name\":\"infos\",\"type\":\"string[]\"}]},"
      + "\"primaryType\":\"MintVehicleSign\","
      + "\"domain\":{\"name\":\"DIMO\",\"version\":\"1\",\"chainId\":137,"
      + "\"verifyingContract\":\"0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC\",\"salt\":\"\"},"
      + "\"message\":{\"manufacturerNode\":115792089237316195423570985008687907853269984665640564039457584007913129639935,"
      + "\"owner\":\"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\",\"attributes\":[\"Make\"],\"infos\":[\"Ford\"]}}";

  @Test
  void keepsLargeIntegersExactAsBigInteger() {
    TypedData typedData = TypedDataJson.parse(MINT);
    Object node = typedData.message().get("manufacturerNode");
    assertEquals(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), node);
    assertEquals(BigInteger.valueOf(137), typedData.domain().get("chainId"));
    assertEquals("MintVehicleSign", typedData.primaryType());
  }

  @Test
  void keepsKeyOrderAndPlainValueTypes() {
    Map<String, Object> map = TypedDataJson.parseObject(
        "{\"z\":1,\"a\":[true,null,\"s\"],\"m\":{\"y\":2,\"b\":3}}");
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(map.keySet()));
    assertEquals(java.util.Arrays.asList(Boolean.TRUE, null, "s"), map.get("a"));
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) map.get("m");
    assertEquals(List.of("y", "b"), new ArrayList<>(nested.keySet()));
  }

  @Test
  void fractionsAndExponentsBecomeBigDecimalNeverDouble() {
    Map<String, Object> map = TypedDataJson.parseObject("{\"a\":0.1,\"b\":1e3,\"c\":-7}");
    assertEquals(new BigDecimal("0.1"), map.get("a"));
    assertEquals(new BigDecimal("1e3"), map.get("b"));
    assertEquals(BigInteger.valueOf(-7), map.get("c"));
  }

  @Test
  void bytesAndSourceOverloadsAgreeWithString() {
    TypedData fromBytes = TypedDataJson.parse(MINT.getBytes(StandardCharsets.UTF_8));
    TypedData fromSource = TypedDataJson.parse(new Buffer().writeUtf8(MINT));
    assertEquals(TypedDataJson.parse(MINT).message(), fromBytes.message());
    assertEquals(fromBytes.domain(), fromSource.domain());
  }

  @Test
  void malformedJsonNamesThePath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parse("{\"types\":{\"A\":[{\"name\":\"x\",}]}}"));
    assertTrue(e.getMessage().startsWith("Malformed typed data JSON at $.types.A[0]"), e.getMessage());
  }

  @Test
  void truncatedJsonIsReportedAsEndOfInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parse("{\"types\":{"));
    assertEquals("Malformed typed data JSON at $.types: unexpected end of input", e.getMessage());
  }

  @Test
  void topLevelMustBeAnObject() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parse("[1]"));
    assertEquals("Malformed typed data JSON at $: expected an object but was an array", e.getMessage());
  }

  @Test
  void trailingContentIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parseObject("{} {}"));
    assertEquals("Malformed JSON at $: unexpected content after the top-level object", e.getMessage());
  }

  @Test
  void duplicateKeysAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parseObject("{\"a\":1,\"a\":2}"));
    assertEquals("Malformed JSON at $.a: duplicate key \"a\"", e.getMessage());
  }

  @Test
  void invalidTypedDataIsRejectedBySigningModule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parse("{\"types\":{}}"));
    assertInstanceOf(zone.dimo.sdk.signing.eip712.InvalidTypedDataException.class, e);
  }

  // ---------------------------------------------------------------- strict RFC 8259 (issue 8, item 14)

  @Test
  void rawControlCharactersInStringsAreRefused() {
    String json = MINT.replace("\"Make\"", "\"Ma\tke\"");
    assertEquals(
        "Malformed typed data JSON at line 1, column " + (json.indexOf('\t') + 1) + ": raw control character U+0009 in a string"
            + " (JSON needs it escaped, e.g. \\n or \\u0009)",
        assertThrows(IllegalArgumentException.class, () -> TypedDataJson.parse(json)).getMessage());
    assertEquals(
        "Malformed JSON at line 2, column 7: raw control character U+000A in a string (JSON needs it escaped, e.g. \\n or \\u000a)",
        assertThrows(IllegalArgumentException.class,
            () -> TypedDataJson.parseObject("{\n\"k\":\"a\nb\"}")).getMessage());
  }

  @Test
  void escapedControlCharactersAreAccepted() {
    assertEquals("a\tb\nc", TypedDataJson.parseObject("{\"k\":\"a\\tb\\nc\"}").get("k"));
  }

  @Test
  void singleQuoteEscapeIsRefused() {
    assertEquals(
        "Malformed JSON at line 1, column 9: invalid escape sequence \\' (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
        assertThrows(IllegalArgumentException.class,
            () -> TypedDataJson.parseObject("{\"k\":\"it\\'s\"}")).getMessage());
    // In a name too, and an escaped backslash before a quote is not an escape of the quote.
    assertEquals(
        "Malformed JSON at line 1, column 4: invalid escape sequence \\' (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
        assertThrows(IllegalArgumentException.class,
            () -> TypedDataJson.parseObject("{\"a\\'\":1}")).getMessage());
    assertEquals("x\\", TypedDataJson.parseObject("{\"k\":\"x\\\\\"}").get("k"));
  }

  @Test
  void malformedUtf8IsRefusedNotReadAsReplacementCharacters() {
    byte[] json = "{\"k\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "{\"k\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("caf\u00e9", TypedDataJson.parseObject(new String(json, StandardCharsets.UTF_8)).get("k"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parse(latin1));
    assertEquals("Malformed typed data JSON at line 1, column 10: not valid UTF-8 (byte 0xe9)", e.getMessage());
  }

  @Test
  void unpairedSurrogateInAJavaStringIsRefused() {
    assertEquals(
        "Malformed JSON: unpaired UTF-16 surrogate U+D800 at index 7 (text with it has no UTF-8 encoding)",
        assertThrows(IllegalArgumentException.class,
            () -> TypedDataJson.parseObject("{\"k\":\"a\uD800\"}")).getMessage());
  }

  @Test
  void upperCaseXVerifyingContractIsRefused() {
    String json = MINT.replace("\"0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC\"", "\"0XFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC\"");
    assertEquals(
        "domain.verifyingContract: address must start with 0x (lower-case x), not 0X: \"0XFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC\"",
        assertThrows(IllegalArgumentException.class, () -> TypedDataJson.parse(json)).getMessage());
  }

  @Test
  void structNamedLikeAnAtomicTypeIsAccepted() {
    String json = MINT
        .replace("{\"name\":\"manufacturerNode\",\"type\":\"uint256\"}", "{\"name\":\"manufacturerNode\",\"type\":\"uint256Holder\"}")
        .replace("\"primaryType\"", "\"primaryType\"")
        .replace("\"MintVehicleSign\":[", "\"uint256Holder\":[{\"name\":\"v\",\"type\":\"uint256\"}],\"MintVehicleSign\":[")
        .replace("\"manufacturerNode\":115792089237316195423570985008687907853269984665640564039457584007913129639935",
            "\"manufacturerNode\":{\"v\":42}");
    TypedData typedData = TypedDataJson.parse(json);
    assertEquals(
        "MintVehicleSign(uint256Holder manufacturerNode,address owner,string[] attributes,string[] infos)uint256Holder(uint256 v)",
        zone.dimo.sdk.signing.eip712.Eip712.encodeType(typedData, "MintVehicleSign"));
  }

  // ---------------------------------------------------------------- messages for people (item 16)

  @Test
  void emptyInputIsSaidSo() {
    assertEquals("Malformed typed data JSON: empty input",
        assertThrows(IllegalArgumentException.class, () -> TypedDataJson.parse(new byte[0])).getMessage());
    assertEquals("Malformed typed data JSON: empty input",
        assertThrows(IllegalArgumentException.class, () -> TypedDataJson.parse(" \r\n\t")).getMessage());
  }

  @Test
  void lenientOnlySyntaxIsExplainedWithoutJavaApiNames() {
    for (String json : new String[] {"{'a':1}", "{a:1}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":1/*c*/}"}) {
      String message = assertThrows(IllegalArgumentException.class, () -> TypedDataJson.parseObject(json)).getMessage();
      assertTrue(message.endsWith(": not valid JSON (only strict RFC 8259 JSON is accepted: double-quoted names and"
          + " strings, no trailing commas, comments, NaN or leading zeros)"), json + " -> " + message);
      assertFalse(message.contains("setLenient"), message);
      assertFalse(message.contains("JsonReader"), message);
    }
    assertEquals("Malformed JSON at $.a: not valid JSON (only strict RFC 8259 JSON is accepted: double-quoted names and"
            + " strings, no trailing commas, comments, NaN or leading zeros)",
        assertThrows(IllegalArgumentException.class, () -> TypedDataJson.parseObject("{\"a\":tru}")).getMessage());
  }

  @Test
  void moshiMessagesLoseTheirDuplicatePathAndCapital() {
    assertEquals("Malformed JSON at $.a: expected name",
        assertThrows(IllegalArgumentException.class, () -> TypedDataJson.parseObject("{\"a\":1,}")).getMessage());
    assertEquals("Malformed JSON at $.a: expected ':'",
        assertThrows(IllegalArgumentException.class, () -> TypedDataJson.parseObject("{\"a\" 1}")).getMessage());
    assertEquals("Malformed JSON at $.a[1]: unterminated array",
        assertThrows(IllegalArgumentException.class, () -> TypedDataJson.parseObject("{\"a\":[1 2]}")).getMessage());
    assertEquals("Malformed JSON at $.a: invalid escape sequence: \\x",
        assertThrows(IllegalArgumentException.class, () -> ExactJson.readObject(new Buffer().writeUtf8("{\"a\":\"\\x\"}"), "JSON")).getMessage());
  }

  @Test
  void aHugeKeyOrNumberIsNotEchoedInFull() {
    String key = "k".repeat(1 << 20);
    String message = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parseObject("{\"" + key + "\":1,\"" + key + "\":2}")).getMessage();
    assertTrue(message.length() < 400, message.length() + " characters");
    assertTrue(message.endsWith(": duplicate key \"" + "k".repeat(48) + "…" + "k".repeat(16) + "\" (1048576 characters)"), message);
    assertEquals("Malformed JSON at $.n: number of 1001 characters is too long (at most 1000)",
        assertThrows(IllegalArgumentException.class,
            () -> TypedDataJson.parseObject("{\"n\":" + "9".repeat(1001) + "}")).getMessage());
  }

  @Test
  void aVeryDeepPathIsShortened() {
    String json = "{\"a\":" + "[".repeat(200) + "x";
    String message = assertThrows(IllegalArgumentException.class, () -> TypedDataJson.parseObject(json)).getMessage();
    assertEquals("Malformed JSON at $.a" + "[0]".repeat(12) + "…" + "[0]".repeat(26) + ": not valid JSON (only strict RFC 8259 JSON is accepted: double-quoted names and"
        + " strings, no trailing commas, comments, NaN or leading zeros)", message);
  }
}
