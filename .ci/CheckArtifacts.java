import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks what `mvn deploy -DaltDeploymentRepository=local::file:DIR` produced (Java 11+
 * single-file program, so CI needs nothing but the JDK):
 *
 * <pre>
 * java .ci/CheckArtifacts.java layout DIR
 *     every published artifact is there with its checksums: parent and BOM as a POM, each
 *     library as POM + jar + sources + javadoc; the tools are not; POMs carry what Central needs.
 * java .ci/CheckArtifacts.java same DIR JAR...
 *     each JAR (of a second, clean build) is byte-identical to the deployed one.
 * </pre>
 */
public final class CheckArtifacts {
  static final String GROUP_PATH = "zone/dimo/sdk";
  static final List<String> POM_ONLY = Arrays.asList("dimo-sdk-parent", "dimo-sdk-bom");
  static final List<String> LIBRARIES =
      Arrays.asList("dimo-signing", "dimo-generated-client", "dimo-core", "dimo-sandbox");
  static final List<String> NOT_PUBLISHED =
      Arrays.asList("dimo-cli", "dimo-samples", "dimo-benchmarks", "dimo-codegen", "dimo-integration-tests");
  /** Libraries that must ship consumer R8/ProGuard rules in META-INF/proguard/. */
  static final Map<String, String> KEEP_RULES = new LinkedHashMap<>();

  static {
    KEEP_RULES.put("dimo-core", "META-INF/proguard/dimo-core.pro");
    KEEP_RULES.put("dimo-generated-client", "META-INF/proguard/dimo-generated-client.pro");
  }

