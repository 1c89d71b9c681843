package zone.dimo.sdk.samples;

import java.security.SecureRandom;
import java.util.List;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.TokenProvider;
import zone.dimo.sdk.devices.model.Geofence;
import zone.dimo.sdk.devices.model.GeofenceRequest;
import zone.dimo.sdk.devices.model.GeofenceType;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.signing.EthSigner;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * Recipe: create, list, update and delete a geofence. A geofence is a set of at most 12 H3
 * cells of type {@code PrivacyFence}, {@code TriggerEntry} or {@code TriggerExit}; its name must
 * be unique for the user, and it may be attached to the user's minted vehicles
 * ({@code userDeviceIds}). An update replaces the whole geofence.
 *
 * <p>Runs against an embedded sandbox:
 * {@code java -cp samples/target/dimo-walkthrough.jar zone.dimo.sdk.samples.ManageGeofencesRecipe}.
 */
public final class ManageGeofencesRecipe {
  private ManageGeofencesRecipe() {}

  public static void main(String[] args) {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      PrivateKey wallet = PrivateKey.generate(new SecureRandom());
      EthSigner user = Secp256k1Signer.of(wallet);
      DimoClient client = DimoClient.builder()
          .environment(sandbox.environment())
          .web3Login(sandbox.clientId(), sandbox.domain(), user)
          .build();

      String id = client.geofences().createGeofence(GeofenceRequest.builder()
          .name("Home")
          .type(GeofenceType.TRIGGER_ENTRY)
          .h3Indexes(List.of("8928308280fffff"))
          .userDeviceIds(List.of()).build()).execute()
          .id();
      System.out.println("Created geofence " + id);

      for (Geofence fence : client.geofences().listGeofences().execute().geofences()) {
        System.out.println(fence.name() + " (" + fence.type().value() + "): "
            + fence.h3Indexes());
      }

      client.geofences().updateGeofence(id, GeofenceRequest.builder()
          .name("Home")
          .type(GeofenceType.PRIVACY_FENCE)
          .h3Indexes(List.of("8928308280fffff", "8928308280bffff"))
          .userDeviceIds(List.of()).build()).execute();
      client.geofences().deleteGeofence(id).execute();
      System.out.println("Updated and deleted geofence " + id);
      wallet.destroy();
    }
  }
}
