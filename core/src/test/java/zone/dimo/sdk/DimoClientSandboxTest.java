package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import zone.dimo.sdk.devices.model.CommandResponse;
import zone.dimo.sdk.devices.model.CreateVehicleRequest;
import zone.dimo.sdk.devices.model.UserDeviceResponse;
import zone.dimo.sdk.sandbox.AftermarketDevice;
import zone.dimo.sdk.sandbox.DeviceDefinition;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.DimoSandboxExtension;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * The whole journey against the embedded DIMO sandbox (real signature checks): Web3 login,
 * create a vehicle, confirm its VIN, mint, wait for the mint, exchange a privilege token and
 * lock the doors.
 */
@ExtendWith(DimoSandboxExtension.class)
class DimoClientSandboxTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

  private static DimoClient client(DimoSandbox sandbox, Secp256k1Signer user) {
    return DimoClient.builder()
        .environment(Environment.DEV.newBuilder().name("sandbox")
            .devicesUrl(sandbox.devicesUrl())
            .authUrl(sandbox.authUrl())
            .tokenExchangeUrl(sandbox.tokenExchangeUrl())
            .chainId(sandbox.chainId())
            .registryAddress(sandbox.registryAddress())
            .vehicleNftContract(sandbox.vehicleNftContract())
            .build())
        .userToken(TokenProvider.web3Login(sandbox.clientId(), sandbox.domain(), user))
        .vehicleTokens(VehicleTokenProvider.tokenExchange())
        .pollInterval(Duration.ofMillis(10))
        .build();
  }

  @Test
  void loginCreateMintWaitAndLockDoors(DimoSandbox sandbox) {
    Secp256k1Signer user = Secp256k1Signer.of(PrivateKey.fromHex(TestSupport.PRIVATE_KEY_HEX));
    DimoClient client = client(sandbox, user);
    DeviceDefinition definition = sandbox.deviceDefinitions().get(0);
    AftermarketDevice device = sandbox.aftermarketDevices().get(0);

    UserDeviceResponse created = client.execute(client.userDevices().createVehicle(
        new CreateVehicleRequest().countryCode("USA").deviceDefinitionId(definition.id())));
    String userDeviceId = created.getUserDevice().getId();
    assertNotNull(userDeviceId);

    // The sandbox checks the device's signature of keccak256(VIN) as the service does.
    client.confirmVin(userDeviceId, definition.sampleVin(), Secp256k1Signer.of(device.privateKey()));

    client.mintVehicle(userDeviceId, user, PNG);
    long tokenId = client.waitForMint(userDeviceId, Duration.ofSeconds(30));

    CommandResponse locked = client.execute(client.vehicleCommands().lockDoors(tokenId));
    assertNotNull(locked.getRequestId());
  }

  @Test
  void mintingTwiceIsRefusedByTheService(DimoSandbox sandbox) {
    Secp256k1Signer user = Secp256k1Signer.of(PrivateKey.fromHex(
        "0x0000000000000000000000000000000000000000000000000000000000000002"));
    DimoClient client = client(sandbox, user);

    BadRequestException e = assertThrows(BadRequestException.class, () -> client.mintVehicle(
        client.execute(client.userDevices().createVehicle(new CreateVehicleRequest()
            .countryCode("USA").deviceDefinitionId(sandbox.deviceDefinitions().get(0).id())))
            .getUserDevice().getId(), user, PNG));

    assertEquals("getMintPayload", e.operationId());
    assertEquals("VIN not confirmed", e.errorMessage());
  }
}
