package zone.dimo.sdk.sandbox;

import java.util.Objects;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.PrivateKey;

/**
 * A developer license provisioned in every sandbox, the way a third-party backend authenticates
 * to DIMO today: it logs in through the Web3 challenge with {@code client_id} = {@code address} =
 * {@link #address()}, {@code domain} = {@link #redirectUri()}, and signs the challenge (EIP-191)
 * with its {@link #apiKey() API key}. The real service checks that signature with ERC-1271
 * {@code isValidSignature} on the license contract; the sandbox accepts it when it recovers to
 * the license's registered API key.
 *
 * <p>The token exchange gives a license a vehicle token only for permissions the vehicle's owner
 * shared with it: {@link DimoSandbox#sharePermissions} or, with
 * {@link DimoSandbox.Builder#loginSharesAllVehicles(boolean)}, an owner's login with the
 * license's client id.
 *
 * <p>The API keys are derived from public strings: test keys known to anyone, never to be used on
 * a real chain.
 */
public final class DeveloperLicense {
  private final Address address;
  private final String redirectUri;
  private final byte[] apiKey;

  DeveloperLicense(Address address, String redirectUri, byte[] apiKey) {
    this.address = address;
    this.redirectUri = redirectUri;
    this.apiKey = apiKey.clone();
  }

  /**
   * {@return the license's contract address: its {@code client_id} and the login {@code address}}
   */
  public Address address() {
    return address;
  }

  /** {@return the redirect URI registered on the license: the login's {@code domain}} */
  public String redirectUri() {
    return redirectUri;
  }

  /** {@return a new copy of the license's API key on each call; destroy it when done} */
  public PrivateKey apiKey() {
    return PrivateKey.fromBytes(apiKey.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeveloperLicense && ((DeveloperLicense) o).address.equals(address);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address);
  }

  @Override
  public String toString() {
    return "DeveloperLicense[address=" + address + ", redirectUri=" + redirectUri + "]";
  }
}
