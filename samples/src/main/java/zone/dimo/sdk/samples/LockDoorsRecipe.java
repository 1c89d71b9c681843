package zone.dimo.sdk.samples;

import java.security.SecureRandom;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.TokenProvider;
import zone.dimo.sdk.devices.model.CommandResponse;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.signing.EthSigner;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * Recipe: lock and unlock a vehicle's doors. Commands need a vehicle token for the vehicle's NFT
 * with {@code privilege:ExecuteCommands}; a client with a login gets one from the Token Exchange
 * API (by the vehicle's asset DID) on the first command and reuses it until shortly before it
 * expires. The only thing a command needs is the vehicle's token id.
 *
 * <p>Runs against an embedded sandbox (it mints a vehicle first, as {@link MintVehicleRecipe}):
 * {@code java -cp samples/target/dimo-walkthrough.jar zone.dimo.sdk.samples.LockDoorsRecipe}.
 */
public final class LockDoorsRecipe {
  private LockDoorsRecipe() {}

  public static void main(String[] args) {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      PrivateKey wallet = PrivateKey.generate(new SecureRandom());
      EthSigner owner = Secp256k1Signer.of(wallet);
      DimoClient client = DimoClient.builder()
          .environment(sandbox.environment())
          .web3Login(sandbox.clientId(), sandbox.domain(), owner)
          .build();
      long tokenId = MintVehicleRecipe.mintSampleVehicle(client, owner, sandbox);

      CommandResponse locked = client.vehicleCommands().lockDoors(tokenId).execute();
      System.out.println("Lock requested: " + locked.requestId());
      CommandResponse unlocked = client.vehicleCommands().unlockDoors(tokenId).execute();
      System.out.println("Unlock requested: " + unlocked.requestId());
      wallet.destroy();
    }
  }
}
