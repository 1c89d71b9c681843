package zone.dimo.sdk.sandbox.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.Keccak256;

/**
 * The public on-chain metadata: aftermarket devices (by token id or address, and their PNG
 * image), minted vehicles (the target of their {@code tokenUri}), synthetic devices, and DCN
 * names (metadata and an SVG image). All answers are
 * {@code NFTMetadataResp} {@code {name, description, image, attributes:[{trait_type, value}]}}.
 */
final class NftRoutes {
  private static final byte[] DEVICE_PNG = Png.square(16, 0x2a7de1);

  private final SandboxState state;
  private final Urls urls;
  private final BigInteger dcnNode;

  NftRoutes(SandboxState state, Urls urls) {
    this.state = state;
    this.urls = urls;
    this.dcnNode = new BigInteger(1, namehash(Provisioned.DCN_NAME));
  }

  void register(Router router) {
    Router.Security open = Router.Security.PUBLIC;
    router.add("GET", "/v1/aftermarket/device/by-address/{address}", open, this::deviceByAddress);
    router.add("GET", "/v1/aftermarket/device/{tokenId}", open, this::deviceByTokenId);
    router.add("GET", "/v1/aftermarket/device/{tokenId}/image", open, this::deviceImage);
    router.add("GET", "/v1/synthetic/device/{tokenId}", open, this::synthetic);
    router.add("GET", "/v1/vehicle/{tokenId}", open, this::vehicle);
    router.add("GET", "/v1/vehicle/{tokenId}/image", open, this::vehicleImage);
    router.add("GET", "/v1/dcn/{nodeId}", open, this::dcn);
    router.add("GET", "/v1/dcn/{nodeId}/image", open, this::dcnImage);
  }

  /** The ENS-style namehash of a dotted name. */
  static byte[] namehash(String name) {
    byte[] node = new byte[32];
    String[] labels = name.split("\\.");
    for (int i = labels.length - 1; i >= 0; i--) {
      byte[] label = Keccak256.hash(labels[i].getBytes(StandardCharsets.UTF_8));
      byte[] both = new byte[64];
      System.arraycopy(node, 0, both, 0, 32);
      System.arraycopy(label, 0, both, 32, 32);
      node = Keccak256.hash(both);
    }
    return node;
  }

  /** The DCN node id of the provisioned name, in decimal. */
  String dcnNodeId() {
    return dcnNode.toString();
  }

  private static long tokenId(SandboxRequest request) {
    try {
      return Long.parseLong(request.param("tokenId"));
    } catch (NumberFormatException e) {
      throw ApiException.of(400, "invalid token id " + request.param("tokenId"));
    }
  }

  private SandboxState.Unit unitByTokenId(SandboxRequest request) {
    long tokenId = tokenId(request);
    for (SandboxState.Unit u : state.units.values()) {
      if (u.device.tokenId == tokenId) {
        return u;
      }
    }
    throw ApiException.of(404, "No device with token id " + tokenId + ".");
  }

  private SandboxResponse deviceByTokenId(SandboxRequest request) {
    return SandboxResponse.json(200, deviceMetadata(unitByTokenId(request)));
  }

  private SandboxResponse deviceByAddress(SandboxRequest request) {
    Address address = TokenExchangeRoutes.lenientAddress(request.param("address"));
    if (address == null) {
      throw ApiException.of(400, "Invalid Ethereum address " + request.param("address") + ".");
    }
    for (SandboxState.Unit u : state.units.values()) {
      if (u.address.equals(address)) {
        return SandboxResponse.json(200, deviceMetadata(u));
      }
    }
    throw ApiException.of(404, "No device with address " + address.toChecksumHex() + ".");
  }

  private SandboxResponse deviceImage(SandboxRequest request) {
    unitByTokenId(request);
    return SandboxResponse.bytes(200, "image/png", DEVICE_PNG);
  }

