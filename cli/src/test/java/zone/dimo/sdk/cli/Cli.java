package zone.dimo.sdk.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the {@code dimo} command in-process with captured stdout, stderr and a given stdin. */
final class Cli {
  static final String K1_KEY = "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4";
  static final String K1_ADDRESS = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826";
  static final String K4_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  static final String K4_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  static final String K5_KEY_BARE = "00fbd58b8336e63af917da269d2cf19a7d5bff619f1ede9f283da060002a0eed";
  static final String K5_ADDRESS = "0x98CE1B4accC020575d5a9f40e7818939a3219A43";

  /** Exit status and everything written to stdout and stderr. */
  record Result(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
  }

  private Cli() {}

  static Result run(String... args) {
    return run(new byte[0], args);
  }

  static Result runWithStdin(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static Result run(byte[] stdin, String... args) {
    return run(new ByteArrayInputStream(stdin), commandLine -> {}, args);
  }

  static Result run(InputStream stdin, Consumer<CommandLine> configure, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = DimoCommand.newCommandLine(stdin);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    configure.accept(commandLine);
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
  }

  /** Copies a test resource (vectors/NAME) to {@code dir} and returns its path as a string. */
  static String vector(Path dir, String name) {
    try (InputStream in = Cli.class.getResourceAsStream("/vectors/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource vectors/" + name);
      }
      Path target = dir.resolve(name);
      Files.write(target, in.readAllBytes());
      return target.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String vectorText(String name) {
    try (InputStream in = Cli.class.getResourceAsStream("/vectors/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String writeFile(Path dir, String name, String content) {
    try {
      Path target = dir.resolve(name);
      Files.writeString(target, content);
      return target.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
