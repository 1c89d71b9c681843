package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyFileTest {
  private static final String BARE = Cli.K1_KEY.substring(2);
  private static final String EXPECTED_FORMAT = "not a private key; expected 64 hex digits, optionally 0x-prefixed";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {
      "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4",
      "c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4",
      "0XC85EF7D79691FE79573B1A7064C19C1A9819EBDBD1FAAAB1A8EC92344438AAF4",
      "  0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4\n",
      "\r\n\tc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4\r\n\r\n",
      "\uFEFF0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4\n",
  })
  void acceptsTheDocumentedForms(String content) throws InputException {
    assertEquals(Cli.K1_ADDRESS, load(content).address().toChecksumHex());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "0x" + "c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf",
      "0x" + "c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf44",
      "0x c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4",
      "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4\n0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4",
      "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aa٤٤",
      "{\"privateKey\": \"0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4\"}",
      "0x",
  })
  void refusesAnythingElseWithoutQuotingIt(String content) {
    InputException e = assertThrows(InputException.class, () -> load(content));

    assertEquals(EXPECTED_FORMAT, e.detail());
    assertFalse(e.getMessage().contains("c85ef7"), e.getMessage());
  }

  @Test
  void refusesAnEmptyFile() {
    InputException e = assertThrows(InputException.class, () -> load(" \n\n"));

    assertEquals("empty; expected a private key (64 hex digits, optionally 0x-prefixed)", e.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "0x0000000000000000000000000000000000000000000000000000000000000000",
      "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", // n
      "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
  })
  void refusesScalarsOutsideTheGroup(String content) {
    InputException e = assertThrows(InputException.class, () -> load(content));

    assertEquals("not a valid secp256k1 private key (must be in 1..n-1)", e.detail());
  }

  @Test
  void acceptsTheLargestScalar() throws InputException {
    assertEquals(
        "0x80C0dbf239224071c59dD8970ab9d542E3414aB2",
        load("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140").address().toChecksumHex());
  }

  @Test
  void refusesALargeFileAsTheWrongFile() {
    InputException e = assertThrows(InputException.class, () -> load(BARE + " ".repeat(KeyFile.MAX_BYTES)));

    assertEquals("larger than " + KeyFile.MAX_BYTES + " bytes", e.detail());
  }

  @Test
  void readsStandardInputForDash() throws InputException {
    Inputs inputs = new Inputs(new ByteArrayInputStream((Cli.K1_KEY + "\n").getBytes(StandardCharsets.US_ASCII)));

    assertEquals(Cli.K1_ADDRESS, KeyFile.load("-", inputs).address().toChecksumHex());
  }

  private zone.dimo.sdk.signing.PrivateKey load(String content) throws InputException {
    try {
      Path file = dir.resolve("test.key");
      Files.write(file, content.getBytes(StandardCharsets.UTF_8));
      return KeyFile.load(file.toString(), new Inputs(new ByteArrayInputStream(new byte[0])));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
