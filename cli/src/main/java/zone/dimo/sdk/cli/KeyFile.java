package zone.dimo.sdk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import zone.dimo.sdk.signing.PrivateKey;

/**
 * Reads (and writes) the key files named by {@code --key-file}.
 *
 * <p>Format: one secp256k1 private key as 64 hex digits, with or without a {@code 0x} prefix
 * (both forms are common: {@code cast wallet new} writes {@code 0x…}, geth's {@code --key} files
 * and many password managers hold bare hex), surrounded by optional whitespace and newlines. A
 * UTF-8 byte order mark is ignored. Nothing else may be in the file.
 *
 * <p>The key bytes are decoded without ever becoming a {@code String} (strings cannot be wiped) and
 * every buffer is zeroed afterwards. Error messages say what is wrong, never what the file holds.
 */
final class KeyFile {
  /** A key file is 66 characters plus whitespace; anything much larger is the wrong file. */
  static final int MAX_BYTES = 1024;

  private static final String FORMAT = "64 hex digits, optionally 0x-prefixed";

  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private KeyFile() {}

  static PrivateKey load(String name, Inputs inputs) throws InputException {
    byte[] raw = inputs.read(name, MAX_BYTES);
    byte[] key = new byte[32];
    try {
      int start = 0;
      int end = raw.length;
      if (end >= 3 && raw[0] == (byte) 0xEF && raw[1] == (byte) 0xBB && raw[2] == (byte) 0xBF) {
        start = 3;
      }
      while (start < end && isSpace(raw[start])) {
        start++;
      }
      while (end > start && isSpace(raw[end - 1])) {
        end--;
      }
      if (start == end) {
        throw new InputException(name, "empty; expected a private key (" + FORMAT + ")");
      }
      if (end - start >= 2 && raw[start] == '0' && (raw[start + 1] == 'x' || raw[start + 1] == 'X')) {
        start += 2;
      }
      if (end - start != 64) {
        throw new InputException(name, "not a private key; expected " + FORMAT);
      }
      for (int i = 0; i < 32; i++) {
        int hi = Hex.digit(raw[start + 2 * i]);
        int lo = Hex.digit(raw[start + 2 * i + 1]);
        if (hi < 0 || lo < 0) {
          throw new InputException(name, "not a private key; expected " + FORMAT);
        }
        key[i] = (byte) ((hi << 4) | lo);
      }
      try {
        return PrivateKey.fromBytes(key);
      } catch (IllegalArgumentException e) {
        // Zero or not below the group order n; the library's message is not needed (and we
        // promise never to print anything derived from the key).
        throw new InputException(name, "not a valid secp256k1 private key (must be in 1..n-1)");
      }
    } finally {
      Arrays.fill(raw, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Writes {@code key} in the format {@link #load} reads to the new file {@code name}: never
   * overwrites, and on POSIX file systems creates it owner read/write only from the start, so
   * there is no moment at which the key is readable by others.
   */
  static void write(String name, PrivateKey key) throws InputException {
    Path path;
    try {
      path = Paths.get(name);
    } catch (InvalidPathException e) {
      throw new InputException(name, "not a valid path");
    }
    try (OutputStream stream =
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? Files.newOutputStream(Files.createFile(path, OWNER_ONLY), StandardOpenOption.WRITE)
            : Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      stream.write((key.exportHex() + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (FileAlreadyExistsException e) {
      throw new InputException(name, "already exists; refusing to overwrite a key file");
    } catch (NoSuchFileException e) {
      throw new InputException(name, "no such directory");
    } catch (AccessDeniedException e) {
      throw new InputException(name, "permission denied");
    } catch (IOException e) {
      throw new InputException(name, "cannot write: " + Inputs.reason(e));
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
  }
}
