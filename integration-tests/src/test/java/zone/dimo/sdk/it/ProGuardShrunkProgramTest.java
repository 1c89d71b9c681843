package zone.dimo.sdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import proguard.Configuration;
import proguard.ConfigurationParser;
import proguard.ProGuard;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.DimoSandboxExtension;

/**
 * Shrinks and obfuscates {@link ShrunkProgram} together with the SDK jars (dimo-core,
 * dimo-generated-client, dimo-signing) with ProGuard, keeping nothing of the SDK but what the keep
 * rules in META-INF/proguard/ of those jars say, then runs the result in a child JVM against a
 * sandbox: login, mint, lock, a geofence and a signature check must all work.
 */
@ExtendWith(DimoSandboxExtension.class)
class ProGuardShrunkProgramTest {
  static final List<String> SDK_JARS = Arrays.asList("dimo-core-", "dimo-generated-client-", "dimo-signing-");
  static final List<String> RULES = Arrays.asList(
      "META-INF/proguard/dimo-core.pro", "META-INF/proguard/dimo-generated-client.pro");

  @Test
  void shrunkAndObfuscatedProgramRunsAgainstTheSandbox(DimoSandbox sandbox) throws Exception {
    Path work = Paths.get(System.getProperty("dimo.proguardDir"));
    Files.createDirectories(work);
    List<String> classpath = Arrays.asList(new String(Files.readAllBytes(
        Paths.get(System.getProperty("dimo.programClasspath"))), StandardCharsets.UTF_8).trim()
        .split(File.pathSeparator));
    List<String> sdk = new ArrayList<>();
    List<String> libraries = new ArrayList<>();
    for (String entry : classpath) {
      String name = Paths.get(entry).getFileName().toString();
      (SDK_JARS.stream().anyMatch(name::startsWith) ? sdk : libraries).add(entry);
    }
    assertEquals(3, sdk.size(), "SDK jars on the program class path: " + sdk);

    // The rules files exactly as shipped in the SDK jars.
    List<Path> rules = new ArrayList<>();
    for (String jar : sdk) {
      try (JarFile j = new JarFile(jar)) {
        for (String name : RULES) {
          if (j.getEntry(name) != null) {
            Path copy = work.resolve(Paths.get(name).getFileName());
            try (InputStream in = j.getInputStream(j.getEntry(name))) {
              Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            rules.add(copy);
          }
        }
      }
    }
    assertEquals(2, rules.size(), "keep rules found in the SDK jars: " + rules);

    Path shrunk = work.resolve("program.jar");
    Path mapping = work.resolve("mapping.txt");
    List<String> args = new ArrayList<>();
    args.addAll(Arrays.asList("-injars", System.getProperty("dimo.programClasses")));
    for (String jar : sdk) {
      // the jars' own metadata is not program code
      args.addAll(Arrays.asList("-injars", jar + "(!META-INF/**)"));
    }
    args.addAll(Arrays.asList("-outjars", shrunk.toString()));
    String jmods = System.getProperty("java.home") + "/jmods/";
    args.addAll(Arrays.asList("-libraryjars", jmods + "java.base.jmod(!**.jar;!module-info.class)"));
    args.addAll(Arrays.asList("-libraryjars", jmods + "java.logging.jmod(!**.jar;!module-info.class)"));
    for (String jar : libraries) {
      args.addAll(Arrays.asList("-libraryjars", jar));
    }
    args.addAll(Arrays.asList(
        "-keep", "public class zone.dimo.sdk.it.ShrunkProgram { public static void main(java.lang.String[]); }",
        // libraries' optional integrations (Conscrypt, Android, GraalVM...) are not on the path
        "-dontwarn", "okhttp3.**,okio.**,retrofit2.**,com.squareup.moshi.**,kotlin.**,org.bouncycastle.**",
        "-dontnote",
        "-printmapping", mapping.toString()));
    for (Path r : rules) {
      args.addAll(Arrays.asList("-include", r.toString()));
    }
    Configuration configuration = new Configuration();
    try (ConfigurationParser parser = new ConfigurationParser(args.toArray(new String[0]), System.getProperties())) {
      parser.parse(configuration);
    }
    new ProGuard(configuration).execute();

    // It did shrink and obfuscate the SDK: fewer SDK classes, internal ones renamed.
    long before = 0;
    for (String jar : sdk) {
      try (JarFile j = new JarFile(jar)) {
        before += j.stream().filter(e -> e.getName().endsWith(".class")).count();
      }
    }
    long after;
    try (JarFile j = new JarFile(shrunk.toFile())) {
      after = j.stream().filter(e -> e.getName().endsWith(".class")).count();
    }
    assertTrue(after < before, "classes before " + before + ", after " + after);
    String map = new String(Files.readAllBytes(mapping), StandardCharsets.UTF_8);
    assertTrue(map.lines().anyMatch(l -> l.startsWith("zone.dimo.sdk.Flows -> ") && !l.startsWith("zone.dimo.sdk.Flows -> zone.dimo.sdk.Flows:")),
        "zone.dimo.sdk.Flows was not renamed");

    Path settings = work.resolve("sandbox.properties");
    Properties p = new Properties();
    p.setProperty("devicesUrl", sandbox.devicesUrl());
    p.setProperty("authUrl", sandbox.authUrl());
    p.setProperty("tokenExchangeUrl", sandbox.tokenExchangeUrl());
    p.setProperty("chainId", Long.toString(sandbox.chainId()));
    p.setProperty("registryAddress", sandbox.registryAddress().toChecksumHex());
    p.setProperty("vehicleNftContract", sandbox.vehicleNftContract().toChecksumHex());
    p.setProperty("clientId", sandbox.clientId());
    p.setProperty("domain", sandbox.domain());
    p.setProperty("deviceDefinitionId", sandbox.deviceDefinitions().get(0).id());
    p.setProperty("vin", sandbox.deviceDefinitions().get(0).sampleVin());
    p.setProperty("deviceKey", sandbox.aftermarketDevices().get(0).privateKey().exportHex());
    // a sandbox test key (private key 1), never a real one
    p.setProperty("userKey", "0x0000000000000000000000000000000000000000000000000000000000000001");
    try (OutputStream out = Files.newOutputStream(settings)) {
      p.store(out, "sandbox test settings");
    }

    List<String> command = new ArrayList<>(Arrays.asList(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", shrunk + File.pathSeparator + String.join(File.pathSeparator, libraries),
        "zone.dimo.sdk.it.ShrunkProgram", settings.toString()));
    Path output = work.resolve("program-output.txt");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the shrunk program did not finish in 120 s");
    String printed = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), printed);
    assertEquals(Arrays.asList(
        "login: 0 vehicles",
        "mint: token id 21000",
        "lock: request id present",
        "geofence: Home PrivacyFence [8928308280fffff] created true",
        "signature: recovers the user true"),
        printed.lines().collect(Collectors.toList()));
  }
}
