package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
  @TempDir Path dir;

  @Test
  void readsAFile() throws IOException, InputException {
    Path file = Files.write(dir.resolve("a.json"), new byte[] {1, 2, 3});

    assertArrayEquals(new byte[] {1, 2, 3}, new Inputs(new ByteArrayInputStream(new byte[0])).read(file.toString(), 3));
  }

  @Test
  void readsStandardInputOnce() throws InputException {
    Inputs inputs = new Inputs(new ByteArrayInputStream(new byte[] {9}));

    assertArrayEquals(new byte[] {9}, inputs.read("-", 10));
    InputException e = assertThrows(InputException.class, () -> inputs.read("-", 10));
    assertEquals("-", e.source());
    assertEquals("standard input can be read only once", e.detail());
  }

  @Test
  void refusesMoreThanTheLimit() throws IOException {
    Path file = Files.write(dir.resolve("big"), new byte[11]);
    Inputs inputs = new Inputs(new ByteArrayInputStream(new byte[11]));

    assertEquals("larger than 10 bytes", assertThrows(InputException.class, () -> inputs.read(file.toString(), 10)).detail());
    assertEquals("larger than 10 bytes", assertThrows(InputException.class, () -> inputs.read("-", 10)).detail());
  }

  @Test
  void namesMissingFilesAndDirectories() {
    Inputs inputs = new Inputs(new ByteArrayInputStream(new byte[0]));

    InputException missing = assertThrows(InputException.class, () -> inputs.read(dir.resolve("x").toString(), 10));
    InputException directory = assertThrows(InputException.class, () -> inputs.read(dir.toString(), 10));

    assertEquals(dir.resolve("x").toString() + ": no such file", missing.getMessage());
    assertEquals(dir + ": is a directory", directory.getMessage());
  }
}
