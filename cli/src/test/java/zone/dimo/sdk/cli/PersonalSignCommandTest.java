package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected signatures are the shared personal_sign vectors for key K1. */
class PersonalSignCommandTest {
  static final String HELLO_WORLD_SIG =
      "0xe1ffe99aa71b20a5a9bfe344aa88d410141149c2be44ab8ff3e4fa4cdc1e90dc41ad65439332078f28538cd371b4bf9b216af7478cff49abda5ce04a3d603c6a1b";
  static final String EMPTY_SIG =
      "0x68c36703cfae77b264e66cf9587aa39dd76b66ff1317e563b4566d9ea5d8d60e5b9be8c58a324e1dbb424365aa778a2faec2d3f922bf0339cda43d76c492a5ab1c";
  static final String UNICODE_SIG =
      "0x15977d7426e11b5f21e66846da71d7a51a7b4e72649b06a75253ee56aceef7221db3836e5fb349136350381c2524eda2bd64178f4de45050444488c9ed33ade81c";
  static final String NON_UTF8_BYTES_SIG =
      "0xc7c0d726c090facecbf102633e7d283d98b46ba77d576f16e02092bee240618434ace18571c918f6e4f060e1c7030839b42a9b674e0f1c20f5cebf5386b48f891c";
  static final String TEXT_LOOKS_HEX_SIG =
      "0x8fc4827d6eaf6d2cbfc17f80888b5891194ff3fc08ef215bcf6402ed0cec699f4eff5411888acf0f25ce1a2c217a33e387ab9ba9541f5575facfb63b4df4adf81b";

  @TempDir Path dir;
  String key;

  @BeforeEach
  void writeKey() {
    key = Cli.writeFile(dir, "k1.key", Cli.K1_KEY + "\n");
  }

  @Test
  void signsText() {
    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--text", "hello world");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of(HELLO_WORLD_SIG), result.outLines());
    assertEquals("", result.err());
  }

  @Test
  void signsTextAsUtf8() {
    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--text", "héllo wörld 🌍 日本語");

    assertEquals(List.of(UNICODE_SIG), result.outLines(), result::toString);
  }

  @Test
  void textThatLooksLikeHexIsStillText() {
    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--text", "0xdeadbeef");

    assertEquals(List.of(TEXT_LOOKS_HEX_SIG), result.outLines(), result::toString);
  }

  @Test
  void signsHexBytes() {
    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--hex", "0xff00fe80c0");

    assertEquals(List.of(NON_UTF8_BYTES_SIG), result.outLines(), result::toString);
  }

  @Test
  void emptyTextAndEmptyHexAreTheSameMessage() {
    assertEquals(List.of(EMPTY_SIG), Cli.run("personal-sign", "--key-file", key, "--text", "").outLines());
    assertEquals(List.of(EMPTY_SIG), Cli.run("personal-sign", "--key-file", key, "--hex", "0x").outLines());
  }

