package zone.dimo.sdk.sandbox.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.eip712.Eip712;
import zone.dimo.sdk.signing.eip712.TypedData;

/**
 * The EIP-712 payloads exactly as the service serialises go-ethereum's {@code apitypes.TypedData}
 * with {@code encoding/json}: keys {@code types} (a Go map, so sorted), {@code primaryType},
 * {@code domain} (struct order name, version, chainId, verifyingContract, salt — {@code salt} has
 * no omitempty and is always {@code ""}), {@code message} (a Go map, so sorted). {@code chainId}
 * is a {@code HexOrDecimal256}, hence hex; uint256 message values are {@code hexutil.EncodeBig}
 * strings; addresses are EIP-55 ({@code common.Address.Hex()}).
 */
final class TypedDataPayloads {
  private TypedDataPayloads() {}

  static Map<String, Object> mintWithDefinition(SandboxConfig config, long manufacturerNode,
      Address owner, String deviceDefinitionId, List<String> attributes, List<String> infos) {
    Map<String, Object> message = new TreeMap<>();
    message.put("manufacturerNode", hex(BigInteger.valueOf(manufacturerNode)));
    message.put("owner", owner.toChecksumHex());
    message.put("deviceDefinitionId", deviceDefinitionId);
    message.put("attributes", new ArrayList<Object>(attributes));
    message.put("infos", new ArrayList<Object>(infos));
    return root(config, "MintVehicleWithDeviceDefinitionSign", fields(
        "manufacturerNode", "uint256",
        "owner", "address",
        "deviceDefinitionId", "string",
        "attributes", "string[]",
        "infos", "string[]"), message);
  }

  static Map<String, Object> claim(SandboxConfig config, long deviceNode, Address owner) {
    Map<String, Object> message = new TreeMap<>();
    message.put("aftermarketDeviceNode", hex(BigInteger.valueOf(deviceNode)));
    message.put("owner", owner.toChecksumHex());
    return root(config, "ClaimAftermarketDeviceSign",
        fields("aftermarketDeviceNode", "uint256", "owner", "address"), message);
  }

  static Map<String, Object> pair(SandboxConfig config, long deviceNode, long vehicleNode) {
    return pairLike(config, "PairAftermarketDeviceSign", deviceNode, vehicleNode);
  }

  static Map<String, Object> unpair(SandboxConfig config, long deviceNode, long vehicleNode) {
    return pairLike(config, "UnPairAftermarketDeviceSign", deviceNode, vehicleNode);
  }

  private static Map<String, Object> pairLike(SandboxConfig config, String primaryType,
      long deviceNode, long vehicleNode) {
    Map<String, Object> message = new TreeMap<>();
    message.put("aftermarketDeviceNode", hex(BigInteger.valueOf(deviceNode)));
    message.put("vehicleNode", hex(BigInteger.valueOf(vehicleNode)));
    return root(config, primaryType,
        fields("aftermarketDeviceNode", "uint256", "vehicleNode", "uint256"), message);
  }

  /** The EIP-712 digest the signature must cover. */
  static byte[] digest(Map<String, Object> payload) {
    return Eip712.digest(TypedData.fromMap(payload));
  }

  private static Map<String, Object> root(SandboxConfig config, String primaryType,
      List<Object> primaryFields, Map<String, Object> sortedMessage) {
    Map<String, Object> types = new TreeMap<>();
    types.put("EIP712Domain", fields(
        "name", "string",
        "version", "string",
        "chainId", "uint256",
        "verifyingContract", "address"));
    types.put(primaryType, primaryFields);

    Map<String, Object> domain = new LinkedHashMap<>();
    domain.put("name", "DIMO");
    domain.put("version", "1");
    domain.put("chainId", hex(BigInteger.valueOf(config.chainId)));
    domain.put("verifyingContract", config.registry.toChecksumHex());
    domain.put("salt", "");

    Map<String, Object> root = new LinkedHashMap<>();
    root.put("types", new LinkedHashMap<>(types));
    root.put("primaryType", primaryType);
    root.put("domain", domain);
    root.put("message", new LinkedHashMap<>(sortedMessage));
    return root;
  }

  private static List<Object> fields(String... nameTypePairs) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("name", nameTypePairs[i]);
      field.put("type", nameTypePairs[i + 1]);
      out.add(field);
    }
    return out;
  }

  static String hex(BigInteger value) {
    return "0x" + value.toString(16);
  }

  static List<String> strings(String... values) {
    return new ArrayList<>(Arrays.asList(values));
  }
}
