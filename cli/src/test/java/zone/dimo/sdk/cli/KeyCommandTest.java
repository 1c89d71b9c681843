package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zone.dimo.sdk.signing.PrivateKey;

class KeyCommandTest {
  @TempDir Path dir;

  @Test
  void newPrintsAFreshKeyAndItsAddress() {
    Cli.Result first = Cli.run("key", "new");
    Cli.Result second = Cli.run("key", "new");

    assertEquals(0, first.exitCode(), first::toString);
    List<String> lines = first.outLines();
    assertEquals(2, lines.size(), first::toString);
    assertTrue(lines.get(0).matches("private key: 0x[0-9a-f]{64}"), first::toString);
    assertTrue(lines.get(1).matches("address:     0x[0-9a-fA-F]{40}"), first::toString);
    PrivateKey key = PrivateKey.fromHex(lines.get(0).substring("private key: ".length()));
    assertEquals(lines.get(1).substring("address:     ".length()), key.address().toChecksumHex());
    assertNotEquals(first.outLines().get(0), second.outLines().get(0));
  }

  @Test
  void newWithOutWritesAnOwnerOnlyKeyFileAndPrintsOnlyTheAddress() throws IOException {
    Path out = dir.resolve("new.key");

    Cli.Result result = Cli.run("key", "new", "--out", out.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(1, result.outLines().size(), result::toString);
    String content = Files.readString(out);
    assertTrue(content.matches("0x[0-9a-f]{64}\n"), "key file format");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertEquals(
        "address:     " + PrivateKey.fromHex(content.trim()).address().toChecksumHex(), result.outLines().get(0));
    // The file it wrote is a valid --key-file.
    assertEquals(
        result.outLines().get(0).substring("address:     ".length()),
        Cli.run("key", "address", "--key-file", out.toString()).out().trim());
  }

  @Test
  void newWithOutNeverOverwrites() throws IOException {
    String existing = Cli.writeFile(dir, "existing.key", Cli.K1_KEY);

    Cli.Result result = Cli.run("key", "new", "--out", existing);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of("dimo: " + existing + ": already exists; refusing to overwrite a key file"), result.errLines());
    assertEquals("", result.out());
    assertEquals(Cli.K1_KEY, Files.readString(Path.of(existing)));
  }

  @Test
  void newWithOutInAMissingDirectoryIsADataError() {
    String target = dir.resolve("no/such/dir/new.key").toString();

    Cli.Result result = Cli.run("key", "new", "--out", target);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of("dimo: " + target + ": no such directory"), result.errLines());
  }

  @Test
  void addressPrintsTheChecksummedAddress() {
    String k1 = Cli.writeFile(dir, "k1.key", Cli.K1_KEY + "\n");
    String k5 = Cli.writeFile(dir, "k5.key", Cli.K5_KEY_BARE);

    assertEquals(List.of(Cli.K1_ADDRESS), Cli.run("key", "address", "--key-file", k1).outLines());
    assertEquals(List.of(Cli.K5_ADDRESS), Cli.run("key", "address", "--key-file", k5).outLines());
  }

  @Test
  void addressReadsTheKeyFromStandardInput() {
    Cli.Result result = Cli.runWithStdin(Cli.K4_KEY, "key", "address", "--key-file", "-");

    assertEquals(List.of(Cli.K4_ADDRESS), result.outLines(), result::toString);
  }

  @Test
  void addressOfABadKeyFileIsADataError() {
    String empty = Cli.writeFile(dir, "empty.key", "\n");

    Cli.Result result = Cli.run("key", "address", "--key-file", empty);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(
        List.of("dimo: " + empty + ": empty; expected a private key (64 hex digits, optionally 0x-prefixed)"),
        result.errLines());
  }

  @Test
  void keyWithoutSubcommandIsAUsageError() {
    Cli.Result result = Cli.run("key");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: missing command: new or address"), result::toString);
  }
}
