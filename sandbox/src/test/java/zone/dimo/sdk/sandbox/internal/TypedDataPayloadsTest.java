package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.SandboxHttp;
import zone.dimo.sdk.signing.Address;

/**
 * The payloads against the {@code dimo} cases of the shared EIP-712 vectors (copied here: the
 * JSON exactly as the Devices API serialises it, and the digests the vectors give).
 */
class TypedDataPayloadsTest {
  private static final Address OWNER = Address.fromHex("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");
  private static final String DOMAIN_TYPE = "\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"version\",\"type\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\"},"
      + "{\"name\":\"verifyingContract\",\"type\":\"address\"}]";
  private static final String POLYGON_DOMAIN = "\"domain\":{\"name\":\"DIMO\",\"version\":\"1\",\"chainId\":\"0x89\","
      + "\"verifyingContract\":\"0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC\",\"salt\":\"\"}";
  private static final String AMOY_DOMAIN = "\"domain\":{\"name\":\"DIMO\",\"version\":\"1\",\"chainId\":\"0x13882\","
      + "\"verifyingContract\":\"0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c\",\"salt\":\"\"}";

  private static SandboxConfig config(long chainId, String registry) {
    return new SandboxConfig(chainId, Address.fromHex(registry),
        Address.fromHex("0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8"), "client", "domain",
        Duration.ofHours(1), Duration.ofMinutes(10), 0, Duration.ofHours(1), Clock.systemUTC(), "code",
        false, true);
  }

  private static final SandboxConfig POLYGON = config(137, "0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC");
  private static final SandboxConfig AMOY = config(80002, "0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c");

  @Test
  void mintVehicleWithDeviceDefinitionSign() {
    var payload = TypedDataPayloads.mintWithDefinition(POLYGON, 42, OWNER, "ford_bronco_2022",
        TypedDataPayloads.strings("Make", "Model", "Year"), TypedDataPayloads.strings("Ford", "Bronco", "2022"));
    assertEquals("{\"types\":{" + DOMAIN_TYPE + ",\"MintVehicleWithDeviceDefinitionSign\":["
        + "{\"name\":\"manufacturerNode\",\"type\":\"uint256\"},{\"name\":\"owner\",\"type\":\"address\"},"
        + "{\"name\":\"deviceDefinitionId\",\"type\":\"string\"},{\"name\":\"attributes\",\"type\":\"string[]\"},"
        + "{\"name\":\"infos\",\"type\":\"string[]\"}]},\"primaryType\":\"MintVehicleWithDeviceDefinitionSign\","
        + POLYGON_DOMAIN + ",\"message\":{\"attributes\":[\"Make\",\"Model\",\"Year\"],"
        + "\"deviceDefinitionId\":\"ford_bronco_2022\",\"infos\":[\"Ford\",\"Bronco\",\"2022\"],"
        + "\"manufacturerNode\":\"0x2a\",\"owner\":\"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\"}}",
        Json.write(payload));
    assertEquals("0xacfeb4c54bb1fa5f81e57353079b4e9bedc1f4fdea34e827590d0b2e2b2c8584",
        SandboxHttp.hex(TypedDataPayloads.digest(payload)));
  }

  @Test
  void claimAftermarketDeviceSignSortsTheClaimTypeFirst() {
    var payload = TypedDataPayloads.claim(POLYGON, 1337, OWNER);
    assertEquals("{\"types\":{\"ClaimAftermarketDeviceSign\":[{\"name\":\"aftermarketDeviceNode\",\"type\":\"uint256\"},"
        + "{\"name\":\"owner\",\"type\":\"address\"}]," + DOMAIN_TYPE + "},\"primaryType\":\"ClaimAftermarketDeviceSign\","
        + POLYGON_DOMAIN + ",\"message\":{\"aftermarketDeviceNode\":\"0x539\","
        + "\"owner\":\"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\"}}", Json.write(payload));
    assertEquals("0xc88a70362f1feff2e5ab187e33e11cc9f2d1b9b548d62723cd9d68bf784f2cb0",
        SandboxHttp.hex(TypedDataPayloads.digest(payload)));
  }

  @Test
  void pairAftermarketDeviceSign() {
    var payload = TypedDataPayloads.pair(POLYGON, 1337, 21000);
    assertEquals("0x4ea5828e388100a31dd6e5958b86ee785352eba19173318a049e2fcd1a97094b",
        SandboxHttp.hex(TypedDataPayloads.digest(payload)));
  }

  @Test
  void unPairAftermarketDeviceSignOnAmoy() {
    var payload = TypedDataPayloads.unpair(AMOY, 1337, 21000);
    assertEquals("{\"types\":{" + DOMAIN_TYPE + ",\"UnPairAftermarketDeviceSign\":["
        + "{\"name\":\"aftermarketDeviceNode\",\"type\":\"uint256\"},{\"name\":\"vehicleNode\",\"type\":\"uint256\"}]},"
        + "\"primaryType\":\"UnPairAftermarketDeviceSign\"," + AMOY_DOMAIN
        + ",\"message\":{\"aftermarketDeviceNode\":\"0x539\",\"vehicleNode\":\"0x5208\"}}", Json.write(payload));
    assertEquals("0x8e5c333a02cc465b9cda688eeb72f817574dbc65233a45ada287202a2c68cd2a",
        SandboxHttp.hex(TypedDataPayloads.digest(payload)));
  }

  @Test
  void hexIsLowerCaseWithoutPadding() {
    assertEquals("0x0", TypedDataPayloads.hex(java.math.BigInteger.ZERO));
    assertEquals("0x13882", TypedDataPayloads.hex(java.math.BigInteger.valueOf(80002)));
  }
}
