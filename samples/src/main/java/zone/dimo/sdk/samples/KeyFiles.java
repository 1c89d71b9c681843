package zone.dimo.sdk.samples;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import zone.dimo.sdk.signing.PrivateKey;

/**
 * Reads a private key file: 64 hex digits, optionally {@code 0x}-prefixed, surrounded by optional
 * whitespace (what {@code dimo key new} and {@code cast wallet new} write). Messages name the
 * file and the problem, never its content.
 */
final class KeyFiles {
  private static final int MAX_BYTES = 1024;

  private KeyFiles() {}

  /** Thrown with a one-line message for the user. */
  static final class BadKeyFile extends Exception {
    private static final long serialVersionUID = 1L;

    BadKeyFile(String option, Path file, String problem) {
      super(option + " " + file + ": " + problem, null, false, false);
    }
  }

  static PrivateKey load(String option, Path file) throws BadKeyFile {
    byte[] raw;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new BadKeyFile(option, file, "too large to be a key file");
      }
      raw = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadKeyFile(option, file, "no such file");
    } catch (AccessDeniedException e) {
      throw new BadKeyFile(option, file, "permission denied");
    } catch (IOException e) {
      throw new BadKeyFile(option, file, "cannot read (" + e.getClass().getSimpleName() + ")");
    }
    byte[] key = new byte[32];
    try {
      int start = 0;
      int end = raw.length;
      while (start < end && Character.isWhitespace(raw[start])) {
        start++;
      }
      while (end > start && Character.isWhitespace(raw[end - 1])) {
        end--;
      }
      if (end - start >= 2 && raw[start] == '0' && (raw[start + 1] | 0x20) == 'x') {
        start += 2;
      }
      if (end - start != 64) {
        throw new BadKeyFile(option, file,
            "not a private key (expected 64 hex digits, optionally 0x-prefixed)");
      }
      for (int i = 0; i < 32; i++) {
        int hi = Character.digit(raw[start + 2 * i], 16);
        int lo = Character.digit(raw[start + 2 * i + 1], 16);
        if (hi < 0 || lo < 0) {
          throw new BadKeyFile(option, file,
              "not a private key (expected 64 hex digits, optionally 0x-prefixed)");
        }
        key[i] = (byte) ((hi << 4) | lo);
      }
      try {
        return PrivateKey.fromBytes(key);
      } catch (IllegalArgumentException e) {
        throw new BadKeyFile(option, file, "not a valid secp256k1 private key");
      }
    } finally {
      Arrays.fill(raw, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }
}
