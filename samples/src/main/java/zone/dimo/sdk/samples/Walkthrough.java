package zone.dimo.sdk.samples;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.Environment;
import zone.dimo.sdk.TokenProvider;
import zone.dimo.sdk.VehicleTokenProvider;
import zone.dimo.sdk.sandbox.AftermarketDevice;
import zone.dimo.sdk.sandbox.DeveloperLicense;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * A tour of the whole SDK, one line per API operation: login, vehicles, mint, token exchange,
 * commands, error codes, geofences, aftermarket devices and the public lookups.
 *
 * <p>Without options it starts the embedded {@link DimoSandbox} and runs as a freshly generated
 * wallet, so it needs no account and no network. Any of {@code --devices-url},
 * {@code --auth-url}, {@code --token-exchange-url} or {@code --environment} runs it against
 * real services instead; steps whose inputs were not given are skipped, naming the option.
 *
 * <p>Exit status: 0 when no step failed, 1 when one did, 2 for bad options.
 */
@Command(name = "dimo-walkthrough", mixinStandardHelpOptions = true,
    versionProvider = Walkthrough.Version.class, sortOptions = false, usageHelpWidth = 100,
    description = {
        "Runs every DIMO Devices API operation once and prints one line per step.",
        "Without options: against an embedded sandbox, as a fresh wallet (no account, no network).",
        "With a URL or --environment: against those services; steps missing an input are SKIPPED."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:no step failed", "1:a step failed", "2:bad options"})
public final class Walkthrough implements Callable<Integer> {
  /** The exit status when no step failed. */
  public static final int OK = 0;
  /** The exit status when a step failed. */
  public static final int STEP_FAILED = 1;
  /** The exit status for bad options. */
  public static final int BAD_OPTIONS = 2;

  @Option(names = "--environment", paramLabel = "dev|production",
      description = "DIMO's own URLs and chain constants; the options below override them.")
  private String environment;

  @Option(names = "--devices-url", paramLabel = "URL", description = "Devices API base URL.")
  private String devicesUrl;

  @Option(names = "--auth-url", paramLabel = "URL", description = "Web3 login (auth) base URL.")
  private String authUrl;

  @Option(names = "--token-exchange-url", paramLabel = "URL",
      description = "Token Exchange API base URL.")
  private String tokenExchangeUrl;

  @Option(names = "--chain-id", paramLabel = "ID",
      description = "Chain id of the signing domain (137 production, 80002 dev).")
  private Long chainId;

  @Option(names = "--registry", paramLabel = "ADDRESS", converter = AddressConverter.class,
      description = "DIMO registry contract (the payloads' verifyingContract).")
  private Address registry;

  @Option(names = "--vehicle-nft-contract", paramLabel = "ADDRESS",
      converter = AddressConverter.class,
      description = "Vehicle NFT contract for the token exchange.")
  private Address vehicleNftContract;

  @Option(names = "--client-id", paramLabel = "ID",
      description = "Developer license client id for the Web3 login.")
  private String clientId;

  @Option(names = "--domain", paramLabel = "URI",
      description = "Redirect URI registered for the client id.")
  private String domain;

  @Option(names = "--private-key-file", paramLabel = "FILE",
      description = "The user's wallet key (64 hex digits); default: a fresh key.")
  private Path privateKeyFile;

  @Option(names = "--vin", paramLabel = "VIN", description = "VIN for the vehicle created from a VIN.")
  private String vin;

  @Option(names = "--country", paramLabel = "ALPHA3", defaultValue = "USA",
      description = "Country of the new vehicles (default: ${DEFAULT-VALUE}).")
  private String country;

  @Option(names = "--smartcar-code", paramLabel = "CODE",
      description = "Smartcar authorization code: creates a vehicle from Smartcar.")
  private String smartcarCode;

  @Option(names = "--smartcar-redirect-uri", paramLabel = "URI",
      description = "Redirect URI the Smartcar code was issued for.")
  private String smartcarRedirectUri;

  @Option(names = "--aftermarket-serial", paramLabel = "SERIAL",
      description = "An unclaimed aftermarket device to claim, pair and unpair.")
  private String aftermarketSerial;

  @Option(names = "--aftermarket-key-file", paramLabel = "FILE",
      description = "That device's key (signs the claim and confirms the VIN).")
  private Path aftermarketKeyFile;

  @Option(names = "--license-key-file", paramLabel = "FILE",
      description = "An API key of the developer license whose address is --client-id: the"
          + " walkthrough then also logs in as the license and locks the minted vehicle's doors"
          + " with a vehicle token for it (the owner must have shared the vehicle with the"
          + " license).")
  private Path licenseKeyFile;

  @Option(names = "--dcn-node", paramLabel = "NODE", description = "A DCN node id to look up.")
  private String dcnNode;

  @Option(names = "--synthetic-device-token-id", paramLabel = "ID",
      description = "A synthetic device token id to look up.")
  private Long syntheticDeviceTokenId;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "Wait at most this long for each on-chain confirmation (default: ${DEFAULT-VALUE}).")
  private long timeoutSeconds;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  private List<StepResult> steps = List.of();

  /** The result of a run: the exit status and every step's result, in order. */
  public record Outcome(int exitCode, List<StepResult> steps) {
    public Outcome {
      steps = List.copyOf(steps);
    }
  }

  public static void main(String[] args) {
    // The JDK's HttpServer (under the embedded sandbox) leaves Nagle's algorithm on, which adds
    // a delayed-ACK pause of tens of milliseconds to most loopback answers. It reads this
    // property once, when its first server starts; an application may set it, a library may not.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err).exitCode());
  }

  /** Runs the walkthrough in this JVM, printing to {@code out} and {@code err}. */
  public static Outcome run(String[] args, PrintWriter out, PrintWriter err) {
    Objects.requireNonNull(args, "args == null");
    Walkthrough walkthrough = new Walkthrough();
    CommandLine commandLine = new CommandLine(walkthrough)
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler((e, arguments) -> {
          err.println("dimo-walkthrough: " + e.getMessage());
          err.println("Try --help for the options.");
          err.flush();
          return BAD_OPTIONS;
        });
    int exitCode = commandLine.execute(args);
    out.flush();
    err.flush();
    return new Outcome(exitCode, walkthrough.steps);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Target target;
    DimoSandbox sandbox = null;
    try {
      if (chainId != null && chainId <= 0) {
        throw new BadOption("--chain-id must be positive, not " + chainId);
      }
      if (remote()) {
        target = remoteTarget();
      } else {
        sandbox = startSandbox();
        target = sandboxTarget(sandbox);
      }
    } catch (BadOption e) {
      if (sandbox != null) {
        sandbox.close();
      }
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println("dimo-walkthrough: cannot start the sandbox: "
          + e.getMessage());
      return STEP_FAILED;
    }
    try {
      return walk(target, out);
    } finally {
      target.userKey().destroy();
      if (target.aftermarketKey() != null) {
        target.aftermarketKey().destroy();
      }
      if (target.licenseKey() != null) {
        target.licenseKey().destroy();
      }
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  private int walk(Target target, PrintWriter out) {
    HttpRecorder recorder = new HttpRecorder();
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(recorder).build();
    Secp256k1Signer user = Secp256k1Signer.of(target.userKey());
    DimoClient.Builder builder = DimoClient.builder()
        .environment(target.environment())
        .okHttpClient(http);
    if (target.clientId() != null && target.domain() != null) {
      builder.web3Login(target.clientId(), target.domain(), user);
      if (target.licenseKey() != null) {
        // As a backend does today: the Token Exchange is called with the license's token (it
        // refuses a plain user's), for vehicles the owner shared with the license.
        builder.developerLicense(Address.fromHex(target.clientId()), target.domain(),
            Secp256k1Signer.of(target.licenseKey()));
      }
    }
    DimoClient client = builder.build();

    out.println("DIMO walkthrough: " + target.description());
    out.println("user " + user.address() + (privateKeyFile == null ? " (fresh key)" : ""));
    out.println();
    StepRunner runner = new StepRunner(recorder, out);
    long start = System.nanoTime();
    try {
      new Tour(client, target, user, runner).run();
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    steps = runner.results();
    long passed = count(StepResult.Outcome.PASSED);
    long failed = count(StepResult.Outcome.FAILED);
    long skipped = count(StepResult.Outcome.SKIPPED);
    out.println();
    out.printf(Locale.ROOT, "%d steps: %d passed, %d failed, %d skipped in %.1f s%n",
        steps.size(), passed, failed, skipped, (System.nanoTime() - start) / 1e9);
    out.flush();
    return failed == 0 ? OK : STEP_FAILED;
  }

  private long count(StepResult.Outcome outcome) {
    return steps.stream().filter(step -> step.outcome() == outcome).count();
  }

  private boolean remote() {
    return environment != null || devicesUrl != null || authUrl != null
        || tokenExchangeUrl != null;
  }

  // --- embedded sandbox ----------------------------------------------------------------------

  private DimoSandbox startSandbox() {
    DimoSandbox.Builder builder = DimoSandbox.builder();
    if (chainId != null) {
      builder.chainId(chainId);
    }
    if (registry != null) {
      builder.registryAddress(registry);
    }
    if (vehicleNftContract != null) {
      builder.vehicleNftContract(vehicleNftContract);
    }
    if (clientId != null) {
      builder.clientId(clientId);
    }
    if (domain != null) {
      builder.domain(domain);
    }
    return builder.start();
  }

  /** The sandbox's own values for every input; options given on the command line win. */
  private Target sandboxTarget(DimoSandbox sandbox) throws BadOption {
    Environment env = sandbox.environment();
    AftermarketDevice device = sandbox.aftermarketDevices().get(0);
    String serial = aftermarketSerial != null ? aftermarketSerial : device.serial();
    PrivateKey deviceKey;
    if (aftermarketKeyFile != null) {
      deviceKey = load("--aftermarket-key-file", aftermarketKeyFile);
    } else {
      deviceKey = sandbox.aftermarketDevices().stream()
          .filter(d -> d.serial().equalsIgnoreCase(serial))
          .findFirst()
          .map(AftermarketDevice::privateKey)
          .orElse(null);
    }
    PrivateKey user = userKey(deviceKey);
    // The owner logs in on a provisioned developer license's client id, as "Login with DIMO"
    // does: the sandbox then treats the vehicles as shared with that license, whose API key the
    // license steps log in with. With --client-id the sandbox registers that id instead.
    String owner = sandbox.clientId();
    String ownerDomain = sandbox.domain();
    PrivateKey licenseKey = licenseKeyFile == null ? null
        : load("--license-key-file", licenseKeyFile);
    if (clientId == null) {
      DeveloperLicense license = sandbox.developerLicenses().get(0);
      owner = license.address().toChecksumHex();
      ownerDomain = license.redirectUri();
      if (licenseKey == null) {
        licenseKey = license.apiKey();
      }
    }
    return new Target("embedded sandbox at " + sandbox.devicesUrl() + " (chain "
        + sandbox.chainId() + ")", env, owner, ownerDomain, user, country,
        vin != null ? vin : sandbox.deviceDefinitions().get(0).sampleVin(),
        smartcarCode != null ? smartcarCode : sandbox.smartcarCode(),
        smartcarRedirectUri != null ? smartcarRedirectUri : sandbox.domain(),
        serial, deviceKey,
        dcnNode != null ? dcnNode : sandbox.dcnNodeId(),
        syntheticDeviceTokenId != null ? syntheticDeviceTokenId
            : sandbox.syntheticDeviceTokenIds().get(0),
        licenseKey, timeout());
  }

  // --- remote services -----------------------------------------------------------------------

  private Target remoteTarget() throws BadOption {
    Environment.Builder env;
    if (environment == null) {
      List<String> missing = new ArrayList<>();
      addIfNull(missing, devicesUrl, "--devices-url");
      addIfNull(missing, authUrl, "--auth-url");
      addIfNull(missing, tokenExchangeUrl, "--token-exchange-url");
      addIfNull(missing, chainId, "--chain-id");
      addIfNull(missing, registry, "--registry");
      addIfNull(missing, vehicleNftContract, "--vehicle-nft-contract");
      if (!missing.isEmpty()) {
        throw new BadOption("remote mode needs " + String.join(", ", missing)
            + " (or --environment dev|production)");
      }
      env = Environment.builder().name("remote");
    } else {
      env = switch (environment.toLowerCase(Locale.ROOT)) {
        case "dev" -> Environment.DEV.newBuilder();
        case "production", "prod" -> Environment.PRODUCTION.newBuilder();
        default -> throw new BadOption(
            "--environment must be dev or production, not '" + environment + "'");
      };
    }
    try {
      if (devicesUrl != null) {
        env.devicesUrl(devicesUrl);
      }
      if (authUrl != null) {
        env.authUrl(authUrl);
      }
      if (tokenExchangeUrl != null) {
        env.tokenExchangeUrl(tokenExchangeUrl);
      }
      if (chainId != null) {
        env.chainId(chainId);
      }
    } catch (IllegalArgumentException e) {
      throw new BadOption(e.getMessage());
    }
    if (registry != null) {
      env.registryAddress(registry);
    }
    if (vehicleNftContract != null) {
      env.vehicleNftContract(vehicleNftContract);
    }
    Environment built = env.build();
    PrivateKey deviceKey = aftermarketKeyFile == null ? null
        : load("--aftermarket-key-file", aftermarketKeyFile);
    PrivateKey user = userKey(deviceKey);
    return new Target(built.name() + " services at " + built.devicesUrl() + " (chain "
        + built.chainId() + ")", built, clientId, domain, user, country, vin, smartcarCode,
        smartcarRedirectUri, aftermarketSerial, deviceKey, dcnNode, syntheticDeviceTokenId,
        licenseKeyFile == null ? null : load("--license-key-file", licenseKeyFile), timeout());
  }

  /** The user's key; destroys {@code deviceKey} (loaded before it) when it cannot be had. */
  private PrivateKey userKey(PrivateKey deviceKey) throws BadOption {
    try {
      timeout(); // the last option to check: nothing can fail once the key exists
      return privateKeyFile == null
          ? PrivateKey.generate(new SecureRandom())
          : load("--private-key-file", privateKeyFile);
    } catch (BadOption e) {
      if (deviceKey != null) {
        deviceKey.destroy();
      }
      throw e;
    }
  }

  private Duration timeout() throws BadOption {
    if (timeoutSeconds <= 0) {
      throw new BadOption("--timeout must be positive, not " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }

  private static PrivateKey load(String option, Path file) throws BadOption {
    try {
      return KeyFiles.load(option, file);
    } catch (KeyFiles.BadKeyFile e) {
      throw new BadOption(e.getMessage());
    }
  }

  private static void addIfNull(List<String> missing, Object value, String option) {
    if (value == null) {
      missing.add(option);
    }
  }

  /** An option value that cannot be used; the message is the one line the user sees. */
  private static final class BadOption extends Exception {
    private static final long serialVersionUID = 1L;

    BadOption(String message) {
      super(message, null, false, false);
    }
  }

  /** Parses {@code --registry} and {@code --vehicle-nft-contract}. */
  static final class AddressConverter implements CommandLine.ITypeConverter<Address> {
    @Override
    public Address convert(String value) {
      try {
        return Address.fromHex(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not an address (0x and 40 hex digits, EIP-55 if mixed case)");
      }
    }
  }

  /** The SDK version, from the jar's manifest when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Walkthrough.class.getPackage().getImplementationVersion();
      return new String[] {"dimo-walkthrough " + (version == null ? "(development build)" : version)};
    }
  }
}
