package zone.dimo.sdk;

import zone.dimo.sdk.errors.DimoServiceException;

/**
 * Run by {@link OversizedAnswersTest} in a JVM with a 256 MiB heap: calls a server that answers
 * far more than that and prints, per call, what the client threw. Default client settings.
 */
public final class OversizedAnswersMain {
  private OversizedAnswersMain() {
  }

  public static void main(String[] args) {
    String url = args[0];
    DimoClient client = DimoClient.builder()
        .environment(Environment.DEV.newBuilder().devicesUrl(url).authUrl(url)
            .tokenExchangeUrl(url).build())
        .userToken(TokenProvider.of(TestSupport.USER_TOKEN))
        .sleeper(duration -> { })
        .build();
    run("listMyVehicles", () -> client.userDevices().listMyVehicles().execute());
    run("listGeofences", () -> client.geofences().listGeofences().execute());
    run("getAftermarketDeviceMetadata",
        () -> client.nftMetadata().getAftermarketDeviceMetadata(1L).execute());
    System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
  }

  private static void run(String name, Runnable call) {
    try {
      call.run();
      System.out.println(name + ": no failure");
    } catch (DimoServiceException e) {
      System.out.println(name + ": " + e.getClass().getSimpleName() + " " + e.statusCode()
          + ", raw body of " + e.rawBody().length() + " characters");
    } catch (Throwable e) {
      System.out.println(name + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