  final List<String> problems = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !(args[0].equals("layout") || args[0].equals("same"))) {
      System.err.println("usage: CheckArtifacts layout DIR | same DIR JAR...");
      System.exit(2);
    }
    CheckArtifacts check = new CheckArtifacts();
    Path repo = Paths.get(args[1]).resolve(GROUP_PATH);
    int checked = args[0].equals("layout")
        ? check.layout(repo)
        : check.same(repo, Arrays.asList(args).subList(2, args.length));
    if (!check.problems.isEmpty()) {
      check.problems.forEach(p -> System.err.println("FAIL " + p));
      System.exit(1);
    }
    System.out.println("CheckArtifacts " + args[0] + ": " + checked + " files ok");
  }

  int layout(Path repo) throws Exception {
    int files = 0;
    for (String artifactId : POM_ONLY) {
      Path pom = single(repo, artifactId, "", "pom");
      if (pom != null) {
        files += checksums(pom);
        centralMetadata(pom, artifactId, true);
        if (!artifactFiles(repo, artifactId, "jar").isEmpty()) {
          problems.add(artifactId + ": a POM-only artifact has jars");
        }
      }
    }
    for (String artifactId : LIBRARIES) {
      Path pom = single(repo, artifactId, "", "pom");
      Path jar = single(repo, artifactId, "", "jar");
      Path sources = single(repo, artifactId, "-sources", "jar");
      Path javadoc = single(repo, artifactId, "-javadoc", "jar");
      for (Path p : new Path[] {pom, jar, sources, javadoc}) {
        if (p != null) {
          files += checksums(p);
        }
      }
      if (pom != null) {
        centralMetadata(pom, artifactId, false);
      }
      if (jar != null) {
        try (JarFile j = new JarFile(jar.toFile())) {
          if (j.getManifest() == null
              || j.getManifest().getMainAttributes().getValue("Automatic-Module-Name") == null) {
            problems.add(jar.getFileName() + ": no Automatic-Module-Name");
          }
          String rules = KEEP_RULES.get(artifactId);
          if (rules != null && j.getEntry(rules) == null) {
            problems.add(jar.getFileName() + ": no " + rules);
          }
        }
      }
      if (sources != null && !hasEntry(sources, ".java")) {
        problems.add(sources.getFileName() + ": no .java file");
      }
      if (javadoc != null && !hasEntry(javadoc, "index.html")) {
        problems.add(javadoc.getFileName() + ": no index.html");
      }
    }
    for (String artifactId : NOT_PUBLISHED) {
      if (Files.exists(repo.resolve(artifactId))) {
        problems.add(artifactId + " was deployed but is not a published artifact");
      }
    }
    return files;
  }

  int same(Path repo, List<String> jars) throws Exception {
    if (jars.isEmpty()) {
      problems.add("no jars given");
    }
    for (String name : jars) {
      Path rebuilt = Paths.get(name);
      // target/dimo-core-0.1.0-SNAPSHOT-sources.jar -> artifact dimo-core, classifier -sources
      String file = rebuilt.getFileName().toString();
      String artifactId = null;
      for (String a : LIBRARIES) {
        if (file.startsWith(a + "-") && (artifactId == null || a.length() > artifactId.length())) {
          artifactId = a;
        }
      }
      if (artifactId == null) {
        problems.add(file + ": not a published library jar");
        continue;
      }
      String classifier = file.endsWith("-sources.jar") ? "-sources"
          : file.endsWith("-javadoc.jar") ? "-javadoc" : "";
      Path deployed = single(repo, artifactId, classifier, "jar");
      if (deployed != null && !Arrays.equals(Files.readAllBytes(deployed), Files.readAllBytes(rebuilt))) {
        problems.add(file + " differs from the first build: " + differingEntries(deployed, rebuilt));
      }
    }
    return jars.size();
  }

  /** The one deployed file of artifactId with that classifier and extension, or null (reported). */
  Path single(Path repo, String artifactId, String classifier, String extension) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path p : artifactFiles(repo, artifactId, extension)) {
      String name = p.getFileName().toString();
      String base = name.substring(0, name.length() - extension.length() - 1);
      boolean classified = base.endsWith("-sources") || base.endsWith("-javadoc");
      if (classifier.isEmpty() ? !classified : base.endsWith(classifier)) {
        found.add(p);
      }
    }
    if (found.size() != 1) {
      problems.add(artifactId + classifier + "." + extension + ": expected 1 deployed file, found "
          + found.size() + " " + found);
      return null;
    }
    return found.get(0);
  }

  static List<Path> artifactFiles(Path repo, String artifactId, String extension) throws IOException {
    List<Path> files = new ArrayList<>();
    Path dir = repo.resolve(artifactId);
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (DirectoryStream<Path> versions = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path version : versions) {
        try (DirectoryStream<Path> in = Files.newDirectoryStream(version, artifactId + "-*." + extension)) {
          in.forEach(files::add);
        }
      }
    }
    return files;
  }

  /** Checks file.md5 and file.sha1 exist and match; returns the number of files checked. */
  int checksums(Path file) throws IOException, NoSuchAlgorithmException {
    byte[] content = Files.readAllBytes(file);
    int n = 1;
    for (String[] algorithm : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}}) {
      Path sum = file.resolveSibling(file.getFileName() + "." + algorithm[0]);
      if (!Files.exists(sum)) {
        problems.add(sum.getFileName() + " missing");
        continue;
      }
      String expected = hex(MessageDigest.getInstance(algorithm[1]).digest(content));
      String actual = new String(Files.readAllBytes(sum), StandardCharsets.US_ASCII).trim().split("\\s+")[0];
      if (!expected.equals(actual)) {
        problems.add(sum.getFileName() + " is " + actual + ", content hashes to " + expected);
      }
      n++;
    }
    return n;
  }

  /** Central's required POM elements; libraries inherit url/licenses/developers/scm from the parent. */
  void centralMetadata(Path pom, String artifactId, boolean full) throws IOException {
    String xml = new String(Files.readAllBytes(pom), StandardCharsets.UTF_8);
    List<String> required = new ArrayList<>(Arrays.asList("name", "description"));
    if (full) {
      required.addAll(Arrays.asList("url", "licenses", "developers", "scm"));
    } else if (!xml.contains("<artifactId>dimo-sdk-parent</artifactId>")) {
      problems.add(artifactId + " POM does not inherit from dimo-sdk-parent");
    }
    for (String element : required) {
      if (!xml.contains("<" + element + ">") && !xml.contains("<" + element + " ")) {
        problems.add(artifactId + " POM has no <" + element + ">");
      }
    }
  }

  static boolean hasEntry(Path zip, String suffix) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return z.stream().anyMatch(e -> e.getName().endsWith(suffix));
    }
  }

  static String differingEntries(Path a, Path b) throws IOException {
    Map<String, String> left = entryDigests(a);
    Map<String, String> right = entryDigests(b);
    List<String> differing = new ArrayList<>();
    for (String name : left.keySet()) {
      if (!left.get(name).equals(right.get(name))) {
        differing.add(name);
      }
    }
    for (String name : right.keySet()) {
      if (!left.containsKey(name)) {
        differing.add(name);
      }
    }
    return differing.isEmpty() ? "same entries, different zip metadata (times, order)"
        : differing.size() + " entries " + differing.subList(0, Math.min(10, differing.size()));
  }

  static Map<String, String> entryDigests(Path zip) throws IOException {
    Map<String, String> digests = new TreeMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        try (InputStream in = z.getInputStream(e)) {
          digests.put(e.getName(), hex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
        } catch (NoSuchAlgorithmException impossible) {
          throw new AssertionError(impossible);
        }
      }
    }
    return digests;
  }

  static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02x", b));
    }
    return s.toString();
  }
}
