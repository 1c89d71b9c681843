package zone.dimo.sdk.it;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Properties;
import zone.dimo.sdk.DimoClient;
import zone.dimo.sdk.Environment;
import zone.dimo.sdk.devices.model.CommandResponse;
import zone.dimo.sdk.devices.model.CreateVehicleRequest;
import zone.dimo.sdk.devices.model.Geofence;
import zone.dimo.sdk.devices.model.GeofenceList;
import zone.dimo.sdk.devices.model.GeofenceRequest;
import zone.dimo.sdk.devices.model.GeofenceType;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.PersonalSign;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * A small application of the SDK, as an app would use it. ProGuardShrunkProgramTest shrinks and
 * obfuscates it together with the SDK jars using only the keep rules the jars ship, then runs it
 * against a sandbox. One line per step on standard output; any failure throws (exit status 1).
 *
 * <p>Argument: a properties file with the sandbox's URLs, chain settings, a device definition,
 * an aftermarket device key and the user's key (sandbox test keys).
 */
public final class ShrunkProgram {
  private ShrunkProgram() {
  }

  public static void main(String[] args) throws Exception {
    Properties sandbox = new Properties();
    try (InputStream in = new FileInputStream(args[0])) {
      sandbox.load(in);
    }
    Secp256k1Signer user = Secp256k1Signer.of(PrivateKey.fromHex(sandbox.getProperty("userKey")));
    DimoClient dimo = DimoClient.builder()
        .environment(Environment.builder().name("sandbox")
            .devicesUrl(sandbox.getProperty("devicesUrl"))
            .authUrl(sandbox.getProperty("authUrl"))
            .tokenExchangeUrl(sandbox.getProperty("tokenExchangeUrl"))
            .chainId(Long.parseLong(sandbox.getProperty("chainId")))
            .registryAddress(Address.fromHex(sandbox.getProperty("registryAddress")))
            .vehicleNftContract(Address.fromHex(sandbox.getProperty("vehicleNftContract")))
            .build())
        .web3Login(sandbox.getProperty("clientId"), sandbox.getProperty("domain"), user)
        .pollInterval(Duration.ofMillis(10))
        .build();

    // login: the first user-token call runs the Web3 challenge login
    int vehicles = dimo.userDevices().listMyVehicles().execute().userDevices().size();
    System.out.println("login: " + vehicles + " vehicles");

    String userDeviceId = dimo.userDevices().createVehicle(CreateVehicleRequest.builder()
        .countryCode("USA").deviceDefinitionId(sandbox.getProperty("deviceDefinitionId")).build())
        .execute().userDevice().id();
    dimo.confirmVin(userDeviceId, sandbox.getProperty("vin"),
        Secp256k1Signer.of(PrivateKey.fromHex(sandbox.getProperty("deviceKey"))));
    dimo.mintVehicle(userDeviceId, user, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    long tokenId = dimo.waitForMint(userDeviceId, Duration.ofSeconds(30));
    System.out.println("mint: token id " + tokenId);

    CommandResponse locked = dimo.vehicleCommands().lockDoors(tokenId).execute();
    System.out.println("lock: request id " + (locked.requestId().isEmpty() ? "missing" : "present"));

    String geofenceId = dimo.geofences().createGeofence(GeofenceRequest.builder()
        .name("Home").type(GeofenceType.PRIVACY_FENCE)
        .h3Indexes(Collections.singletonList("8928308280fffff"))
        .userDeviceIds(Collections.singletonList(userDeviceId)).build()).execute().id();
    GeofenceList geofences = dimo.geofences().listGeofences().execute();
    for (Geofence g : geofences.geofences()) {
      if (g.id().equals(geofenceId)) {
        System.out.println("geofence: " + g.name() + " " + g.type().value() + " " + g.h3Indexes()
            + " created " + (g.createdAt() != null));
      }
    }

    // EIP-191 round trip through the shrunk signing code
    byte[] message = "shrunk and obfuscated".getBytes(StandardCharsets.UTF_8);
    Address signer = PersonalSign.signBytes(user, message).recoverSigner(PersonalSign.hashBytes(message));
    System.out.println("signature: recovers the user " + signer.equals(user.address()));
  }
}
