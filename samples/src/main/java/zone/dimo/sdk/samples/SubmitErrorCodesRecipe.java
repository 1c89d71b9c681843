package zone.dimo.sdk.samples;

import java.security.SecureRandom;
import java.util.List;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.TokenProvider;
import zone.dimo.sdk.devices.model.CreateVehicleRequest;
import zone.dimo.sdk.devices.model.ErrorCodeDescription;
import zone.dimo.sdk.devices.model.ErrorCodeQuery;
import zone.dimo.sdk.devices.model.ErrorCodesResult;
import zone.dimo.sdk.devices.model.SubmitErrorCodesRequest;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.signing.EthSigner;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * Recipe: record diagnostic trouble codes for a vehicle, read them back with their descriptions,
 * and mark them cleared. At most 100 codes per submission, each 5 to 8 characters; clearing
 * applies to the latest submission, and clearing it twice is a 400.
 *
 * <p>Runs against an embedded sandbox:
 * {@code java -cp samples/target/dimo-walkthrough.jar zone.dimo.sdk.samples.SubmitErrorCodesRecipe}.
 */
public final class SubmitErrorCodesRecipe {
  private SubmitErrorCodesRecipe() {}

  public static void main(String[] args) {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      PrivateKey wallet = PrivateKey.generate(new SecureRandom());
      EthSigner user = Secp256k1Signer.of(wallet);
      DimoClient client = DimoClient.builder()
          .environment(sandbox.environment())
          .web3Login(sandbox.clientId(), sandbox.domain(), user)
          .build();
      // Error codes belong to a vehicle of the user; it need not be minted.
      String vehicleId = client.userDevices().createVehicle(CreateVehicleRequest.builder()
          .countryCode("USA")
          .deviceDefinitionId(sandbox.deviceDefinitions().get(0).id()).build()).execute()
          .userDevice().id();

      ErrorCodesResult submitted = client.errorCodes().submitErrorCodes(vehicleId,
          SubmitErrorCodesRequest.builder()
              .errorCodes(List.of("P0113", "P0300")).build()).execute();
      for (ErrorCodeDescription code : submitted.errorCodes()) {
        System.out.println(code.code() + ": " + code.description());
      }

      for (ErrorCodeQuery query :
          client.errorCodes().listErrorCodes(vehicleId).execute().queries()) {
        System.out.println("Submitted at " + query.requestedAt() + ", cleared at "
            + query.clearedAt());
      }

      ErrorCodesResult cleared = client.errorCodes().clearErrorCodes(vehicleId).execute();
      System.out.println("Cleared at " + cleared.clearedAt());
      wallet.destroy();
    }
  }
}
