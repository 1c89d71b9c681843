package zone.dimo.sdk.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import zone.dimo.sdk.signing.Keccak256;

/**
 * The fixed data every sandbox starts with: three device definitions (one per WMI) and three
 * aftermarket devices whose keys are derived from public strings — they are test keys, known to
 * anyone, never to be used on a real chain.
 */
public final class Provisioned {
  private Provisioned() {}

  /** A device definition the sandbox VIN decoder knows. */
  public static final class Definition {
    public final String id;
    public final String nameSlug;
    public final String make;
    public final String model;
    public final int year;
    public final long manufacturerTokenId;
    public final String wmi;
    final String vds;
    final char yearCode;
    final char plant;

    Definition(String id, String nameSlug, String make, String model, int year,
        long manufacturerTokenId, String wmi, String vds, char yearCode, char plant) {
      this.id = id;
      this.nameSlug = nameSlug;
      this.make = make;
      this.model = model;
      this.year = year;
      this.manufacturerTokenId = manufacturerTokenId;
      this.wmi = wmi;
      this.vds = vds;
      this.yearCode = yearCode;
      this.plant = plant;
    }

    /** A VIN of this definition with a valid check digit; serial 0..999999. */
    public String vin(int serial) {
      return Vins.build(wmi, vds, yearCode, plant, serial);
    }

    /** The sample VIN documented for this definition. */
    public String sampleVin() {
      return vin(100001);
    }

    String displayName() {
      return year + " " + make + " " + model;
    }
  }

  /** An aftermarket device minted on the sandbox chain, not yet claimed. */
  public static final class Device {
    public final String serial;
    public final long tokenId;
    public final String manufacturer;
    public final long manufacturerTokenId;
    final byte[] privateKey;

    Device(String serial, long tokenId, String manufacturer, long manufacturerTokenId, String seed) {
      this.serial = serial;
      this.tokenId = tokenId;
      this.manufacturer = manufacturer;
      this.manufacturerTokenId = manufacturerTokenId;
      this.privateKey = Keccak256.hash(seed.getBytes(StandardCharsets.UTF_8));
    }

    /** The 32 key bytes, copied. */
    public byte[] privateKey() {
      return privateKey.clone();
    }
  }

  public static final List<Definition> DEFINITIONS = Collections.unmodifiableList(Arrays.asList(
      new Definition("22B4ZZ8pV3bUeH1tYbC3d7Ford0", "ford_bronco_2022", "Ford", "Bronco", 2022,
          42, "1FM", "EE5DP", 'N', 'A'),
      new Definition("22B4ZZ8pV3bUeH1tYbC3d7Tesla", "tesla_model-3_2021", "Tesla", "Model 3", 2021,
          57, "5YJ", "3E1EA", 'M', 'F'),
      new Definition("22B4ZZ8pV3bUeH1tYbC3d7Toyot", "toyota_rav4_2023", "Toyota", "RAV4", 2023,
          130, "JTM", "RWRFV", 'P', 'D')));

  public static final List<Device> DEVICES;

  static {
    List<Device> devices = new ArrayList<>();
    devices.add(new Device("7d5e5a1b-2c3f-4e6a-9b8c-0d1e2f3a4b5c", 1337, "AutoPi", 136,
        "dimo-sandbox aftermarket device 1"));
    devices.add(new Device("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", 1338, "AutoPi", 136,
        "dimo-sandbox aftermarket device 2"));
    devices.add(new Device("59400000123", 1339, "Hashdog", 137,
        "dimo-sandbox aftermarket device 3"));
    DEVICES = Collections.unmodifiableList(devices);
  }

  /**
   * A developer license: a contract address (its {@code client_id}), a registered redirect URI and
   * an API key (a private key registered as a signer of the license). The address is derived from
   * a public string, like the keys: there is no contract behind it, the sandbox answers the
   * ERC-1271 question ("is this a signer of the license?") itself.
   */
  public static final class License {
    public final String name;
    public final byte[] address;
    public final String redirectUri;
    final byte[] apiKey;

    License(String name, String redirectUri) {
      this.name = name;
      // Last 20 bytes of a hash, the way a CREATE2-style address looks; no key exists for it.
      byte[] hash = Keccak256.hash(("dimo-sandbox developer license " + name + " contract")
          .getBytes(StandardCharsets.UTF_8));
      this.address = Arrays.copyOfRange(hash, 12, 32);
      this.redirectUri = redirectUri;
      this.apiKey = Keccak256.hash(("dimo-sandbox developer license " + name + " api key")
          .getBytes(StandardCharsets.UTF_8));
    }

    /** The 32 API key bytes, copied. */
    public byte[] apiKey() {
      return apiKey.clone();
    }
  }

  public static final List<License> LICENSES = Collections.unmodifiableList(Arrays.asList(
      new License("1", "http://localhost:8080/license-1/callback"),
      new License("2", "http://localhost:8080/license-2/callback")));

  /** Synthetic device token ids with the name of their integration. */
  static final long[] SYNTHETIC_TOKEN_IDS = {512, 513};
  static final String[] SYNTHETIC_INTEGRATIONS = {"Smartcar", "Tesla"};

  /** The DCN name the sandbox knows; its node id is the ENS-style namehash. */
  static final String DCN_NAME = "sandbox.dimo";

  /** First token id handed out to a minted vehicle. */
  static final long FIRST_VEHICLE_TOKEN_ID = 21000;

  /** Integration ids as the service's device-definitions API knows them. */
  static final String SMARTCAR_INTEGRATION_ID = "22N2xaPOq2WW2gAHBHd0Ikn4Zob";
  static final String AUTOPI_INTEGRATION_ID = "27qftVRWQYpVDcO5DltO5Ojbjxk";
}