  private Map<String, Object> deviceMetadata(SandboxState.Unit u) {
    String name = u.device.manufacturer + " " + u.device.serial;
    List<Object> attributes = new ArrayList<>();
    attributes.add(attribute("Ethereum Address", u.address.toChecksumHex()));
    attributes.add(attribute("Serial Number", u.device.serial));
    return metadata(name, name + ", a DIMO hardware device.",
        urls.devicesUrl() + "/v1/aftermarket/device/" + u.device.tokenId + "/image", attributes);
  }

  /** The vehicle NFT's metadata, what the {@code tokenUri} of a minted vehicle points to. */
  private SandboxResponse vehicle(SandboxRequest request) {
    SandboxState.Vehicle v = mintedVehicle(request);
    Provisioned.Definition d = v.definition;
    String name = d.displayName();
    List<Object> attributes = new ArrayList<>();
    attributes.add(attribute("Make", d.make));
    attributes.add(attribute("Model", d.model));
    attributes.add(attribute("Year", String.valueOf(d.year)));
    return SandboxResponse.json(200, metadata(name, name + ", a DIMO vehicle.",
        urls.devicesUrl() + "/v1/vehicle/" + v.tokenId + "/image", attributes));
  }

  private SandboxResponse vehicleImage(SandboxRequest request) {
    mintedVehicle(request);
    return SandboxResponse.bytes(200, "image/png", DEVICE_PNG);
  }

  private SandboxState.Vehicle mintedVehicle(SandboxRequest request) {
    long tokenId = tokenId(request);
    SandboxState.Vehicle v = state.vehicleByTokenId(tokenId);
    if (v == null) {
      throw ApiException.of(404, "NFT not found.");
    }
    return v;
  }

  private SandboxResponse synthetic(SandboxRequest request) {
    long tokenId = tokenId(request);
    for (int i = 0; i < Provisioned.SYNTHETIC_TOKEN_IDS.length; i++) {
      if (Provisioned.SYNTHETIC_TOKEN_IDS[i] == tokenId) {
        String name = "DIMO Synthetic Device " + tokenId;
        List<Object> attributes = new ArrayList<>();
        attributes.add(attribute("Integration", Provisioned.SYNTHETIC_INTEGRATIONS[i]));
        return SandboxResponse.json(200,
            metadata(name, name + ", a DIMO synthetic device.", "", attributes));
      }
    }
    throw ApiException.of(404, "No synthetic device with token id " + tokenId + ".");
  }

  private void dcnNode(SandboxRequest request) {
    BigInteger node;
    try {
      node = new BigInteger(request.param("nodeId"));
    } catch (NumberFormatException e) {
      throw ApiException.of(400, "invalid node id " + request.param("nodeId"));
    }
    if (!node.equals(dcnNode)) {
      throw ApiException.of(404, "No DCN with node id " + node + ".");
    }
  }

  private SandboxResponse dcn(SandboxRequest request) {
    dcnNode(request);
    List<Object> attributes = new ArrayList<>();
    attributes.add(attribute("Creation Date", "1700000000"));
    attributes.add(attribute("Expiration Date", "2000000000"));
    return SandboxResponse.json(200, metadata(Provisioned.DCN_NAME,
        Provisioned.DCN_NAME + ", a DIMO Canonical Name.",
        urls.devicesUrl() + "/v1/dcn/" + dcnNode + "/image", attributes));
  }

  private SandboxResponse dcnImage(SandboxRequest request) {
    dcnNode(request);
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\">"
        + "<rect width=\"512\" height=\"512\" fill=\"#191919\"/>"
        + "<text x=\"256\" y=\"266\" font-family=\"sans-serif\" font-size=\"40\" fill=\"#ffffff\""
        + " text-anchor=\"middle\">" + Provisioned.DCN_NAME + "</text></svg>";
    return SandboxResponse.text(200, "image/svg+xml", svg);
  }

  private static Map<String, Object> metadata(String name, String description, String image,
      List<Object> attributes) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("description", description);
    json.put("image", image);
    json.put("attributes", attributes);
    return json;
  }

  private static Map<String, Object> attribute(String trait, String value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("trait_type", trait);
    json.put("value", value);
    return json;
  }
}
