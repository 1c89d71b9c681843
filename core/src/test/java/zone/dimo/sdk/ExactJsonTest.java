package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The plain-text reader must agree with the Moshi path on every input: the same values when both
 * read it, the same error message otherwise.
 */
class ExactJsonTest {
  private static final String DOCUMENT =
      "{\n  \"types\": {\"A\": [{\"name\": \"x\", \"type\": \"uint256\"}]},\n"
          + "  \"n\": [0, -0, 1, -12, 3.5, -1.25e-3, 1E+2, 2e5, 123456789012345678901234567890],\n"
          + "  \"s\": [\"\", \"plain\", \"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t\", \"\\u00e9\\u20AC\", \"caf\u00e9 \u20ac\"],\n"
          + "  \"l\": [true, false, null, {}, [], [[]], {\"k\": {}}],\n"
          + "  \"e\": {}\n}\n";

  /** The Moshi path's answer: the value, or the exception message. */
  private static Object viaMoshi(String json) {
    try {
      return ExactJson.readObject(new Buffer().writeUtf8(json), "JSON");
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
  }

  private static Object viaText(String json) {
    try {
      return ExactJson.readObject(json, "JSON");
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
  }

  private static void assertAgree(String json) {
    assertEquals(viaMoshi(json), viaText(json), () -> "input: " + json);
  }

  private static List<String> corpus() {
    List<String> out = new ArrayList<>();
    out.add(DOCUMENT);
    Path payloads = Paths.get("src/test/resources/dimo-payloads");
    if (Files.isDirectory(payloads)) {
      try (Stream<Path> files = Files.list(payloads)) {
        for (Path file : files.sorted().collect(Collectors.toList())) {
          out.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (InputStream in = ExactJsonTest.class.getResourceAsStream("/dimo-vectors.json")) {
      if (in != null) {
        byte[] bytes = new byte[1 << 20];
        int n = 0;
        for (int r; (r = in.read(bytes, n, bytes.length - n)) > 0; ) {
          n += r;
        }
        out.add(new String(bytes, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void plainDocumentsAreReadWithoutMoshiAndGiveTheSameValues() {
    for (String json : corpus()) {
      if (json.trim().startsWith("{")) {
        assertNotNull(ExactJson.PlainReader.readObject(json), json);
      }
      assertAgree(json);
    }
    Map<String, Object> map = ExactJson.readObject(DOCUMENT, "JSON");
    assertEquals(
        Arrays.asList(
            BigInteger.ZERO,
            BigInteger.ZERO,
            BigInteger.ONE,
            BigInteger.valueOf(-12),
            new BigDecimal("3.5"),
            new BigDecimal("-1.25e-3"),
            new BigDecimal("1E+2"),
            new BigDecimal("2e5"),
            new BigInteger("123456789012345678901234567890")),
        map.get("n"));
    assertEquals(
        Arrays.asList("", "plain", "esc \" \\ / \b \f \n \r \t", "\u00e9\u20ac", "caf\u00e9 \u20ac"),
        map.get("s"));
  }

  @Test
  void edgeCasesAgree() {
    String[] inputs = {
      "", " ", "{", "}", "{}", " {} ", "{}{}", "{} x", "[]", "\"s\"", "1", "null",
      "{\"a\":1,}", "{\"a\":1,,\"b\":2}", "{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":[1,]}",
      "{\"a\":[1 2]}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":1e}",
      "{\"a\":1e+}", "{\"a\":+1}", "{\"a\":-0}", "{\"a\":-0.0}", "{\"a\":1x}", "{\"a\":truex}",
      "{\"a\":nul}", "{\"a\":True}", "{\"a\":NaN}", "{\"a\":\"\\x\"}", "{\"a\":\"\\'\"}",
      "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\ud83d\\ude00\"}",
      "{\"a\":\"\ud83d\ude00\"}", "{\"a\":\"\ud83d\"}", "{\"a\":\"tab\there\"}",
      "{\"a\":\"new\nline\"}", "{\"a\":\"unterminated}", "{\"a\":1,\"a\":2}",
      "{\"a\":{\"b\":1,\"b\":1}}", "\ufeff{}", "{\"a\":1}//c", "{/*c*/\"a\":1}", "{\"a\":1}#",
      "{\"a\";1}", "{\"a\":[{\"b\":[true,false,null]}]}", "{\"\":\"\"}", "{\"a\":1}\n\n",
      "{\"a\":\"\\\\\"}", "{\"a\":\"\\\"\"}", "{\"a\":1 }", "{ \"a\" : [ 1 , 2 ] }",
      "{\"a\":9223372036854775807}", "{\"a\":-9223372036854775808}",
      "{\"a\":9223372036854775808}", "{\"a\":1E400}", "{\"a\":\u00a0 1}",
    };
    for (String json : inputs) {
      assertAgree(json);
    }
  }

  @Test
  void deepNestingAgrees() {
    for (int depth : new int[] {150, 199, 200, 201, 254, 255, 256, 300}) {
      StringBuilder sb = new StringBuilder("{\"a\":");
      for (int i = 1; i < depth; i++) {
        sb.append(i % 2 == 0 ? "{\"b\":" : "[");
      }
      sb.append("1");
      for (int i = depth - 1; i >= 1; i--) {
        sb.append(i % 2 == 0 ? "}" : "]");
      }
      sb.append("}");
      assertAgree(sb.toString());
    }
  }

  @Test
  void mutatedDocumentsAgree() {
    String alphabet = "{}[]:,\"\\ \n\t0123456789-+.eEtrufalsn/'ux\u00e9\ud83d\u0001";
    SplittableRandom random = new SplittableRandom(42);
    List<String> corpus = corpus();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder(corpus.get(random.nextInt(corpus.size())));
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits && sb.length() > 0; e++) {
        int at = random.nextInt(sb.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(4)) {
          case 0:
            sb.deleteCharAt(at);
            break;
          case 1:
            sb.insert(at, c);
            break;
          case 2:
            sb.setCharAt(at, c);
            break;
          default:
            sb.setLength(at);
            break;
        }
      }
      assertAgree(sb.toString());
    }
  }

  @Test
  void givesUpOnWhatOnlyMoshiInterprets() {
    assertNull(ExactJson.PlainReader.readObject("{\"a\":1,\"a\":2}"));
    assertNull(ExactJson.PlainReader.readObject("{\"a\":\"\\'\"}"));
    assertNull(ExactJson.PlainReader.readObject("{\"a\":\"\ud83d\ude00\"}"));
    assertNull(ExactJson.PlainReader.readObject("[]"));
    assertNull(ExactJson.PlainReader.readObject("{} {}"));
  }
}
