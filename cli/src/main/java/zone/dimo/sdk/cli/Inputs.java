package zone.dimo.sdk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import zone.dimo.sdk.signing.internal.Text;

/**
 * Reads the inputs named on the command line: a file path, or {@code -} for standard input (read
 * once; a second {@code -} in the same run would see an empty stream, so it is refused).
 */
final class Inputs {
  static final String STDIN = "-";

  private final InputStream stdin;
  private boolean stdinUsed;

  Inputs(InputStream stdin) {
    this.stdin = stdin;
  }

  /**
   * Reads all of {@code name}, refusing more than {@code maxBytes} (so that a wrong path such as a
   * device or a huge log cannot exhaust memory).
   */
  byte[] read(String name, int maxBytes) throws InputException {
    if (STDIN.equals(name)) {
      if (stdinUsed) {
        throw new InputException(name, "standard input can be read only once");
      }
      stdinUsed = true;
      try {
        return readBounded(name, stdin, maxBytes);
      } catch (IOException e) {
        throw new InputException(name, "cannot read standard input: " + reason(e));
      }
    }
    Path path;
    try {
      path = Paths.get(name);
    } catch (InvalidPathException e) {
      throw new InputException(name, "not a valid path");
    }
    if (Files.isDirectory(path)) {
      throw new InputException(name, "is a directory");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return readBounded(name, in, maxBytes);
    } catch (NoSuchFileException e) {
      throw new InputException(name, "no such file");
    } catch (AccessDeniedException e) {
      throw new InputException(name, "permission denied");
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + reason(e));
    }
  }

  /**
   * What went wrong, in the operating system's words ("Too many levels of symbolic links"), never
   * a Java class name.
   */
  static String reason(IOException e) {
    String reason = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
    return reason == null || reason.isEmpty() ? "input/output error" : Text.oneLine(reason, 200);
  }

  private static byte[] readBounded(String name, InputStream in, int maxBytes)
      throws IOException, InputException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new InputException(name, "larger than " + maxBytes + " bytes");
    }
    return bytes;
  }
}
