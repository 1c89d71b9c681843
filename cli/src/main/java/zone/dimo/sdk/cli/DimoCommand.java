package zone.dimo.sdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import zone.dimo.sdk.signing.internal.Text;

/**
 * The {@code dimo} command: EIP-712 typed-data digests and signatures, EIP-191 personal_sign,
 * signer recovery, keys, and the embedded DIMO sandbox.
 *
 * <p>Exit status: 0 on success, 1 when an input was bad (after every other input was still
 * processed), 2 on a usage error.
 */
@Command(
    name = "dimo",
    mixinStandardHelpOptions = true,
    versionProvider = DimoCommand.Version.class,
    description = "Sign and check DIMO EIP-712 payloads, and run the embedded DIMO sandbox.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      TypedDataCommand.class,
      PersonalSignCommand.class,
      RecoverCommand.class,
      KeyCommand.class,
      SandboxCommand.class
    },
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  success",
      "  1  bad input (one line per bad input; the other inputs are still processed),"
          + " including any malformed signature",
      "  2  usage error"
    })
public final class DimoCommand implements Runnable {
  static final int EXIT_DATA_ERROR = 1;
  static final int EXIT_USAGE = 2;

  @Spec CommandSpec spec;

  private final Inputs inputs;

  DimoCommand(InputStream stdin) {
    this.inputs = new Inputs(stdin);
  }

  public static void main(String[] args) {
    System.exit(newCommandLine(System.in).execute(args));
  }

  /** A fully configured command line reading {@code -} from {@code stdin}. */
  static CommandLine newCommandLine(InputStream stdin) {
    CommandLine commandLine = new CommandLine(new DimoCommand(stdin));
    commandLine.setParameterExceptionHandler(DimoCommand::handleUsageError);
    commandLine.setExecutionExceptionHandler(
        (e, failed, parseResult) -> {
          failed.getErr().println("dimo: " + describe(e));
          failed.getErr().flush();
          return EXIT_DATA_ERROR;
        });
    return commandLine;
  }

  /** The inputs shared by every subcommand of one run (so that stdin is read at most once). */
  static Inputs inputs(CommandSpec anySubcommand) {
    return ((DimoCommand) anySubcommand.root().userObject()).inputs;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  /** One line per error in the style of GNU tools, plus a pointer to the right help page. */
  private static int handleUsageError(ParameterException e, String[] args) {
    CommandLine failed = e.getCommandLine();
    PrintWriter err = failed.getErr();
    err.println("dimo: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return EXIT_USAGE;
  }

  // Messages of our own exceptions and of the SDK's never contain key material (both promise
  // it); a null message still gets a readable line.
  private static String describe(Exception e) {
    String message = e.getMessage();
    if (message == null || message.isEmpty()) {
      // Only a bug gets here; the class name is what a bug report needs.
      return "internal error (" + e.getClass().getName() + ")";
    }
    return Text.oneLine(message, 1000);
  }

  /** Reads the version Maven wrote into {@code version.properties} at build time. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties properties = new Properties();
      try (InputStream in = DimoCommand.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          throw new IllegalStateException("version.properties missing from the dimo jar");
        }
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"dimo " + properties.getProperty("version")};
    }
  }
}
