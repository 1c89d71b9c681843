package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected values are from the shared EIP-712 vectors (ethers 6, cross-checked with eth-sig-util). */
class TypedDataCommandTest {
  static final String MINT_DIGEST = "0xae3676ba104e7e6f3d28d4dc37b0dcd4a97bafea001fbe660102208a068bfe53";
  static final String CLAIM_DIGEST = "0xc88a70362f1feff2e5ab187e33e11cc9f2d1b9b548d62723cd9d68bf784f2cb0";
  static final String UNPAIR_DIGEST = "0x8e5c333a02cc465b9cda688eeb72f817574dbc65233a45ada287202a2c68cd2a";

  static final String MINT_SIG_K1 =
      "0x2ee1d47e25fab7486497e8ad818b519ad0b0b723d0f3f34c31bebbcf93d289f63ec1594fbc28365ef3a276d334652dfc722abeff4fdcfc796182655f18647e221c";
  static final String CLAIM_SIG_K1 =
      "0x7857dbe598c74dca1e813655f292a4649cca9b47285895187e646c43e9ddec063f613eb7e021399b4f8d14c6fba13ca1c75343a54b345d5c254e1a72a974e20f1b";
  static final String UNPAIR_SIG_K1 =
      "0x9de22391297caf54ea112861a0e18a781cba263f382b3aace7119b4d31713b766b096100f4d6fa7102b1ced421cc505de82ddaa94abedf739d855f2d7adc85401b";
  static final String MINT_SIG_K4 =
      "0xe09882de1698c1f9ba9c55f7696aa19412798d5f3a80bb3ac15d59e233ad9a2c121296c8b8e0b73d8d57e0507fc434144c648b5b5e69e827362c9c0483f5e5281c";
  static final String MINT_SIG_K5 =
      "0x3e7512faf0cbe86718ed273f94aa537d6488be2f5008fcef8fa3f06b5446757c40cbaf34364c1cf72f54950f6b52ef2de08f38860d2768843934505de582992b1b";

  @TempDir Path dir;