  @Test
  void textAndHexTogetherIsAUsageError() {
    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--text", "a", "--hex", "0x61");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Error: --text=TEXT, --hex=0xHEX are mutually exclusive"), result::toString);
  }

  @Test
  void neitherTextNorHexIsAUsageError() {
    Cli.Result result = Cli.run("personal-sign", "--key-file", key);

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Error: Missing required argument (specify one of these): (--text=TEXT | --text-file=FILE | --hex=0xHEX)"), result::toString);
  }

  @Test
  void malformedHexIsAUsageError() {
    Cli.Result odd = Cli.run("personal-sign", "--key-file", key, "--hex", "0x123");
    Cli.Result unprefixed = Cli.run("personal-sign", "--key-file", key, "--hex", "1234");

    assertEquals(2, odd.exitCode(), odd::toString);
    assertTrue(odd.err().startsWith("dimo: Invalid value for option '--hex': odd number of hex digits"), odd::toString);
    assertEquals(2, unprefixed.exitCode(), unprefixed::toString);
    assertTrue(unprefixed.err().contains("expected 0x-prefixed hex"), unprefixed::toString);
  }

  @Test
  void keyOutOfRangeIsADataError() {
    String zero = Cli.writeFile(dir, "zero.key", "0x" + "0".repeat(64));

    Cli.Result result = Cli.run("personal-sign", "--key-file", zero, "--text", "hello world");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of("dimo: " + zero + ": not a valid secp256k1 private key (must be in 1..n-1)"), result.errLines());
    assertEquals("", result.out());
  }

  // ---------------------------------------------------------------- issue 8, item 15

  @Test
  void aTextStartingWithADashIsWrittenWithAnEqualsSign() {
    Cli.Result dashH = Cli.run("personal-sign", "--key-file", key, "--text=-h");
    Cli.Result dashDashHex = Cli.run("personal-sign", "--text=--hex", "--key-file", key);

    assertEquals(0, dashH.exitCode(), dashH::toString);
    assertEquals(Cli.run("personal-sign", "--key-file", key, "--hex", "0x2d68").outLines(), dashH.outLines());
    assertEquals(0, dashDashHex.exitCode(), dashDashHex::toString);
    assertEquals(Cli.run("personal-sign", "--key-file", key, "--hex", "0x2d2d686578").outLines(), dashDashHex.outLines());
  }

  @Test
  void anAttachedDashValueStillCountsAsTextForExclusivity() {
    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--text=-h", "--hex", "0x00");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Error: --text=TEXT, --hex=0xHEX are mutually exclusive"), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void aSeparateDashValueIsStillAForgottenValue() {
    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--text", "-h");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Expected parameter for option '--text' but found '-h'"), result::toString);
  }

  @Test
  void textTheJvmCouldNotDecodeIsRefused() {
    // What the launcher makes of "h\u00e9llo" under LC_ALL=C: each undecodable byte becomes U+FFFD.
    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--text", "h\uFFFD\uFFFDllo");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(
        List.of("dimo: --text: holds U+FFFD at index 1: the JVM could not decode the argument in the platform charset ("
            + PersonalSignCommand.platformCharset() + "), so it is not the text you typed; use a UTF-8 locale"
            + " (e.g. LC_ALL=C.UTF-8), --text-file FILE (read as UTF-8) or --hex"),
        result.errLines());
    assertEquals("", result.out());
  }

  @Test
  void textWithAnUnpairedSurrogateIsRefused() {
    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--text", "ab\uD800");

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(
        List.of("dimo: --text: unpaired UTF-16 surrogate U+D800 at index 2 (text with it has no UTF-8 encoding)"),
        result.errLines());
  }

  @Test
  void textFileIsSignedAsItsExactUtf8Bytes() {
    String unicode = Cli.writeFile(dir, "unicode.txt", "h\u00e9llo w\u00f6rld \uD83C\uDF0D \u65e5\u672c\u8a9e");
    String withNewline = Cli.writeFile(dir, "newline.txt", "hello world\n");

    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--text-file", unicode);
    Cli.Result newline = Cli.run("personal-sign", "--key-file", key, "--text-file", withNewline);

    assertEquals(List.of(UNICODE_SIG), result.outLines(), result::toString);
    assertEquals(0, newline.exitCode(), newline::toString);
    // The final newline is part of the message: the same as --hex of "hello world\n", not "hello world".
    assertEquals(Cli.run("personal-sign", "--key-file", key, "--hex", "0x68656c6c6f20776f726c640a").outLines(), newline.outLines());
  }

  @Test
  void textFileReadsStandardInput() {
    Cli.Result result = Cli.runWithStdin("hello world", "personal-sign", "--key-file", key, "--text-file", "-");

    assertEquals(List.of(HELLO_WORLD_SIG), result.outLines(), result::toString);
  }

  @Test
  void textFileThatIsNotUtf8IsRefused() throws java.io.IOException {
    Path latin1 = java.nio.file.Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});

    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--text-file", latin1.toString());

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(
        List.of("dimo: " + latin1 + ": not valid UTF-8 at byte 3; sign bytes that are not UTF-8 text with --hex"),
        result.errLines());
    assertEquals("", result.out());
  }

  @Test
  void textFileAndTextAreExclusive() {
    String file = Cli.writeFile(dir, "m.txt", "hello world");

    Cli.Result result = Cli.run("personal-sign", "--key-file", key, "--text-file", file, "--text", "x");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Error: --text=TEXT, --text-file=FILE are mutually exclusive"), result::toString);
  }

  /**
   * The real thing: a JVM started under LC_ALL=C gets "h\u00e9llo" as UTF-8 bytes on its command line
   * and cannot decode them. The command is run through sh with printf so that the bytes reach the
   * child exactly, whatever this JVM's own charset.
   */
  @Test
  void underTheCLocaleUndecodableTextIsRefusedAndTextFileStillWorks() throws Exception {
    String file = Cli.writeFile(dir, "m.txt", "h\u00e9llo");
    String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "exec \"$0\" -cp \"$1\" zone.dimo.sdk.cli.DimoCommand personal-sign --key-file \"$2\" ";

    Child refused = child(command + "--text \"$(printf 'h\\303\\251llo')\"", javaBinary, key);
    Child fromFile = child(command + "--text-file \"$3\"", javaBinary, key, file);

    assertEquals(1, refused.exitCode, refused::toString);
    assertEquals("", refused.out, refused::toString);
    assertEquals(
        "dimo: --text: holds U+FFFD at index 1: the JVM could not decode the argument in the platform charset"
            + " (ANSI_X3.4-1968), so it is not the text you typed; use a UTF-8 locale (e.g. LC_ALL=C.UTF-8),"
            + " --text-file FILE (read as UTF-8) or --hex\n",
        refused.err);
    assertEquals(0, fromFile.exitCode, fromFile::toString);
    assertEquals(Cli.run("personal-sign", "--key-file", key, "--hex", "0x68c3a96c6c6f").out(), fromFile.out);
  }

  private record Child(int exitCode, String out, String err) {}

  private Child child(String shellCommand, String javaBinary, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("sh", "-c", shellCommand, javaBinary, System.getProperty("java.class.path")));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG") || name.equals("JAVA_TOOL_OPTIONS"));
    builder.environment().put("LC_ALL", "C");
    Process process = builder.start();
    process.getOutputStream().close();
    java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return process.getErrorStream().readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    byte[] out = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "child JVM did not finish");
    return new Child(process.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8),
        new String(err.get(), java.nio.charset.StandardCharsets.UTF_8));
  }
}
