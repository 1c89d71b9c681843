package zone.dimo.sdk.sandbox;

import java.util.Objects;
import zone.dimo.sdk.sandbox.internal.Provisioned;

/**
 * A device definition the sandbox knows: {@code POST /v1/user/devices} takes its {@link #id()},
 * and the sandbox's VIN decoder maps VINs starting with its {@link #wmi()} to it.
 */
public final class DeviceDefinition {
  private final Provisioned.Definition definition;
  private final String id;
  private final String nameSlug;
  private final String make;
  private final String model;
  private final int year;
  private final long manufacturerTokenId;
  private final String wmi;

  DeviceDefinition(Provisioned.Definition definition) {
    this.definition = definition;
    this.id = definition.id;
    this.nameSlug = definition.nameSlug;
    this.make = definition.make;
    this.model = definition.model;
    this.year = definition.year;
    this.manufacturerTokenId = definition.manufacturerTokenId;
    this.wmi = definition.wmi;
  }

  /** {@return the device definition id ({@code deviceDefinitionId})} */
  public String id() {
    return id;
  }

  /** {@return the on-chain name slug, the mint payload's {@code deviceDefinitionId}} */
  public String nameSlug() {
    return nameSlug;
  }

  /** {@return the make, e.g. {@code Tesla}} */
  public String make() {
    return make;
  }

  /** {@return the model, e.g. {@code Model 3}} */
  public String model() {
    return model;
  }

  /** {@return the model year} */
  public int year() {
    return year;
  }

  /** {@return the make's manufacturer NFT token id, the mint payload's {@code manufacturerNode}} */
  public long manufacturerTokenId() {
    return manufacturerTokenId;
  }

  /**
   * {@return the world manufacturer identifier: the first three characters of this definition's
   * VINs}
   */
  public String wmi() {
    return wmi;
  }

  /** {@return a VIN (with a valid check digit) that the sandbox decodes to this definition} */
  public String sampleVin() {
    return definition.sampleVin();
  }

  /**
   * Another VIN of this definition (valid check digit), for tests that need several vehicles:
   * {@code serial} fills positions 12-17. {@link #sampleVin()} is {@code vin(100001)}; the
   * sandbox's Smartcar connection uses serials from 200001 up for the Tesla definition.
   *
   * @param serial 0..999999
   * @return the VIN
   * @throws IllegalArgumentException if {@code serial} is outside 0..999999
   */
  public String vin(int serial) {
    if (serial < 0 || serial > 999999) {
      throw new IllegalArgumentException("serial must be 0..999999, was " + serial);
    }
    return definition.vin(serial);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeviceDefinition && ((DeviceDefinition) o).id.equals(id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id);
  }

  @Override
  public String toString() {
    return "DeviceDefinition[" + id + ", " + year + " " + make + " " + model + ", wmi=" + wmi + "]";
  }
}
