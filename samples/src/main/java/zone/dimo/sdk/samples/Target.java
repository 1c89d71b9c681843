package zone.dimo.sdk.samples;

import java.time.Duration;
import java.util.Objects;
import zone.dimo.sdk.Environment;
import zone.dimo.sdk.signing.PrivateKey;

/**
 * Everything the walkthrough runs against, resolved from the command line or from the embedded
 * sandbox. Step inputs that were not given are null; the steps that need them are skipped.
 *
 * @param description where the walkthrough runs, for the heading line
 * @param environment URLs and chain constants for the client
 * @param clientId developer license client id for the login, or null
 * @param domain redirect URI registered for the client id, or null
 * @param userKey the user's wallet key
 * @param countryCode alpha-3 country code for new vehicles
 * @param vin VIN for the vehicle created from a VIN, or null
 * @param smartcarCode Smartcar authorization code, or null
 * @param smartcarRedirectUri redirect URI the Smartcar code was issued for, or null
 * @param aftermarketSerial serial of an aftermarket device to claim, pair and unpair, or null
 * @param aftermarketKey that device's key, or null
 * @param dcnNode a DCN node id for the public lookups, or null
 * @param syntheticDeviceTokenId a synthetic device token id for the public lookups, or null
 * @param licenseKey an API key of the developer license whose address is {@code clientId}, or
 *     null (the developer-license steps are then skipped)
 * @param timeout how long to wait for each mint, claim, pair and unpair to be confirmed
 */
record Target(String description, Environment environment, String clientId, String domain,
    PrivateKey userKey, String countryCode, String vin, String smartcarCode,
    String smartcarRedirectUri, String aftermarketSerial, PrivateKey aftermarketKey,
    String dcnNode, Long syntheticDeviceTokenId, PrivateKey licenseKey, Duration timeout) {

  Target {
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(environment, "environment == null");
    Objects.requireNonNull(userKey, "userKey == null");
    Objects.requireNonNull(countryCode, "countryCode == null");
    Objects.requireNonNull(timeout, "timeout == null");
  }

  @Override
  public String toString() {
    return "Target[" + description + ", user=" + userKey.address() + "]";
  }
}
