package zone.dimo.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the promise of the templates: generated code depends on Retrofit, OkHttp, Moshi,
 * JSpecify and the JDK only, is written for people (plain Javadoc, imports, no trailing
 * whitespace), and has no generation timestamp.
 */
class GeneratedSourcesImportsTest {

  private static final List<String> ROOTS =
      List.of("openapi-devices", "openapi-auth", "openapi-token-exchange");

  /** Case-insensitive; any mention, not only imports, so a fully qualified name is caught too. */
  private static final List<String> FORBIDDEN_MENTIONS =
      List.of("gson", "jackson", "javax.", "jakarta.", "io.swagger", "org.openapitools");

  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.*]+)\\s*;");

  private static final List<String> ALLOWED_IMPORT_PREFIXES =
      List.of("java.", "retrofit2.", "okhttp3.", "com.squareup.moshi.", "org.jspecify.annotations.", "zone.dimo.sdk.");

  /** An ISO-8601 date-time, a {@code @Generated} annotation or its {@code date = "..."} attribute. */
  private static final Pattern TIMESTAMP = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}|\\bdate\\s*=\\s*\"|@Generated\\b|@javax\\.annotation|Generated\\s+on");

  private static List<Path> sources;

  @BeforeAll
  static void collectSources() throws IOException {
    Path generated = Paths.get(System.getProperty("dimo.generatedSources", "target/generated-sources"));
    for (String root : ROOTS) {
      Path dir = generated.resolve(root);
      assertTrue(Files.isDirectory(dir), "missing generated source root " + dir.toAbsolutePath());
    }
    // The whole tree, not only our three roots: anything generated into the module is checked.
    try (Stream<Path> walk = Files.walk(generated)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void everyRootHasApisAndModels() {
    for (String root : ROOTS) {
      long apis = sources.stream().filter(p -> p.toString().contains(root) && p.getParent().endsWith("api")).count();
      long models = sources.stream().filter(p -> p.toString().contains(root) && p.getParent().endsWith("model")).count();
      assertTrue(apis > 0, root + ": no generated API interface");
      assertTrue(models > 0, root + ": no generated model");
    }
  }

  @Test
  void onlyApisModelsAndPackageInfosAreGenerated() {
    // No ApiClient, auth, JSON or other supporting file: they would drag in gson/oauth code.
    List<Path> other = sources.stream()
        .filter(p -> !(p.getParent().endsWith("api") || p.getParent().endsWith("model")))
        .collect(Collectors.toList());
    assertEquals(List.of(), other);
  }

  @Test
  void everyPackageIsNullMarked() throws IOException {
    List<Path> packages = sources.stream().map(Path::getParent).distinct().collect(Collectors.toList());
    assertEquals(6, packages.size(), packages.toString());
    for (Path dir : packages) {
      Path info = dir.resolve("package-info.java");
      assertTrue(Files.isRegularFile(info), "missing " + info);
      String text = read(info);
      assertTrue(text.contains("\n@NullMarked\npackage "), info + ":\n" + text);
      assertTrue(text.contains("import org.jspecify.annotations.NullMarked;"), info.toString());
    }
  }

  @Test
  void javadocIsNotHtmlEscaped() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path source : sources) {
      String text = read(source);
      for (String escaped : List.of("&#x60;", "&#39;", "&quot;", "&#x3D;", "&#x2F;", "`")) {
        if (text.contains(escaped)) {
          problems.add(source.getFileName() + " contains " + escaped);
        }
      }
    }
    assertEquals(List.of(), problems);
    // and the spec's backticks did become {@code ...}
    String commands = read(sources.stream()
        .filter(p -> p.getFileName().toString().equals("VehicleCommandsApi.java")).findFirst().orElseThrow());
    assertTrue(commands.contains("   * <p>Queues a door-lock command with the vehicle's command-capable integration (Smartcar or\n"
        + "   * Tesla). {@code 404} when the vehicle has none; {@code 409} when it cannot run this command.\n"), commands);
  }

  @Test
  void noFullyQualifiedAnnotationsOrLibraryTypes() throws IOException {
    Pattern qualified = Pattern.compile("@(retrofit2|com\\.squareup|okhttp3|org\\.jspecify)\\.|\\bretrofit2\\.http\\.|\\bokhttp3\\.|\\bcom\\.squareup\\.");
    List<String> problems = new ArrayList<>();
    for (Path source : sources) {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (!line.startsWith("import ") && qualified.matcher(line).find()) {
          problems.add(source.getFileName() + ":" + (i + 1) + ": " + line.trim());
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void paramAndReturnTagsSayWhatTheSpecSays() throws IOException {
    Pattern empty = Pattern.compile("(?m)^\\s*\\* @(param \\w+|return)\\s*(\\((required|optional)\\))?$"
        + "|\\((required|optional)\\)$|@return the call\\b|@param (\\w+) \\5$");
    List<String> problems = new ArrayList<>();
    for (Path source : sources) {
      Matcher m = empty.matcher(read(source));
      while (m.find()) {
        problems.add(source.getFileName() + ": " + m.group().trim());
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void noTrailingWhitespaceAndOneFinalNewline() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path source : sources) {
      String text = read(source);
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].equals(lines[i].stripTrailing())) {
          problems.add(source.getFileName() + ":" + (i + 1) + " ends in whitespace");
        }
      }
      if (!text.endsWith("}\n") && !text.endsWith(";\n")) {
        problems.add(source.getFileName() + " does not end in exactly one newline");
      }
      if (text.contains("\n\n\n")) {
        problems.add(source.getFileName() + " has two blank lines in a row");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void noForbiddenLibraryIsMentioned() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path source : sources) {
      String text = read(source).toLowerCase(Locale.ROOT);
      for (String forbidden : FORBIDDEN_MENTIONS) {
        if (text.contains(forbidden)) {
          problems.add(source.getFileName() + " mentions " + forbidden);
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void importsOnlyJdkRetrofitOkHttpMoshiAndOwnPackages() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path source : sources) {
      Matcher m = IMPORT.matcher(read(source));
      while (m.find()) {
        String imported = m.group(2);
        if (ALLOWED_IMPORT_PREFIXES.stream().noneMatch(imported::startsWith)) {
          problems.add(source.getFileName() + " imports " + imported);
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void noGenerationTimestamp() throws IOException {
    for (Path source : sources) {
      Matcher m = TIMESTAMP.matcher(read(source));
      if (m.find()) {
        fail(source.getFileName() + " contains a timestamp-like text: " + m.group());
      }
    }
  }

  @Test
  void modelFieldsCarryMoshiNames() throws IOException {
    Pattern field = Pattern.compile("(?m)^  private (?!static|final)[^;(]+;");
    for (Path source : sources) {
      if (!source.getParent().endsWith("model")) {
        continue;
      }
      String text = read(source);
      Matcher m = field.matcher(text);
      while (m.find()) {
        String before = text.substring(0, m.start()).stripTrailing();
        assertTrue(before.endsWith(")") && before.substring(before.lastIndexOf('\n') + 1).contains("@Json(name = \""),
            source.getFileName() + ": field without @Json(name): " + m.group().trim());
      }
    }
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }
}
