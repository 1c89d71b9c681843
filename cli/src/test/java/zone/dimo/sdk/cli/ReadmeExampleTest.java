package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@code dimo} examples of the project's README from the repository's root, as a reader
 * would, and checks every line and exit status shown: the files they name exist
 * ({@code cli/examples/}) and the outputs are what the command prints today.
 *
 * <p>{@code java -jar cli/target/dimo.jar} is run as {@code java -cp <test class path>
 * zone.dimo.sdk.cli.DimoCommand} (the jar is built after the tests); lines starting with
 * {@code dimo: } are expected on standard error, the others on standard output;
 * {@code $ echo $?} shows the previous command's exit status.
 */
class ReadmeExampleTest {
  private static final String PROGRAM = "java -jar cli/target/dimo.jar ";
  private static final Pattern CONSOLE_BLOCK = Pattern.compile("```console\n(.*?)```", Pattern.DOTALL);

  @Test
  void theReadmeCliExamplesRunAsDocumented() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    List<Step> steps = steps(readme);
    assertTrue(steps.size() >= 4, "dimo examples in README.md: " + steps);

    for (Step step : steps) {
      for (String arg : step.args) {
        if (arg.startsWith("cli/examples/")) {
          assertTrue(Files.isRegularFile(root.resolve(arg)), arg + " exists");
        }
      }
      Run run = run(root, step.args);
      assertEquals(step.out, run.out, () -> step + "\n" + run);
      assertEquals(step.err, run.err, () -> step + "\n" + run);
      if (step.exitCode != null) {
        assertEquals(step.exitCode.intValue(), run.exitCode, () -> step + "\n" + run);
      } else {
        assertEquals(0, run.exitCode, () -> "no exit status shown, so 0: " + step + "\n" + run);
      }
    }
  }

  /** One documented command: its arguments, the lines it shows and the exit status, if shown. */
  private static final class Step {
    final List<String> args;
    final List<String> out = new ArrayList<>();
    final List<String> err = new ArrayList<>();
    Integer exitCode;

    Step(List<String> args) {
      this.args = args;
    }

    @Override
    public String toString() {
      return "$ dimo " + String.join(" ", args) + "\n  out " + out + "\n  err " + err + "\n  exit " + exitCode;
    }
  }

  private record Run(int exitCode, List<String> out, List<String> err) {}

  private static List<Step> steps(String readme) {
    List<Step> steps = new ArrayList<>();
    Matcher block = CONSOLE_BLOCK.matcher(readme);
    while (block.find()) {
      Step current = null;
      boolean echo = false;
      for (String line : block.group(1).split("\n")) {
        if (line.startsWith("$ " + PROGRAM)) {
          current = new Step(Arrays.asList(line.substring(2 + PROGRAM.length()).trim().split(" +")));
          steps.add(current);
          echo = false;
        } else if (line.equals("$ echo $?")) {
          assertNotNull(current, "echo $? without a command");
          echo = true;
        } else if (line.startsWith("$ ")) {
          current = null; // another program: not ours to check
        } else if (current != null && echo) {
          current.exitCode = Integer.valueOf(line.trim());
          echo = false;
        } else if (current != null) {
          (line.startsWith("dimo: ") ? current.err : current.out).add(line);
        }
      }
    }
    return steps;
  }

  private static Run run(Path root, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        DimoCommand.class.getName()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).directory(root.toFile()).start();
    process.getOutputStream().close();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
      try {
        return process.getErrorStream().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    byte[] out = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "dimo did not finish");
    return new Run(process.exitValue(),
        new String(out, StandardCharsets.UTF_8).lines().toList(),
        new String(err.get(), StandardCharsets.UTF_8).lines().toList());
  }
}