  @Test
  void digestPrintsOneLinePerFileLikeSha256sum() {
    String mint = Cli.vector(dir, "mint-vehicle-polygon.json");
    String claim = Cli.vector(dir, "claim-aftermarket-device-polygon.json");
    String unpair = Cli.vector(dir, "unpair-aftermarket-device-amoy.json");

    Cli.Result result = Cli.run("typed-data", "digest", mint, claim, unpair);

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of(MINT_DIGEST + "  " + mint, CLAIM_DIGEST + "  " + claim, UNPAIR_DIGEST + "  " + unpair),
        result.outLines());
    assertEquals("", result.err());
  }

  @Test
  void digestReadsStandardInputForDash() {
    Cli.Result result =
        Cli.runWithStdin(Cli.vectorText("mint-vehicle-polygon.json"), "typed-data", "digest", "-");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of(MINT_DIGEST + "  -"), result.outLines());
  }

  @Test
  void aUtf8ByteOrderMarkIsIgnored() throws java.io.IOException {
    byte[] json = Cli.vectorText("mint-vehicle-polygon.json").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);
    Path file = java.nio.file.Files.write(dir.resolve("bom.json"), withBom);

    Cli.Result result = Cli.run("typed-data", "digest", file.toString());

    assertEquals(List.of(MINT_DIGEST + "  " + file), result.outLines(), result::toString);
  }

  @Test
  void oneBadFileIsReportedAndTheOthersAreStillDigested() {
    String mint = Cli.vector(dir, "mint-vehicle-polygon.json");
    String bad = Cli.vector(dir, "mint-vehicle-bad-checksum.json");
    String claim = Cli.vector(dir, "claim-aftermarket-device-polygon.json");

    Cli.Result result = Cli.run("typed-data", "digest", mint, bad, claim);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of(MINT_DIGEST + "  " + mint, CLAIM_DIGEST + "  " + claim), result.outLines());
    assertEquals(1, result.errLines().size(), result::toString);
    String line = result.errLines().get(0);
    assertTrue(line.startsWith("dimo: " + bad + ": message.owner: "), line);
    assertTrue(line.toLowerCase().contains("checksum"), line);
  }

  @Test
  void missingFileIsADataErrorNamingTheFile() {
    String mint = Cli.vector(dir, "mint-vehicle-polygon.json");
    String missing = dir.resolve("nope.json").toString();

    Cli.Result result = Cli.run("typed-data", "digest", missing, mint);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of("dimo: " + missing + ": no such file"), result.errLines());
    assertEquals(List.of(MINT_DIGEST + "  " + mint), result.outLines());
  }

  @Test
  void directoryIsReportedAsSuch() {
    Cli.Result result = Cli.run("typed-data", "digest", dir.toString());

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of("dimo: " + dir + ": is a directory"), result.errLines());
  }

  @Test
  void malformedJsonIsOneLineWithTheJsonPosition() {
    String broken = Cli.writeFile(dir, "broken.json", "{\"types\": {\"EIP712Domain\": [}");

    Cli.Result result = Cli.run("typed-data", "digest", broken);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(1, result.errLines().size(), result::toString);
    assertTrue(result.errLines().get(0).startsWith("dimo: " + broken + ": "), result::toString);
    assertTrue(result.errLines().get(0).contains("$.types"), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void standardInputCanBeNamedOnlyOnce() {
    Cli.Result result =
        Cli.runWithStdin(Cli.vectorText("mint-vehicle-polygon.json"), "typed-data", "digest", "-", "-");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of(MINT_DIGEST + "  -"), result.outLines());
    assertEquals(List.of("dimo: -: standard input can be read only once"), result.errLines());
  }

  @Test
  void digestWithoutFilesIsAUsageError() {
    Cli.Result result = Cli.run("typed-data", "digest");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Missing required parameter"), result::toString);
    assertTrue(result.err().contains("Try 'dimo typed-data digest --help'"), result::toString);
  }

  @Test
  void typedDataWithoutSubcommandIsAUsageError() {
    Cli.Result result = Cli.run("typed-data");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: missing command: digest or sign"), result::toString);
  }

  @Test
  void signPrintsTheVectorSignatures() {
    String key = Cli.writeFile(dir, "k1.key", Cli.K1_KEY + "\n");
    String mint = Cli.vector(dir, "mint-vehicle-polygon.json");
    String claim = Cli.vector(dir, "claim-aftermarket-device-polygon.json");
    String unpair = Cli.vector(dir, "unpair-aftermarket-device-amoy.json");

    Cli.Result result = Cli.run("typed-data", "sign", "--key-file", key, mint, claim, unpair);

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(
        List.of(MINT_SIG_K1 + "  " + mint, CLAIM_SIG_K1 + "  " + claim, UNPAIR_SIG_K1 + "  " + unpair),
        result.outLines());
    assertEquals("", result.err());
  }

  @Test
  void signWithOtherKeysIncludingOneWithALeadingZeroByte() {
    String mint = Cli.vector(dir, "mint-vehicle-polygon.json");
    String k4 = Cli.writeFile(dir, "k4.key", Cli.K4_KEY);
    // K5 starts with a zero byte and is written without 0x, the other accepted form.
    String k5 = Cli.writeFile(dir, "k5.key", "  " + Cli.K5_KEY_BARE + "\r\n");

    assertEquals(List.of(MINT_SIG_K4 + "  " + mint), Cli.run("typed-data", "sign", "--key-file", k4, mint).outLines());
    assertEquals(List.of(MINT_SIG_K5 + "  " + mint), Cli.run("typed-data", "sign", "--key-file", k5, mint).outLines());
  }

  @Test
  void signReadsTheKeyFromStandardInput() {
    String mint = Cli.vector(dir, "mint-vehicle-polygon.json");

    Cli.Result result = Cli.runWithStdin(Cli.K1_KEY + "\n", "typed-data", "sign", "--key-file", "-", mint);

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of(MINT_SIG_K1 + "  " + mint), result.outLines());
  }

  @Test
  void signReadsTypedDataFromStandardInput() {
    String key = Cli.writeFile(dir, "k1.key", Cli.K1_KEY);

    Cli.Result result =
        Cli.runWithStdin(Cli.vectorText("claim-aftermarket-device-polygon.json"), "typed-data", "sign", "--key-file", key, "-");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of(CLAIM_SIG_K1 + "  -"), result.outLines());
  }

  @Test
  void signWithOneBadFileSignsTheOthers() {
    String key = Cli.writeFile(dir, "k1.key", Cli.K1_KEY);
    String bad = Cli.vector(dir, "mint-vehicle-bad-checksum.json");
    String claim = Cli.vector(dir, "claim-aftermarket-device-polygon.json");

    Cli.Result result = Cli.run("typed-data", "sign", "--key-file", key, bad, claim);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of(CLAIM_SIG_K1 + "  " + claim), result.outLines());
    assertEquals(1, result.errLines().size(), result::toString);
    assertTrue(result.errLines().get(0).startsWith("dimo: " + bad + ": message.owner: "), result::toString);
  }

  @Test
  void missingKeyFileStopsBeforeAnyFileIsSigned() {
    String mint = Cli.vector(dir, "mint-vehicle-polygon.json");
    String key = dir.resolve("missing.key").toString();

    Cli.Result result = Cli.run("typed-data", "sign", "--key-file", key, mint);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of("dimo: " + key + ": no such file"), result.errLines());
    assertEquals("", result.out());
  }

  @Test
  void badKeyFileNeverEchoesItsContent() {
    String mint = Cli.vector(dir, "mint-vehicle-polygon.json");
    // A real key with one digit replaced: close enough that echoing any of it would leak.
    String almostKey = "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaZ4";
    String key = Cli.writeFile(dir, "typo.key", almostKey);

    Cli.Result result = Cli.run("typed-data", "sign", "--key-file", key, mint);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(
        List.of("dimo: " + key + ": not a private key; expected 64 hex digits, optionally 0x-prefixed"),
        result.errLines());
    assertFalse(result.err().contains("c85ef7"), result::toString);
  }

  @Test
  void signWithoutKeyFileIsAUsageError() {
    String mint = Cli.vector(dir, "mint-vehicle-polygon.json");

    Cli.Result result = Cli.run("typed-data", "sign", mint);

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Missing required option: '--key-file=KEY'"), result::toString);
  }

  // ---------------------------------------------------------------- issue 8, items 14 and 16

  @Test
  void anEmptyFileIsEmptyInput() {
    String empty = Cli.writeFile(dir, "empty.json", "");
    String blank = Cli.writeFile(dir, "blank.json", "\n  \n");

    Cli.Result result = Cli.run("typed-data", "digest", empty, blank);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(
        List.of("dimo: " + empty + ": Malformed typed data JSON: empty input",
            "dimo: " + blank + ": Malformed typed data JSON: empty input"),
        result.errLines());
  }

  @Test
  void jsonErrorsNameNoJavaApiAndNoTrailingDot() {
    String array = Cli.writeFile(dir, "array.json", "[1]");
    String truncated = Cli.writeFile(dir, "truncated.json", "{\"types\":{");
    String lenient = Cli.writeFile(dir, "lenient.json", "{types:{}}");

    Cli.Result result = Cli.run("typed-data", "digest", array, truncated, lenient);

    assertEquals(
        List.of(
            "dimo: " + array + ": Malformed typed data JSON at $: expected an object but was an array",
            "dimo: " + truncated + ": Malformed typed data JSON at $.types: unexpected end of input",
            "dimo: " + lenient + ": Malformed typed data JSON at $: not valid JSON (only strict RFC 8259 JSON is"
                + " accepted: double-quoted names and strings, no trailing commas, comments, NaN or leading zeros)"),
        result.errLines());
  }

  @Test
  void rawControlCharactersAndSingleQuoteEscapesAreRefused() {
    String mint = Cli.vectorText("mint-vehicle-polygon.json");
    assertTrue(mint.contains("\"DIMO\""), "vector has the domain name");
    String tab = Cli.writeFile(dir, "tab.json", mint.replace("\"DIMO\"", "\"DI\tMO\""));
    String quote = Cli.writeFile(dir, "quote.json", mint.replace("\"DIMO\"", "\"DI\\'MO\""));

    Cli.Result result = Cli.run("typed-data", "digest", tab, quote);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(2, result.errLines().size(), result::toString);
    assertTrue(result.errLines().get(0).matches(
        "dimo: \\Q" + tab + "\\E: Malformed typed data JSON at line \\d+, column \\d+: raw control character U\\+0009 in a string.*"), result::toString);
    assertTrue(result.errLines().get(1).matches(
        "dimo: \\Q" + quote + "\\E: Malformed typed data JSON at line \\d+, column \\d+: invalid escape sequence \\\\' .*"), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void aOneMebibyteBadValueIsNotEchoed() {
    String owner = "0x" + "c".repeat(1 << 20);
    String huge = Cli.writeFile(dir, "huge.json",
        Cli.vectorText("mint-vehicle-polygon.json").replace("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", owner));

    Cli.Result result = Cli.run("typed-data", "digest", huge);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(
        List.of("dimo: " + huge + ": message.owner: address must have 40 hex digits, has 1048576: \"0x"
            + "c".repeat(46) + "…" + "c".repeat(16) + "\" (1048578 characters)"),
        result.errLines());
  }
}
