package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zone.dimo.sdk.sandbox.AftermarketDevice;
import zone.dimo.sdk.sandbox.DeveloperLicense;
import zone.dimo.sdk.sandbox.DeviceDefinition;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.signing.PrivateKey;

/**
 * The commands in {@code samples/README.md} are the ones a new user copies: every option they use
 * exists, and the remote-mode command against a separate sandbox is complete (it passes every
 * step, none skipped for a missing option, with exactly the values {@code dimo sandbox} prints).
 */
class WalkthroughReadmeTest {
  private static final String PROGRAM = "java -jar samples/target/dimo-walkthrough.jar";
  private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);
  /** A word, or a {@code <placeholder with spaces>}. */
  private static final Pattern TOKEN = Pattern.compile("<[^>]*>|\\S+");

  @TempDir Path dir;

  @Test
  void everyOptionInTheReadmeCommandsExists() throws IOException {
    Set<String> options = new CommandLine(new Walkthrough()).getCommandSpec().optionsMap().keySet();
    List<List<String>> commands = walkthroughCommands();
    assertEquals(2, commands.size(), "walkthrough commands in samples/README.md: " + commands);
    for (List<String> command : commands) {
      for (String token : command) {
        if (token.startsWith("--")) {
          assertTrue(options.contains(token), token + " in " + command);
        }
      }
    }
  }

  @Test
  void remoteModeCommandUsesWhatTheSandboxPrintsAndRunsEveryStep() throws IOException {
    List<String> command = walkthroughCommands().stream()
        .filter(c -> c.contains("--devices-url"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no remote-mode command against a sandbox"));

    try (DimoSandbox sandbox = DimoSandbox.start()) {
      // The values a user copies from `dimo sandbox` (see SandboxCommand) are the documented ones.
      DeveloperLicense license = sandbox.developerLicenses().get(0);
      assertEquals(license.address().toChecksumHex(), value(command, "--client-id"));
      assertEquals(license.redirectUri(), value(command, "--domain"));
      assertEquals("licenses/" + license.address().toChecksumHex() + ".key",
          value(command, "--license-key-file"));
      assertEquals(sandbox.domain(), value(command, "--smartcar-redirect-uri"));
      assertEquals(Long.toString(sandbox.chainId()), value(command, "--chain-id"));
      assertEquals(sandbox.registryAddress().toChecksumHex(), value(command, "--registry"));
      assertEquals(sandbox.vehicleNftContract().toChecksumHex(), value(command, "--vehicle-nft-contract"));
      assertEquals(sandbox.smartcarCode(), value(command, "--smartcar-code"));
      assertEquals(sandbox.dcnNodeId(), value(command, "--dcn-node"));
      assertTrue(sandbox.syntheticDeviceTokenIds().contains(Long.valueOf(value(command, "--synthetic-device-token-id"))));
      assertTrue(sandbox.deviceDefinitions().stream().map(DeviceDefinition::sampleVin).anyMatch(value(command, "--vin")::equals));
      AftermarketDevice device = sandbox.aftermarketDevices().stream()
          .filter(d -> d.serial().equals(value(command, "--aftermarket-serial")))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no sandbox device " + value(command, "--aftermarket-serial")));
      assertEquals("keys/" + device.serial() + ".key", value(command, "--aftermarket-key-file"));

      // Run it as documented, with the sandbox's port for 8099 and the key files in a directory
      // laid out as `dimo sandbox --device-keys keys/` and `dimo key new --out me.key` leave it.
      Files.createDirectory(dir.resolve("keys"));
      writeKey(dir.resolve("keys").resolve(device.serial() + ".key"), device.privateKey());
      writeKey(dir.resolve("me.key"), PrivateKey.generate(new java.security.SecureRandom()));
      Files.createDirectory(dir.resolve("licenses"));
      writeKey(dir.resolve("licenses").resolve(license.address().toChecksumHex() + ".key"),
          license.apiKey());
      List<String> args = new ArrayList<>();
      for (String token : command) {
        String arg = token.replace("127.0.0.1:8099", "127.0.0.1:" + sandbox.port());
        if (arg.equals("me.key") || arg.startsWith("keys/") || arg.startsWith("licenses/")) {
          arg = dir.resolve(arg).toString();
        }
        args.add(arg);
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      Walkthrough.Outcome outcome =
          Walkthrough.run(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));

      assertEquals(Walkthrough.OK, outcome.exitCode(), () -> out + "\n" + err);
      assertTrue(out.toString().contains("35 steps: 35 passed, 0 failed, 0 skipped"), out::toString);
    }
  }

  /** Each walkthrough command in the README's sh blocks, as its arguments after the program. */
  private static List<List<String>> walkthroughCommands() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<List<String>> commands = new ArrayList<>();
    Matcher block = SH_BLOCK.matcher(readme);
    while (block.find()) {
      String text = block.group(1).replace("\\\n", " ");
      for (String line : text.split("\n")) {
        if (!line.startsWith(PROGRAM)) {
          continue;
        }
        List<String> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(line.substring(PROGRAM.length()));
        while (token.find()) {
          tokens.add(token.group());
        }
        commands.add(tokens);
      }
    }
    return commands;
  }

  private static String value(List<String> command, String option) {
    int i = command.indexOf(option);
    assertTrue(i >= 0 && i + 1 < command.size(), option + " missing from " + command);
    return command.get(i + 1);
  }

  private static void writeKey(Path file, PrivateKey key) throws IOException {
    Files.write(file, (key.exportHex() + "\n").getBytes(StandardCharsets.US_ASCII));
    key.destroy();
  }
}
