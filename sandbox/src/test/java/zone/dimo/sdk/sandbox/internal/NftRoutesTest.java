package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.AftermarketDevice;
import zone.dimo.sdk.sandbox.DimoSandbox;
import zone.dimo.sdk.sandbox.SandboxHttp;

class NftRoutesTest {
  private final DimoSandbox sandbox = DimoSandbox.start();
  private final SandboxHttp http = new SandboxHttp(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void aftermarketDeviceMetadataByTokenIdAndByAddress() {
    AftermarketDevice d = sandbox.aftermarketDevices().get(0);
    SandboxHttp.Answer byId = http.get("/v1/aftermarket/device/1337", null);
    assertEquals(200, byId.status());
    Map<String, Object> m = byId.json();
    assertEquals(List.of("name", "description", "image", "attributes"), List.copyOf(m.keySet()));
    assertEquals(sandbox.devicesUrl() + "/v1/aftermarket/device/1337/image", m.get("image"));
    assertEquals(Map.of("trait_type", "Ethereum Address", "value", d.address().toChecksumHex()),
        ((List<?>) m.get("attributes")).get(0));
    assertEquals(byId.body(), http.get("/v1/aftermarket/device/by-address/" + d.address().toChecksumHex().toLowerCase(), null).body());
    assertEquals(404, http.get("/v1/aftermarket/device/1", null).status());
    assertEquals(400, http.get("/v1/aftermarket/device/abc", null).status());
    assertEquals(404, http.get("/v1/aftermarket/device/by-address/0x0000000000000000000000000000000000000001", null).status());
  }

  @Test
  void theImageIsARealPng() throws Exception {
    SandboxHttp.Answer a = http.get("/v1/aftermarket/device/1338/image", null);
    assertEquals(200, a.status());
    assertEquals("image/png", a.contentType());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(a.bytes()));
    assertEquals(16, image.getWidth());
    assertEquals(0x2a7de1, image.getRGB(3, 3) & 0xffffff);
  }

  @Test
  void mintedVehiclesHaveMetadataAtTheirTokenUri() {
    zone.dimo.sdk.signing.PrivateKey owner = zone.dimo.sdk.signing.PrivateKey.generate(new java.security.SecureRandom());
    String token = http.login(owner);
    String id = http.mintedVehicle(token, owner, sandbox.deviceDefinitions().get(0).sampleVin());
    String uri = (String) ((Map<?, ?>) http.myVehicle(token, id).get("nft")).get("tokenUri");
    assertEquals(sandbox.devicesUrl() + "/v1/vehicle/21000", uri);
    SandboxHttp.Answer meta = http.get("/v1/vehicle/21000", null);
    assertEquals(200, meta.status());
    assertEquals("2022 Ford Bronco", meta.json().get("name"));
    assertEquals("image/png", http.get("/v1/vehicle/21000/image", null).contentType());
    assertEquals(404, http.get("/v1/vehicle/21001", null).status());
  }

  @Test
  void syntheticDevices() {
    SandboxHttp.Answer a = http.get("/v1/synthetic/device/512", null);
    assertEquals(200, a.status());
    assertEquals("DIMO Synthetic Device 512", a.json().get("name"));
    assertEquals(200, http.get("/v1/synthetic/device/513", null).status());
    assertEquals(404, http.get("/v1/synthetic/device/514", null).status());
  }

  @Test
  void dcnMetadataAndSvgImage() {
    String node = sandbox.dcnNodeId();
    SandboxHttp.Answer meta = http.get("/v1/dcn/" + node, null);
    assertEquals(200, meta.status());
    assertEquals("sandbox.dimo", meta.json().get("name"));
    SandboxHttp.Answer image = http.get("/v1/dcn/" + node + "/image", null);
    assertEquals(200, image.status());
    assertEquals("image/svg+xml", image.contentType());
    assertTrue(image.body().startsWith("<svg"));
    assertEquals(404, http.get("/v1/dcn/1", null).status());
    assertEquals(400, http.get("/v1/dcn/0xabc", null).status());
  }

  @Test
  void theNamehashIsEns() {
    // namehash("eth") from EIP-137.
    assertEquals("0x93cdeb708b7545dc668eb9280176169d1c33cfd8ed6f04690a0bcc88a93fc4ae",
        SandboxHttp.hex(NftRoutes.namehash("eth")));
  }
}
