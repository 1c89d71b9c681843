package zone.dimo.sdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.devices.model.CommandResponse;
import zone.dimo.sdk.devices.model.CreateVehicleRequest;
import zone.dimo.sdk.devices.model.UserDeviceResponse;
import zone.dimo.sdk.errors.BadRequestException;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * The whole journey against the embedded DIMO sandbox (real signature checks): Web3 login,
 * create a vehicle, confirm its VIN, mint, wait for the mint, exchange a privilege token and
 * lock the doors.
 */
@ExtendWith(DimoSandboxExtension.class)
class DimoClientOnSandboxTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

  private static DimoClient client(DimoSandbox sandbox, Secp256k1Signer user) {
    return DimoClient.builder()
        .environment(sandbox.environment())
        .web3Login(sandbox.clientId(), sandbox.domain(), user)
        .pollInterval(Duration.ofMillis(10))
        .build();
  }

  @Test
  void loginCreateMintWaitAndLockDoors(DimoSandbox sandbox) {
    Secp256k1Signer user = Secp256k1Signer.of(PrivateKey.fromHex(
        "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4"));
    DimoClient client = client(sandbox, user);
    DeviceDefinition definition = sandbox.deviceDefinitions().get(0);
    AftermarketDevice device = sandbox.aftermarketDevices().get(0);

    UserDeviceResponse created = client.userDevices().createVehicle(
        CreateVehicleRequest.builder().countryCode("USA").deviceDefinitionId(definition.id()).build()).execute();
    String userDeviceId = created.userDevice().id();
    assertNotNull(userDeviceId);

    // The sandbox checks the device's signature of keccak256(VIN) as the service does.
    client.confirmVin(userDeviceId, definition.sampleVin(), Secp256k1Signer.of(device.privateKey()));

    client.mintVehicle(userDeviceId, user, PNG);
    long tokenId = client.waitForMint(userDeviceId, Duration.ofSeconds(30));

    CommandResponse locked = client.vehicleCommands().lockDoors(tokenId).execute();
    assertNotNull(locked.requestId());
  }

  @Test
  void mintingTwiceIsRefusedByTheService(DimoSandbox sandbox) {
    Secp256k1Signer user = Secp256k1Signer.of(PrivateKey.fromHex(
        "0x0000000000000000000000000000000000000000000000000000000000000002"));
    DimoClient client = client(sandbox, user);

    BadRequestException e = assertThrows(BadRequestException.class, () -> client.mintVehicle(
        client.userDevices().createVehicle(CreateVehicleRequest.builder()
            .countryCode("USA").deviceDefinitionId(sandbox.deviceDefinitions().get(0).id()).build()).execute()
            .userDevice().id(), user, PNG));

    assertEquals("getMintPayload", e.operationId());
    assertEquals("VIN not confirmed", e.errorMessage());
  }
}
