package zone.dimo.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build generates every spec twice (target/generated-sources, compiled, and
 * target/generated-again, not compiled); both runs must give the same files with the same bytes.
 * This catches a generation timestamp or an unstable ordering within one build; the README
 * describes the stronger manual check across two separate builds.
 */
class ReproducibleGenerationTest {

  @Test
  void twoGenerationsAreByteIdentical() throws IOException {
    Path first = Paths.get(System.getProperty("dimo.generatedSources", "target/generated-sources"));
    Path second = Paths.get(System.getProperty("dimo.generatedAgain", "target/generated-again"));
    for (String root : List.of("openapi-devices", "openapi-auth", "openapi-token-exchange")) {
      List<Path> files = javaFiles(first.resolve(root));
      assertTrue(files.size() > 1, root + ": nothing generated");
      assertEquals(files, javaFiles(second.resolve(root)), root + ": file lists differ");
      for (Path relative : files) {
        assertArrayEquals(Files.readAllBytes(first.resolve(root).resolve(relative)),
            Files.readAllBytes(second.resolve(root).resolve(relative)), root + "/" + relative + " differs");
      }
    }
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    assertTrue(Files.isDirectory(dir), "missing " + dir.toAbsolutePath());
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java"))
          .map(dir::relativize)
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
