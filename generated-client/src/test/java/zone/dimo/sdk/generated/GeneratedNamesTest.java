package zone.dimo.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A generated type must not share its simple name with a public hand-written type of the SDK:
 * a user importing both (say the EIP-712 {@code TypedData} of signing and the service's payload)
 * would have to qualify one of them everywhere. The generator's modelNameMappings (pom.xml)
 * rename clashing schemas without touching the spec.
 */
class GeneratedNamesTest {

  private static final Path ROOT = Paths.get(System.getProperty("dimo.projectRoot", ".."));
  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)");

  @Test
  void noGeneratedNameEqualsAHandWrittenPublicType() throws IOException {
    Set<String> handWritten = new TreeSet<>();
    for (String module : List.of("signing", "core", "sandbox")) {
      Path sources = ROOT.resolve(module).resolve("src/main/java");
      assertTrue(Files.isDirectory(sources), "missing " + sources.toAbsolutePath());
      for (Path source : javaFiles(sources)) {
        Matcher m = PUBLIC_TYPE.matcher(Files.readString(source, StandardCharsets.UTF_8));
        while (m.find()) {
          handWritten.add(m.group(1));
        }
      }
    }
    assertTrue(handWritten.containsAll(List.of("TypedData", "DeviceDefinition", "DimoClient")), handWritten.toString());

    Set<String> generated = new TreeSet<>();
    for (Path source : GeneratedModelsTest.allSources()) {
      String name = source.getFileName().toString().replace(".java", "");
      if (!name.equals("package-info")) {
        generated.add(name);
      }
    }
    assertTrue(generated.containsAll(List.of("TypedDataDocument", "DeviceDefinitionInfo")), generated.toString());

    generated.retainAll(handWritten);
    assertEquals(Set.of(), generated);
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
  }
}
