package zone.dimo.sdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.devices.model.CreateVehicleRequest;
import zone.dimo.sdk.errors.DimoAuthenticationException;
import zone.dimo.sdk.errors.ForbiddenException;
import zone.dimo.sdk.errors.PermissionDeniedException;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * Core's developer-license login against the sandbox's provisioned licenses: the backend logs in
 * as the license, gets a vehicle token for what the owner shared, and locks the doors; the token
 * exchange refuses it before the share and, in strict mode, refuses the owner's own token.
 */
class DeveloperLicenseOnSandboxTest {
  private static long mintedVehicle(DimoSandbox sandbox, Secp256k1Signer owner) {
    DimoClient client = DimoClient.builder()
        .environment(sandbox.environment())
        .web3Login(sandbox.clientId(), sandbox.domain(), owner)
        .pollInterval(Duration.ofMillis(10))
        .build();
    DeviceDefinition definition = sandbox.deviceDefinitions().get(0);
    String id = client.userDevices().createVehicle(
        CreateVehicleRequest.builder().countryCode("USA").deviceDefinitionId(definition.id()).build()).execute()
        .userDevice().id();
    client.confirmVin(id, definition.sampleVin(), Secp256k1Signer.of(sandbox.aftermarketDevices().get(0).privateKey()));
    client.mintVehicle(id, owner, DimoClientOnSandboxTest.PNG);
    return client.waitForMint(id, Duration.ofSeconds(30));
  }

  private static DimoClient licenseClient(DimoSandbox sandbox, DeveloperLicense license) {
    return DimoClient.builder()
        .environment(sandbox.environment())
        .developerLicense(license.address(), license.redirectUri(), Secp256k1Signer.of(license.apiKey()))
        .build();
  }

  @Test
  void aLicenseLocksTheDoorsOfAVehicleSharedWithIt() {
    try (DimoSandbox sandbox = DimoSandbox.builder().strictDeveloperLicenses(true).loginSharesAllVehicles(false).start()) {
      Secp256k1Signer owner = Secp256k1Signer.of(PrivateKey.fromHex(
          "0x0000000000000000000000000000000000000000000000000000000000000003"));
      long tokenId = mintedVehicle(sandbox, owner);
      DeveloperLicense license = sandbox.developerLicenses().get(0);
      DimoClient backend = licenseClient(sandbox, license);

      DimoAuthenticationException refused = assertThrows(DimoAuthenticationException.class,
          () -> backend.vehicleCommands().lockDoors(tokenId).execute());
      PermissionDeniedException notShared =
          assertInstanceOf(PermissionDeniedException.class, refused.getCause());
      assertEquals("did:erc721:80002:" + sandbox.vehicleNftContract().toChecksumHex() + ":" + tokenId,
          notShared.asset());
      assertEquals(license.address().toChecksumHex(), notShared.grantee());
      assertEquals(java.util.List.of("privilege:ExecuteCommands"), notShared.missingPermissions());
      ForbiddenException answer = assertInstanceOf(ForbiddenException.class, notShared.getCause());
      assertEquals("Address " + license.address().toChecksumHex() + " lacks permissions [2] for asset did:erc721:80002:"
          + sandbox.vehicleNftContract().toChecksumHex() + ":" + tokenId + ".", answer.errorMessage());

      sandbox.sharePermissions(tokenId, license.address(), "privilege:ExecuteCommands");
      assertNotNull(backend.vehicleCommands().lockDoors(tokenId).execute().requestId());
    }
  }

  @Test
  void strictModeRefusesTheOwnersOwnExchange() {
    try (DimoSandbox sandbox = DimoSandbox.builder().strictDeveloperLicenses(true).start()) {
      Secp256k1Signer owner = Secp256k1Signer.of(PrivateKey.fromHex(
          "0x0000000000000000000000000000000000000000000000000000000000000004"));
      long tokenId = mintedVehicle(sandbox, owner);
      DimoClient ownerClient = DimoClient.builder()
          .environment(sandbox.environment())
          .web3Login(sandbox.clientId(), sandbox.domain(), owner)
          .build();
      DimoAuthenticationException e = assertThrows(DimoAuthenticationException.class,
          () -> ownerClient.vehicleCommands().lockDoors(tokenId).execute());
      assertEquals("not a dev license: " + owner.address().toChecksumHex(),
          ((ForbiddenException) e.getCause().getCause()).errorMessage());
      assertTrue(e.getMessage().contains("DimoClient.builder().developerLicense("), e.getMessage());
    }
  }

  @Test
  void anOwnersLoginWithTheLicenseClientIdSharesTheVehicle() {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      Secp256k1Signer owner = Secp256k1Signer.of(PrivateKey.fromHex(
          "0x0000000000000000000000000000000000000000000000000000000000000005"));
      long tokenId = mintedVehicle(sandbox, owner);
      DeveloperLicense license = sandbox.developerLicenses().get(1);
      // "Login with DIMO": the owner logs in on the license's client id (the app's login page).
      DimoClient.builder().environment(sandbox.environment())
          .web3Login(license.address().toChecksumHex(), license.redirectUri(), owner).build()
          .userDevices().listMyVehicles().execute();
      assertNotNull(licenseClient(sandbox, license).vehicleCommands().lockDoors(tokenId).execute().requestId());
    }
  }
}
