package zone.dimo.sdk.samples;

import java.security.SecureRandom;
import java.time.Duration;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.TokenProvider;
import zone.dimo.sdk.VehicleTokenProvider;
import zone.dimo.sdk.devices.model.CreateVehicleFromVinRequest;
import zone.dimo.sdk.devices.model.UserDevice;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.signing.EthSigner;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * Recipe: mint a vehicle as an NFT. Log in with a wallet, create the vehicle from its VIN, have
 * the VIN confirmed, then let {@link DimoClient#mintVehicle} fetch, check, sign and submit the
 * EIP-712 mint payload, and wait for the NFT's token id.
 *
 * <p>Runs against an embedded sandbox, so it needs no account:
 * {@code java -cp samples/target/dimo-walkthrough.jar zone.dimo.sdk.samples.MintVehicleRecipe}.
 * Against DIMO, build the client with {@code .environment(Environment.DEV)} (or
 * {@code PRODUCTION}) and your developer license's client id and redirect URI instead.
 */
public final class MintVehicleRecipe {
  private MintVehicleRecipe() {}

  public static void main(String[] args) {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      PrivateKey wallet = PrivateKey.generate(new SecureRandom());
      EthSigner owner = Secp256k1Signer.of(wallet);
      DimoClient client = DimoClient.builder()
          .environment(sandbox.environment())
          .web3Login(sandbox.clientId(), sandbox.domain(), owner)
          .build();

      long tokenId = mintSampleVehicle(client, owner, sandbox);
      System.out.println("Minted vehicle NFT " + tokenId + " owned by " + owner.address());
      wallet.destroy();
    }
  }

  /** Creates a vehicle from one of the sandbox's VINs, mints it and returns its NFT token id. */
  static long mintSampleVehicle(DimoClient client, EthSigner owner, DimoSandbox sandbox) {
    UserDevice vehicle = client.userDevices().createVehicleFromVin(
        CreateVehicleFromVinRequest.builder()
            .countryCode("USA")
            .vin(sandbox.deviceDefinitions().get(0).sampleVin()).build()).execute()
        .userDevice();

    // Only a confirmed VIN can be minted. An aftermarket device confirms it by signing
    // keccak256(VIN) with its own key (Smartcar and AutoPi connections do this on DIMO's side).
    PrivateKey deviceKey = sandbox.aftermarketDevices().get(0).privateKey();
    try {
      client.confirmVin(vehicle.id(), vehicle.vin(), Secp256k1Signer.of(deviceKey));
    } finally {
      deviceKey.destroy();
    }

    // Fetches the payload, refuses it unless its domain is this environment's (chain id,
    // registry), signs it with the owner's key and submits it with the NFT's image.
    client.mintVehicle(vehicle.id(), owner, SampleImages.vehiclePng());
    // The mint is an on-chain transaction: poll until it is confirmed.
    return client.waitForMint(vehicle.id(), Duration.ofMinutes(2));
  }
}
