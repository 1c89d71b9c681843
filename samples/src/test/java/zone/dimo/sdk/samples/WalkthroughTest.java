package zone.dimo.sdk.samples;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zone.dimo.sdk.sandbox.AftermarketDevice;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.signing.PrivateKey;

class WalkthroughTest {
  @TempDir
  Path dir;

  private DimoSandbox sandbox;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startSandbox() {
    sandbox = DimoSandbox.start();
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  @Test
  void embeddedSandboxRunPassesEveryStepInOrder() {
    Walkthrough.Outcome outcome = run();

    assertEquals(Walkthrough.OK, outcome.exitCode(), out::toString);
    assertEquals(Tour.STEP_NAMES, names(outcome));
    for (StepResult step : outcome.steps()) {
      assertEquals(StepResult.Outcome.PASSED, step.outcome(), step::line);
      assertTrue(step.httpStatus() >= 200 && step.httpStatus() < 300, step::line);
    }
    String printed = out.toString();
    assertTrue(printed.contains("embedded sandbox"), printed);
    assertTrue(printed.contains("35 steps: 35 passed, 0 failed, 0 skipped"), printed);
    assertEquals("", err.toString());
  }

  @Test
  void statusesAreTheOnesTheServerSent() {
    Map<String, StepResult> steps = byName(run());

    assertAll(
        () -> assertStep(steps, "auth.login", "submitChallenge", 200),
        () -> assertStep(steps, "vehicle.createFromVin", "createVehicleFromVin", 201),
        () -> assertStep(steps, "vehicle.confirmVin", "updateVin", 204),
        () -> assertStep(steps, "mint.submit", "submitMint", 200),
        () -> assertStep(steps, "mint.wait", "listMyVehicles", 200),
        () -> assertStep(steps, "vehicle.refresh", "refreshData", 204),
        () -> assertStep(steps, "token.exchange", "exchangeToken", 200),
        // The privilege token from token.exchange is cached: the command is the only call.
        () -> assertStep(steps, "command.lockDoors", "lockDoors", 200),
        () -> assertEquals(1, steps.get("command.lockDoors").calls()),
        () -> assertStep(steps, "geofence.create", "createGeofence", 201),
        () -> assertStep(steps, "geofence.delete", "deleteGeofence", 204),
        () -> assertStep(steps, "aftermarket.claim", "submitClaim", 200),
        () -> assertStep(steps, "aftermarket.unpair", "submitUnpair", 200),
        () -> assertStep(steps, "public.dcnImage", "getDcnImage", 200),
        // The developer license: its own login, an exchange by asset DID, the command.
        () -> assertStep(steps, "license.login", "submitChallenge", 200),
        () -> assertStep(steps, "license.vehicleToken", "exchangeToken", 200),
        () -> assertStep(steps, "license.lockDoors", "lockDoors", 200));
    assertTrue(steps.get("mint.submit").calls() >= 2, "payload fetched, then submitted");
  }

  @Test
  void remoteModeAgainstASeparateSandboxPassesEveryStep() throws IOException {
    AftermarketDevice device = sandbox.aftermarketDevices().get(1);
    Walkthrough.Outcome outcome = run(remoteArguments(device,
        "--vin", sandbox.deviceDefinitions().get(2).sampleVin(),
        "--country", "DEU",
        "--smartcar-code", sandbox.smartcarCode(),
        "--smartcar-redirect-uri", sandbox.domain(),
        "--dcn-node", sandbox.dcnNodeId(),
        "--synthetic-device-token-id", sandbox.syntheticDeviceTokenIds().get(1).toString()));

    assertEquals(Walkthrough.OK, outcome.exitCode(), out::toString);
    assertEquals(Tour.STEP_NAMES, names(outcome));
    for (StepResult step : outcome.steps()) {
      assertEquals(StepResult.Outcome.PASSED, step.outcome(), step::line);
    }
    String printed = out.toString();
    assertTrue(printed.contains("remote services at " + sandbox.devicesUrl()), printed);
    assertTrue(printed.contains(device.serial()), printed);
    for (String key : List.of("user.key", "device.key", "license.key")) {
      String hex = Files.readString(dir.resolve(key)).trim().replaceFirst("^0x", "");
      assertFalse(printed.contains(hex.substring(0, 16)), "the key in the output");
    }
  }

  @Test
  void remoteModeAgainstTodaysStrictTokenExchangePassesEveryStep() throws IOException {
    // Today's exchange refuses a plain user's token ("not a dev license"): with the license's
    // API key the walkthrough exchanges as the license, for the vehicles the owner shared with
    // it on login; the serial is typed in upper case with stray spaces, as printed on a device.
    sandbox.close();
    sandbox = DimoSandbox.builder().strictDeveloperLicenses(true).start();
    AftermarketDevice device = sandbox.aftermarketDevices().get(1);
    List<String> arguments = new ArrayList<>(Arrays.asList(remoteArguments(device,
        "--vin", sandbox.deviceDefinitions().get(2).sampleVin(),
        "--smartcar-code", sandbox.smartcarCode(),
        "--smartcar-redirect-uri", sandbox.domain(),
        "--dcn-node", sandbox.dcnNodeId(),
        "--synthetic-device-token-id", sandbox.syntheticDeviceTokenIds().get(1).toString())));
    arguments.set(arguments.indexOf("--aftermarket-serial") + 1,
        " " + device.serial().toUpperCase(java.util.Locale.ROOT) + " ");

    Walkthrough.Outcome outcome = run(arguments.toArray(new String[0]));

    assertEquals(Walkthrough.OK, outcome.exitCode(), out::toString);
    for (StepResult step : outcome.steps()) {
      assertEquals(StepResult.Outcome.PASSED, step.outcome(), step::line);
    }
  }

  @Test
  void runningAgainWithTheSameKeySkipsWhatIsAlreadyDone() throws IOException {
    String[] arguments = remoteArguments(sandbox.aftermarketDevices().get(2),
        "--vin", sandbox.deviceDefinitions().get(1).sampleVin(),
        "--smartcar-code", sandbox.smartcarCode(),
        "--smartcar-redirect-uri", sandbox.domain(),
        "--dcn-node", sandbox.dcnNodeId(),
        "--synthetic-device-token-id", sandbox.syntheticDeviceTokenIds().get(0).toString());
    assertEquals(Walkthrough.OK, run(arguments).exitCode(), out::toString);

    Walkthrough.Outcome again = run(arguments);

    assertEquals(Walkthrough.OK, again.exitCode(), out::toString);
    Map<String, StepResult> steps = byName(again);
    assertEquals("not needed: the VIN is already confirmed",
        steps.get("vehicle.confirmVin").detail());
    assertTrue(steps.get("mint.submit").detail().startsWith("not needed: vehicle "),
        steps.get("mint.submit")::line);
    assertTrue(steps.get("aftermarket.claim").detail().startsWith("not needed: already claimed"),
        steps.get("aftermarket.claim")::line);
    assertEquals(Set.of("vehicle.confirmVin", "mint.submit", "aftermarket.claim"),
        again.steps().stream().filter(step -> step.outcome() != StepResult.Outcome.PASSED)
            .map(StepResult::name).collect(Collectors.toSet()));
  }

  @Test
  void missingInputsAreSkippedNamingTheOption() {
    Walkthrough.Outcome outcome = run("--devices-url", sandbox.devicesUrl(),
        "--auth-url", sandbox.authUrl(),
        "--token-exchange-url", sandbox.tokenExchangeUrl(),
        "--chain-id", Long.toString(sandbox.chainId()),
        "--registry", sandbox.registryAddress().toString(),
        "--vehicle-nft-contract", sandbox.vehicleNftContract().toString());

    assertEquals(Walkthrough.OK, outcome.exitCode(), out::toString);
    assertEquals(Tour.STEP_NAMES, names(outcome));
    Map<String, StepResult> steps = byName(outcome);
    for (StepResult step : outcome.steps()) {
      assertEquals(StepResult.Outcome.SKIPPED, step.outcome(), step::line);
      assertTrue(step.detail().contains("missing --"), step::line);
      assertEquals(0, step.calls(), step::line);
    }
    assertEquals("missing --client-id", steps.get("auth.login").detail());
    assertEquals("missing --client-id", steps.get("command.lockDoors").detail());
    assertEquals("missing --aftermarket-serial", steps.get("public.aftermarketImage").detail());
    assertEquals("missing --synthetic-device-token-id", steps.get("public.syntheticDevice").detail());
    assertEquals("missing --dcn-node", steps.get("public.dcn").detail());
    assertEquals("missing --client-id (the license address)",
        steps.get("license.login").detail());
    assertTrue(out.toString().contains("35 steps: 0 passed, 0 failed, 35 skipped"), out::toString);
  }

  @Test
  void withLoginOnlyTheStepsNeedingOtherInputsAreSkipped() throws IOException {
    Walkthrough.Outcome outcome = run(remoteArguments(null));

    assertEquals(Walkthrough.OK, outcome.exitCode(), out::toString);
    Map<String, StepResult> steps = byName(outcome);
    assertAll(
        () -> assertEquals(StepResult.Outcome.PASSED, steps.get("auth.login").outcome()),
        () -> assertEquals("missing --vin", steps.get("vehicle.createFromVin").detail()),
        () -> assertEquals("missing --vin", steps.get("vehicle.createFromDefinition").detail()),
        () -> assertEquals("missing --smartcar-code",
            steps.get("vehicle.createFromSmartcar").detail()),
        () -> assertEquals(StepResult.Outcome.PASSED, steps.get("vehicle.list").outcome()),
        () -> assertEquals("missing --vin", steps.get("mint.submit").detail()),
        () -> assertEquals("missing --vin", steps.get("command.openTrunk").detail()),
        () -> assertEquals("no vehicle with a Smartcar integration: missing --smartcar-code",
            steps.get("vehicle.refresh").detail()),
        // Geofences need no vehicle.
        () -> assertEquals(StepResult.Outcome.PASSED, steps.get("geofence.delete").outcome()),
        () -> assertEquals("missing --aftermarket-serial", steps.get("aftermarket.claim").detail()));
    assertTrue(outcome.steps().stream()
        .noneMatch(step -> step.outcome() == StepResult.Outcome.FAILED), out::toString);
  }

  @Test
  void smartcarCodeWithoutRedirectUriSkipsNamingTheOtherOption() throws IOException {
    Walkthrough.Outcome outcome = run(remoteArguments(null, "--smartcar-code",
        sandbox.smartcarCode()));

    assertEquals(Walkthrough.OK, outcome.exitCode(), out::toString);
    assertEquals("missing --smartcar-redirect-uri",
        byName(outcome).get("vehicle.createFromSmartcar").detail());
  }

  @Test
  void aFailingStepGivesANonZeroExitAndSkipsWhatDependsOnIt() throws IOException {
    // The client expects payloads for chain 137; the sandbox signs for 80002, so the SDK refuses
    // to sign the mint payload.
    List<String> arguments = new ArrayList<>(Arrays.asList(remoteArguments(
        sandbox.aftermarketDevices().get(0),
        "--vin", sandbox.deviceDefinitions().get(0).sampleVin())));
    arguments.set(arguments.indexOf("--chain-id") + 1, "137");
    Walkthrough.Outcome outcome = run(arguments.toArray(new String[0]));

    assertEquals(Walkthrough.STEP_FAILED, outcome.exitCode(), out::toString);
    Map<String, StepResult> steps = byName(outcome);
    StepResult mint = steps.get("mint.submit");
    assertEquals(StepResult.Outcome.FAILED, mint.outcome(), mint::line);
    assertTrue(mint.detail().contains("chainId"), mint::line);
    assertEquals("getMintPayload", mint.operation(), mint::line);
    assertEquals("needs mint.submit, which failed", steps.get("mint.wait").detail());
    assertEquals("needs mint.submit, which failed", steps.get("command.lockDoors").detail());
    // The claim payload is refused for the same reason.
    assertEquals(StepResult.Outcome.FAILED, steps.get("aftermarket.claim").outcome());
    assertEquals("needs aftermarket.claim, which failed", steps.get("aftermarket.pair").detail());
    assertTrue(out.toString().contains(" 2 failed"), out::toString);
  }

  @Test
  void unreadableKeyFileIsAOneLineErrorWithoutTheKey() throws IOException {
    Path missing = dir.resolve("absent.key");
    Walkthrough.Outcome outcome = run("--private-key-file", missing.toString());

    assertEquals(Walkthrough.BAD_OPTIONS, outcome.exitCode());
    assertTrue(outcome.steps().isEmpty());
    assertTrue(err.toString().startsWith("dimo-walkthrough: --private-key-file " + missing
        + ": no such file"), err::toString);
    assertEquals("", out.toString());
  }

  @Test
  void malformedKeyFileIsRefusedWithoutPrintingItsContent() throws IOException {
    Path file = dir.resolve("bad.key");
    String secret = "0x" + "ab".repeat(31) + "zz";
    Files.writeString(file, secret);

    Walkthrough.Outcome outcome = run("--private-key-file", file.toString());

    assertEquals(Walkthrough.BAD_OPTIONS, outcome.exitCode());
    assertTrue(err.toString().contains("not a private key"), err::toString);
    assertFalse(err.toString().contains("abab"), err::toString);
  }

  @Test
  void remoteModeWithoutEnvironmentNamesTheMissingOptions() {
    Walkthrough.Outcome outcome = run("--devices-url", sandbox.devicesUrl());

    assertEquals(Walkthrough.BAD_OPTIONS, outcome.exitCode());
    assertTrue(err.toString().contains("remote mode needs --auth-url, --token-exchange-url, "
        + "--chain-id, --registry, --vehicle-nft-contract (or --environment dev|production)"),
        err::toString);
  }

  @Test
  void badOptionValuesAreOneLineErrors() {
    assertEquals(Walkthrough.BAD_OPTIONS, run("--environment", "staging").exitCode());
    assertTrue(err.toString().contains("--environment must be dev or production"), err::toString);
    assertEquals(Walkthrough.BAD_OPTIONS, run("--registry", "0x1234").exitCode());
    assertTrue(err.toString().contains("'0x1234' is not an address"), err::toString);
    assertEquals(Walkthrough.BAD_OPTIONS, run("--chain-id", "polygon").exitCode());
    assertEquals(Walkthrough.BAD_OPTIONS, run("--chain-id", "-1").exitCode());
    assertTrue(err.toString().contains("--chain-id must be positive, not -1"), err::toString);
    assertEquals(Walkthrough.BAD_OPTIONS, run("--timeout", "0").exitCode());
    assertEquals(Walkthrough.BAD_OPTIONS, run("--no-such-option").exitCode());
  }

  @Test
  void environmentOptionUsesDimoConstantsWithOverrides() {
    // Everything is skipped (no login inputs), so nothing is sent to DIMO's hosts.
    Walkthrough.Outcome outcome = run("--environment", "dev");

    assertEquals(Walkthrough.OK, outcome.exitCode(), out::toString);
    assertTrue(out.toString().contains("dev services at https://devices-api.dev.dimo.zone/ (chain 80002)"),
        out::toString);
  }

  @Test
  void helpListsTheOptions() {
    assertEquals(0, run("--help").exitCode());
    String help = out.toString();
    for (String option : List.of("--devices-url", "--auth-url", "--token-exchange-url",
        "--client-id", "--domain", "--private-key-file", "--vehicle-nft-contract", "--chain-id",
        "--registry", "--vin", "--country", "--smartcar-code", "--smartcar-redirect-uri",
        "--aftermarket-serial", "--aftermarket-key-file", "--dcn-node",
        "--synthetic-device-token-id", "--environment")) {
      assertTrue(help.contains(option), option);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private Walkthrough.Outcome run(String... args) {
    return Walkthrough.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** Remote-mode options for {@link #sandbox}, logging in with a fresh key from a file. */
  private String[] remoteArguments(AftermarketDevice device, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of(
        "--devices-url", sandbox.devicesUrl(),
        "--auth-url", sandbox.authUrl(),
        "--token-exchange-url", sandbox.tokenExchangeUrl(),
        // The owner logs in on a developer license's client id (Login with DIMO), which shares
        // the vehicles with it; the license steps log in with its API key.
        "--client-id", sandbox.developerLicenses().get(0).address().toChecksumHex(),
        "--domain", sandbox.developerLicenses().get(0).redirectUri(),
        "--license-key-file", keyFile("license.key", sandbox.developerLicenses().get(0).apiKey())
            .toString(),
        "--private-key-file", keyFile("user.key", PrivateKey.generate(new SecureRandom())).toString(),
        "--vehicle-nft-contract", sandbox.vehicleNftContract().toString(),
        "--chain-id", Long.toString(sandbox.chainId()),
        "--registry", sandbox.registryAddress().toString()));
    if (device != null) {
      args.addAll(List.of("--aftermarket-serial", device.serial(),
          "--aftermarket-key-file", keyFile("device.key", device.privateKey()).toString()));
    }
    args.addAll(Arrays.asList(more));
    return args.toArray(new String[0]);
  }

  private Path keyFile(String name, PrivateKey key) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, (key.exportHex() + "\n").getBytes(StandardCharsets.US_ASCII));
    key.destroy();
    return file;
  }

  private static List<String> names(Walkthrough.Outcome outcome) {
    return outcome.steps().stream().map(StepResult::name).collect(Collectors.toList());
  }

  private static Map<String, StepResult> byName(Walkthrough.Outcome outcome) {
    return outcome.steps().stream()
        .collect(Collectors.toMap(StepResult::name, Function.identity()));
  }

  private static void assertStep(Map<String, StepResult> steps, String name, String operation,
      int status) {
    StepResult step = steps.get(name);
    assertEquals(StepResult.Outcome.PASSED, step.outcome(), step::line);
    assertEquals(operation, step.operation(), step::line);
    assertEquals(status, step.httpStatus(), step::line);
  }
}
