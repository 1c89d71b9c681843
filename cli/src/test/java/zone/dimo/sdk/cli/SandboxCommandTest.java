package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zone.dimo.sdk.sandbox.DimoSandbox;

class SandboxCommandTest {
  private static final Pattern DEVICE_LINE = Pattern.compile("  (\\S+) +(0x[0-9a-fA-F]{40})  (\\d+)  (\\S+)");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;

  /** Runs {@code dimo sandbox ARGS}; while it runs, fetches a public page and records its status. */
  private Cli.Result runSandbox(AtomicReference<String> seen, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "sandbox";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.run(
        new ByteArrayInputStream(new byte[0]),
        commandLine ->
            ((SandboxCommand) commandLine.getSubcommands().get("sandbox").getCommand()).whileRunning =
                sandbox -> seen.set(sandbox.devicesUrl() + " " + get(sandbox.devicesUrl() + "/v1/dcn/" + sandbox.dcnNodeId())),
        all);
  }

  @Test
  void printsWhereAndWhatItServesAndServesIt() {
    AtomicReference<String> seen = new AtomicReference<>();

    Cli.Result result = runSandbox(seen, "--port", "0");

    assertEquals(0, result.exitCode(), result::toString);
    String devicesUrl = seen.get().split(" ")[0];
    assertEquals("200", seen.get().split(" ")[1], "GET dcn metadata while running");
    List<String> lines = result.outLines();
    assertTrue(lines.get(0).matches("DIMO sandbox on 127\\.0\\.0\\.1:\\d+ \\(Ctrl-C or SIGTERM stops it\\)"), result::toString);
    assertTrue(lines.contains("devices url:         " + devicesUrl), result::toString);
    assertTrue(lines.contains("auth url:            " + devicesUrl + "/auth-server"), result::toString);
    assertTrue(lines.contains("token exchange url:  " + devicesUrl + "/token-exchange"), result::toString);
    assertTrue(lines.contains("chain id:            " + DimoSandbox.DEFAULT_CHAIN_ID), result::toString);
    assertTrue(lines.contains("registry:            " + DimoSandbox.DEFAULT_REGISTRY), result::toString);
    assertTrue(lines.contains("vehicle nft:         " + DimoSandbox.DEFAULT_VEHICLE_NFT_CONTRACT), result::toString);
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("client id:           ") && line.length() > 21), result::toString);
    assertEquals(3, devices(result).size(), result::toString);
    assertTrue(lines.contains("synthetic devices:   512, 513"), result::toString);
    assertTrue(lines.stream().anyMatch(line -> line.matches("dcn node id:         \\d+")), result::toString);
    assertTrue(lines.contains("  22B4ZZ8pV3bUeH1tYbC3d7Ford0  Ford Bronco 2022  1FMEE5DPXNA100001"), result::toString);
    assertEquals("", result.err());
  }

  @Test
  void stopsTheServerWhenItReturns() {
    AtomicReference<String> seen = new AtomicReference<>();

    runSandbox(seen, "--port", "0");

    String devicesUrl = seen.get().split(" ")[0];
    assertThrows(ConnectException.class, () -> http.send(
        HttpRequest.newBuilder(URI.create(devicesUrl + "/v1/dcn/1")).build(), HttpResponse.BodyHandlers.discarding()));
  }

  @Test
  void deviceKeysAreWrittenAsKeyFilesNeverPrinted() throws IOException {
    AtomicReference<String> seen = new AtomicReference<>();

    Cli.Result result = runSandbox(seen, "--device-keys", dir.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.outLines().contains("device keys:         " + dir + java.io.File.separator + "<serial>.key"), result::toString);
    for (String[] device : devices(result)) {
      Path keyFile = dir.resolve(device[0] + ".key");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
      assertEquals(List.of(device[1]), Cli.run("key", "address", "--key-file", keyFile.toString()).outLines());
      String key = Files.readString(keyFile).trim();
      assertFalse(result.out().contains(key.substring(2)), "a device key was printed");
    }
  }

  @Test
  void printsTheDeveloperLicensesAndWritesTheirApiKeysNeverPrinted() throws IOException {
    AtomicReference<String> seen = new AtomicReference<>();

    Cli.Result result = runSandbox(seen, "--license-keys", dir.toString());

    assertEquals(0, result.exitCode(), result::toString);
    List<String> lines = result.outLines();
    int header = lines.indexOf("developer licenses (address = client id, redirect URI = domain, API key address):");
    assertTrue(header > 0, result::toString);
    assertEquals("  0x469a5356156c1A6c9018aF54329ac68C053315f3  http://localhost:8080/license-1/callback"
        + "  0xD2e21912B32968a5153EC750E9eA24c7C9dF5C1d", lines.get(header + 1));
    assertEquals("  0x785E4086515754f939C21b917EfE356F9cCCa4D7  http://localhost:8080/license-2/callback"
        + "  0xbd98026596d534Eb8F1FEe4A9A5dA57E851b38AB", lines.get(header + 2));
    assertTrue(lines.contains("license keys:        " + dir + java.io.File.separator + "<license address>.key"), result::toString);
    Path keyFile = dir.resolve("0x469a5356156c1A6c9018aF54329ac68C053315f3.key");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    assertEquals(List.of("0xD2e21912B32968a5153EC750E9eA24c7C9dF5C1d"),
        Cli.run("key", "address", "--key-file", keyFile.toString()).outLines());
    assertFalse(result.out().contains(Files.readString(keyFile).trim().substring(2)), "an API key was printed");
    assertTrue(Files.exists(dir.resolve("0x785E4086515754f939C21b917EfE356F9cCCa4D7.key")));
  }

  @Test
  void licenseKeysNeedAnExistingDirectory() {
    AtomicReference<String> seen = new AtomicReference<>();
    String missing = dir.resolve("missing").toString();

    Cli.Result result = runSandbox(seen, "--license-keys", missing);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of("dimo: " + missing + ": not a directory"), result.errLines());
    assertEquals(null, seen.get(), "never served");
  }

  @Test
  void deviceKeysNeedAnExistingDirectory() {
    AtomicReference<String> seen = new AtomicReference<>();
    String missing = dir.resolve("missing").toString();

    Cli.Result result = runSandbox(seen, "--device-keys", missing);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of("dimo: " + missing + ": not a directory"), result.errLines());
    assertEquals(null, seen.get(), "never served");
  }

  @Test
  void existingKeyFilesAreNotOverwritten() throws IOException {
    AtomicReference<String> first = new AtomicReference<>();
    runSandbox(first, "--device-keys", dir.toString());
    AtomicReference<String> second = new AtomicReference<>();

    Cli.Result result = runSandbox(second, "--device-keys", dir.toString());

    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.errLines().get(0).endsWith(".key: already exists; refusing to overwrite a key file"), result::toString);
  }

  @Test
  void portOutOfRangeIsAUsageError() {
    Cli.Result result = runSandbox(new AtomicReference<>(), "--port", "70000");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: --port must be in 0..65535, was 70000"), result::toString);
  }

  /** The (serial, address) of each device line. */
  private static List<String[]> devices(Cli.Result result) {
    List<String[]> devices = new ArrayList<>();
    for (String line : result.outLines()) {
      Matcher matcher = DEVICE_LINE.matcher(line);
      if (matcher.matches()) {
        devices.add(new String[] {matcher.group(1), matcher.group(2)});
      }
    }
    return devices;
  }

  private int get(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aBusyPortIsReportedWithTheReason() throws IOException {
    try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();

      Cli.Result result = runSandbox(new AtomicReference<>(), "--port", String.valueOf(port));

      assertEquals(1, result.exitCode(), result::toString);
      assertEquals(
          List.of("dimo: --port " + port + ": cannot listen on 127.0.0.1:" + port + ": address already in use;"
              + " another process listens there: choose another --port, or 0 for any free port"),
          result.errLines());
      assertEquals("", result.out());
    }
  }
}
