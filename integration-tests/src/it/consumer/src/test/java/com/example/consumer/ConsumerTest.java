package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.devices.model.CreateVehicleRequest;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.DimoSandboxExtension;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

@ExtendWith(DimoSandboxExtension.class)
class ConsumerTest {
  /** The jar file names on this project's test class path: what Maven resolved for it. */
  static List<String> jars() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(path.split(File.pathSeparator))
        .map(entry -> Paths.get(entry).getFileName().toString())
        .filter(name -> name.endsWith(".jar"))
        .sorted()
        .collect(Collectors.toList());
  }

  static List<String> named(String prefix) {
    return jars().stream().filter(name -> name.startsWith(prefix)).collect(Collectors.toList());
  }

  @Test
  void resolvesOneKotlinStdlibOneOkioOneOkHttpAtTheVersionsTheSdkTestsWith() {
    assertEquals(List.of("kotlin-stdlib-" + System.getProperty("expected.kotlin-stdlib") + ".jar"),
        named("kotlin-stdlib"), "all: " + jars());
    assertEquals(List.of("okio-jvm-" + System.getProperty("expected.okio") + ".jar"),
        named("okio"), "all: " + jars());
    assertEquals(List.of("okhttp-jvm-" + System.getProperty("expected.okhttp") + ".jar"),
        named("okhttp"), "all: " + jars());
  }

  @Test
  void mintsAVehicleAndLocksItOnTheSandbox(DimoSandbox sandbox) {
    Secp256k1Signer user = Secp256k1Signer.of(PrivateKey.fromHex(
        "0x0000000000000000000000000000000000000000000000000000000000000003"));
    DimoClient dimo = DimoClient.builder()
        .environment(sandbox.environment())
        .web3Login(sandbox.clientId(), sandbox.domain(), user)
        .pollInterval(Duration.ofMillis(10))
        .build();

    String userDeviceId = dimo.userDevices().createVehicle(CreateVehicleRequest.builder()
        .countryCode("USA").deviceDefinitionId(sandbox.deviceDefinitions().get(0).id()).build())
        .execute().userDevice().id();
    dimo.confirmVin(userDeviceId, sandbox.deviceDefinitions().get(0).sampleVin(),
        Secp256k1Signer.of(sandbox.aftermarketDevices().get(0).privateKey()));
    dimo.mintVehicle(userDeviceId, user, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    long tokenId = dimo.waitForMint(userDeviceId, Duration.ofSeconds(30));

    assertEquals(21000, tokenId);
    assertFalse(dimo.vehicleCommands().lockDoors(tokenId).execute().requestId().isEmpty());
  }
}
