package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DimoCommandTest {
  @Test
  void helpListsEveryCommand() {
    Cli.Result result = Cli.run("--help");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("Usage: dimo [-hV] COMMAND"), result::toString);
    for (String command : new String[] {"typed-data", "personal-sign", "recover", "key", "sandbox"}) {
      assertTrue(result.out().contains("\n  " + command + " "), command);
    }
    assertTrue(result.out().contains("Exit status:"), result::toString);
  }

  @Test
  void subcommandsHaveHelpToo() {
    Cli.Result result = Cli.run("typed-data", "sign", "--help");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("Usage: dimo typed-data sign [-hV] --key-file=KEY FILE..."), result::toString);
  }

  @Test
  void versionComesFromTheBuild() {
    Cli.Result result = Cli.run("--version");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().matches("dimo \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), result::toString);
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result result = Cli.run();

    assertEquals(2, result.exitCode(), result::toString);
    assertEquals("dimo: missing command\nTry 'dimo --help' for more information.\n", result.err());
  }

  @Test
  void unknownCommandIsAUsageErrorWithSuggestions() {
    Cli.Result result = Cli.run("recovr");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Unmatched argument at index 0: 'recovr'"), result::toString);
    assertTrue(result.err().contains("recover"), result::toString);
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result result = Cli.run("key", "new", "--bogus");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Unknown option"), result::toString);
  }
}
