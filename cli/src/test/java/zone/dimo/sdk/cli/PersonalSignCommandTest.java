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
    assertTrue(result.err().startsWith("dimo: Error: Missing required argument (specify one of these): (--text=TEXT | --hex=0xHEX)"), result::toString);
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
}
