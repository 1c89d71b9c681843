package zone.dimo.sdk.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import zone.dimo.sdk.sandbox.AftermarketDevice;
import zone.dimo.sdk.sandbox.DeveloperLicense;
import zone.dimo.sdk.sandbox.DeviceDefinition;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.signing.PrivateKey;

/** {@code dimo sandbox}: the embedded DIMO emulator as a local server, until stopped. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Run the embedded DIMO sandbox (Devices API, Web3 login and Token Exchange, in memory, with"
          + " real signature checks) on 127.0.0.1 until Ctrl-C or SIGTERM, and print its URLs,"
          + " client id, chain id, registry, provisioned aftermarket devices and developer licenses.",
      "The aftermarket devices' keys and the licenses' API keys are public test keys; they are not"
          + " printed: --device-keys writes the devices' as key files for 'dimo typed-data sign"
          + " --key-file', --license-keys the licenses' (log in as a license with client id = the"
          + " license address, domain = its redirect URI, signed by its API key)."
    })
final class SandboxCommand implements Callable<Integer> {
  /** What to do while the sandbox runs; tests replace the default (block until stopped). */
  interface WhileRunning {
    void accept(DimoSandbox sandbox) throws InterruptedException;
  }

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "port to listen on (default: ${DEFAULT-VALUE}, any free port)")
  int port;

  @Option(
      names = "--device-keys",
      paramLabel = "DIR",
      description = "write each aftermarket device's key to DIR/<serial>.key (the directory must exist; files are never overwritten)")
  String deviceKeys;

  @Option(
      names = "--license-keys",
      paramLabel = "DIR",
      description = "write each developer license's API key to DIR/<license address>.key (the directory must exist; files are never overwritten)")
  String licenseKeys;

  WhileRunning whileRunning = SandboxCommand::runUntilStopped;

  @Override
  public Integer call() throws InputException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be in 0..65535, was " + port);
    }
    try (DimoSandbox sandbox = start(port)) {
      if (deviceKeys != null) {
        writeDeviceKeys(sandbox, deviceKeys);
      }
      if (licenseKeys != null) {
        writeLicenseKeys(sandbox, licenseKeys);
      }
      print(sandbox, spec.commandLine().getOut());
      whileRunning.accept(sandbox);
    }
    return 0;
  }

  /**
   * Starts the sandbox, saying why the port could not be bound (the sandbox's own message names
   * only the address; the reason, such as "Address already in use", is in its cause).
   */
  private static DimoSandbox start(int port) throws InputException {
    try {
      return DimoSandbox.builder().port(port).start();
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      String reason = cause.getMessage() == null ? "cannot bind" : cause.getMessage();
      String advice = cause instanceof BindException && reason.toLowerCase(Locale.ROOT).contains("in use")
          ? "; another process listens there: choose another --port, or 0 for any free port"
          : "";
      throw new InputException(
          "--port " + port,
          "cannot listen on 127.0.0.1:" + port + ": " + lowerFirst(reason) + advice);
    }
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private void print(DimoSandbox sandbox, PrintWriter out) {
    out.println("DIMO sandbox on 127.0.0.1:" + sandbox.port() + " (Ctrl-C or SIGTERM stops it)");
    out.println("devices url:         " + sandbox.devicesUrl());
    out.println("auth url:            " + sandbox.authUrl());
    out.println("token exchange url:  " + sandbox.tokenExchangeUrl());
    out.println("client id:           " + sandbox.clientId());
    out.println("domain:              " + sandbox.domain());
    out.println("chain id:            " + sandbox.chainId());
    out.println("registry:            " + sandbox.registryAddress().toChecksumHex());
    out.println("vehicle nft:         " + sandbox.vehicleNftContract().toChecksumHex());
    out.println("smartcar code:       " + sandbox.smartcarCode());
    out.println("synthetic devices:   " + sandbox.syntheticDeviceTokenIds().stream()
        .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
    out.println("dcn node id:         " + sandbox.dcnNodeId());
    out.println("device definitions (id, make model year, sample VIN):");
    for (DeviceDefinition definition : sandbox.deviceDefinitions()) {
      out.println("  " + definition.id() + "  " + definition.make() + " " + definition.model() + " "
          + definition.year() + "  " + definition.sampleVin());
    }
    out.println("aftermarket devices (serial, address, token id, manufacturer):");
    int width = 0;
    for (AftermarketDevice device : sandbox.aftermarketDevices()) {
      width = Math.max(width, device.serial().length());
    }
    for (AftermarketDevice device : sandbox.aftermarketDevices()) {
      out.println("  " + String.format("%-" + width + "s", device.serial()) + "  " + device.address().toChecksumHex()
          + "  " + device.tokenId() + "  " + device.manufacturer());
    }
    out.println("developer licenses (address = client id, redirect URI = domain, API key address):");
    for (DeveloperLicense license : sandbox.developerLicenses()) {
      PrivateKey apiKey = license.apiKey();
      try {
        out.println("  " + license.address().toChecksumHex() + "  " + license.redirectUri() + "  "
            + apiKey.address().toChecksumHex());
      } finally {
        apiKey.destroy();
      }
    }
    if (deviceKeys != null) {
      out.println("device keys:         " + Paths.get(deviceKeys) + File.separator + "<serial>.key");
    }
    if (licenseKeys != null) {
      out.println("license keys:        " + Paths.get(licenseKeys) + File.separator + "<license address>.key");
    }
    out.flush();
  }

  private static void writeLicenseKeys(DimoSandbox sandbox, String directory) throws InputException {
    Path dir = directory(directory);
    for (DeveloperLicense license : sandbox.developerLicenses()) {
      PrivateKey key = license.apiKey();
      try {
        KeyFile.write(dir.resolve(license.address().toChecksumHex() + ".key").toString(), key);
      } finally {
        key.destroy();
      }
    }
  }

  private static Path directory(String directory) throws InputException {
    Path dir;
    try {
      dir = Paths.get(directory);
    } catch (InvalidPathException e) {
      throw new InputException(directory, "not a valid path");
    }
    if (!Files.isDirectory(dir)) {
      throw new InputException(directory, "not a directory");
    }
    return dir;
  }

  private static void writeDeviceKeys(DimoSandbox sandbox, String directory) throws InputException {
    Path dir = directory(directory);
    for (AftermarketDevice device : sandbox.aftermarketDevices()) {
      PrivateKey key = device.privateKey();
      try {
        KeyFile.write(dir.resolve(device.serial() + ".key").toString(), key);
      } finally {
        key.destroy();
      }
    }
  }

  /** Blocks until the JVM is asked to stop; the shutdown hook closes the server first. */
  private static void runUntilStopped(DimoSandbox sandbox) throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "dimo-sandbox-shutdown"));
    sandbox.awaitClose();
  }
}
