package zone.dimo.sdk.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import zone.dimo.sdk.signing.PrivateKey;

/** {@code dimo key new|address}. */
@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = "Create a private key, or print the address of one.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {KeyCommand.New.class, KeyCommand.AddressOf.class})
final class KeyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: new or address");
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = {
        "Generate a private key from the system's SecureRandom.",
        "Without --out, prints the private key and its address: this is the only command that"
            + " ever prints a key, on purpose, for test and sandbox accounts. Anyone who sees"
            + " the key controls the address.",
        "With --out, writes the key to a new file (owner read/write only where the file system"
            + " supports POSIX permissions) and prints only the address."
      })
  static final class New implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "KEY", description = "write the key to this new file (never overwritten) instead of printing it")
    String out;

    @Override
    public Integer call() throws InputException {
      PrivateKey key = PrivateKey.generate(new SecureRandom());
      try {
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
          stdout.println("private key: " + key.exportHex());
        } else {
          KeyFile.write(out, key);
        }
        stdout.println("address:     " + key.address().toChecksumHex());
        stdout.flush();
        return 0;
      } finally {
        key.destroy();
      }
    }
  }

  @Command(
      name = "address",
      mixinStandardHelpOptions = true,
      description = "Print the EIP-55 address of the private key in KEY.")
  static final class AddressOf implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--key-file",
        required = true,
        paramLabel = "KEY",
        description = "file holding one private key: 64 hex digits, optionally 0x-prefixed; '-' reads standard input")
    String keyFile;

    @Override
    public Integer call() throws InputException {
      PrivateKey key = KeyFile.load(keyFile, DimoCommand.inputs(spec));
      try {
        spec.commandLine().getOut().println(key.address().toChecksumHex());
        spec.commandLine().getOut().flush();
        return 0;
      } finally {
        key.destroy();
      }
    }
  }
}
