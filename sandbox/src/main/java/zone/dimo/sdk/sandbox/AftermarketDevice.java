package zone.dimo.sdk.sandbox;

import java.util.Objects;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.PrivateKey;

/**
 * An aftermarket device provisioned in every sandbox: minted on the sandbox chain (it has an NFT
 * token id) and not yet claimed. Its key signs the device side of a claim (and of a pair between
 * different owners) and can confirm a VIN ({@code PATCH .../vin} with the device's signature of
 * {@code keccak256(vin)}).
 *
 * <p>The keys are derived from public strings: they are test keys known to anyone, never to be
 * used on a real chain.
 */
public final class AftermarketDevice {
  private final String serial;
  private final Address address;
  private final long tokenId;
  private final String manufacturer;
  private final byte[] key;

  AftermarketDevice(String serial, Address address, long tokenId, String manufacturer, byte[] key) {
    this.serial = serial;
    this.address = address;
    this.tokenId = tokenId;
    this.manufacturer = manufacturer;
    this.key = key.clone();
  }

  /**
   * {@return the serial number (an AutoPi unit id or a Macaron serial), as the by-serial paths take
   * it}
   */
  public String serial() {
    return serial;
  }

  /** {@return the device's Ethereum address} */
  public Address address() {
    return address;
  }

  /** {@return the device's NFT token id (its {@code aftermarketDeviceNode})} */
  public long tokenId() {
    return tokenId;
  }

  /** {@return the manufacturer name ("AutoPi" or "Hashdog")} */
  public String manufacturer() {
    return manufacturer;
  }

  /** {@return a new copy of the device's private key on each call; destroy it when done} */
  public PrivateKey privateKey() {
    return PrivateKey.fromBytes(key.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AftermarketDevice && ((AftermarketDevice) o).serial.equals(serial);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serial);
  }

  @Override
  public String toString() {
    return "AftermarketDevice[serial=" + serial + ", address=" + address + ", tokenId=" + tokenId + "]";
  }
}
