package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zone.dimo.sdk.signing.PrivateKey;

class KeyFilesTest {
  // A well-known test key (Hardhat account 0); never holds value.
  private static final String HEX = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  private static final String ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

  @TempDir
  Path dir;

  @Test
  void readsBareAndPrefixedHexWithWhitespace() throws Exception {
    assertEquals(ADDRESS, KeyFiles.load("--k", write("a.key", HEX)).address().toString());
    assertEquals(ADDRESS,
        KeyFiles.load("--k", write("b.key", "  0x" + HEX.toUpperCase() + "\r\n")).address().toString());
  }

  @Test
  void namesTheOptionAndFileButNeverTheContent() throws IOException {
    Path file = write("c.key", HEX.substring(2) + "zz");

    KeyFiles.BadKeyFile e = assertThrows(KeyFiles.BadKeyFile.class, () -> KeyFiles.load("--k", file));

    assertEquals("--k " + file
        + ": not a private key (expected 64 hex digits, optionally 0x-prefixed)", e.getMessage());
    assertFalse(e.getMessage().contains(HEX.substring(2, 10)));
  }

  @Test
  void refusesMissingEmptyTooLargeAndOutOfRangeFiles() throws IOException {
    Path missing = dir.resolve("none.key");
    assertEquals("--k " + missing + ": no such file", assertThrows(KeyFiles.BadKeyFile.class,
        () -> KeyFiles.load("--k", missing)).getMessage());
    assertThrows(KeyFiles.BadKeyFile.class, () -> KeyFiles.load("--k", write("e.key", "")));
    assertThrows(KeyFiles.BadKeyFile.class,
        () -> KeyFiles.load("--k", write("f.key", "0".repeat(2000))));
    assertEquals("--k " + dir.resolve("g.key") + ": not a valid secp256k1 private key",
        assertThrows(KeyFiles.BadKeyFile.class,
            () -> KeyFiles.load("--k", write("g.key", "0".repeat(64)))).getMessage());
    assertThrows(KeyFiles.BadKeyFile.class, () -> KeyFiles.load("--k", dir));
  }

  @Test
  void roundTripsAnExportedKey() throws Exception {
    PrivateKey key = PrivateKey.generate(new java.security.SecureRandom());
    Path file = write("h.key", key.exportHex());

    assertEquals(key.address(), KeyFiles.load("--k", file).address());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
