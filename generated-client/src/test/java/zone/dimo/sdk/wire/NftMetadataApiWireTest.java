package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import zone.dimo.sdk.devices.api.NftMetadataApi;
import zone.dimo.sdk.devices.model.NftAttribute;
import zone.dimo.sdk.devices.model.NftMetadata;

class NftMetadataApiWireTest extends WireTestSupport {

  private static final String DEVICE_ADDRESS = "0x8B1a3C45d9C13e3d6A0b4A4bB3fC1E0aD4C1F9b2";

  private NftMetadataApi api() {
    return api(NftMetadataApi.class);
  }

  @Test
  @WireContract("getSyntheticDeviceMetadata")
  void getSyntheticDeviceMetadataReadsADocumentWithoutImage() throws Exception {
    enqueueJson(200, "{\"name\":\"DIMO Synthetic Device 512\","
        + "\"description\":\"Synthetic device for a Tesla integration.\","
        + "\"attributes\":[{\"trait_type\":\"Ethereum Address\",\"value\":\"0x4B8e3D2f1A0c9b8a7F6E5d4C3B2a19087f6e5D4c\"}]}");

    Response<NftMetadata> response = execute(api().getSyntheticDeviceMetadata(512L), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/synthetic/device/512");
    assertNoBody(request);

    NftMetadata metadata = response.body();
    assertEquals("DIMO Synthetic Device 512", metadata.name());
    assertEquals("Synthetic device for a Tesla integration.", metadata.description());
    assertNull(metadata.image());
    assertEquals(List.of("Ethereum Address"), traits(metadata));
    assertEquals("0x4B8e3D2f1A0c9b8a7F6E5d4C3B2a19087f6e5D4c", metadata.attributes().get(0).value());
  }

  @Test
  @WireContract("getAftermarketDeviceMetadata")
  void getAftermarketDeviceMetadataByTokenId() throws Exception {
    enqueueFixture(200, "aftermarket-device-metadata.json");

    Response<NftMetadata> response = execute(api().getAftermarketDeviceMetadata(1337L), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/aftermarket/device/1337");
    assertNoBody(request);
    assertAftermarketDeviceMetadata(response.body());
  }

  @Test
  @WireContract("getAftermarketDeviceMetadataByAddress")
  void getAftermarketDeviceMetadataByAddressKeepsTheAddressAsGiven() throws Exception {
    enqueueFixture(200, "aftermarket-device-metadata.json");

    Response<NftMetadata> response = execute(api().getAftermarketDeviceMetadataByAddress(DEVICE_ADDRESS), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/aftermarket/device/by-address/" + DEVICE_ADDRESS);
    assertNoBody(request);
    assertAftermarketDeviceMetadata(response.body());
  }

  @Test
  @WireContract("getAftermarketDeviceImage")
  void getAftermarketDeviceImageStreamsThePngBytesUnchanged() throws Exception {
    byte[] png = fixture("aftermarket-device-1337.png");
    enqueue(200, "image/png", new Buffer().write(png));

    Response<ResponseBody> response = execute(api().getAftermarketDeviceImage(1337L), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/aftermarket/device/1337/image");
    assertNoBody(request);

    try (ResponseBody body = response.body(); InputStream in = body.byteStream()) {
      assertEquals("image/png", String.valueOf(body.contentType()));
      assertEquals(png.length, body.contentLength());
      assertArrayEquals(png, in.readAllBytes());
    }
  }

  private static void assertAftermarketDeviceMetadata(NftMetadata metadata) {
    assertEquals("ugly cactus shine", metadata.name());
    assertEquals("ugly cactus shine, a DIMO hardware device.", metadata.description());
    assertEquals("https://devices-api.dimo.zone/v1/aftermarket/device/1337/image", metadata.image());
    assertEquals(List.of("Ethereum Address", "Serial Number"), traits(metadata));
    assertEquals(DEVICE_ADDRESS, metadata.attributes().get(0).value());
    assertEquals("8f7e2c4a-1b3d-4e5f-9a6b-7c8d9e0f1a2b", metadata.attributes().get(1).value());
  }

  private static List<String> traits(NftMetadata metadata) {
    return metadata.attributes().stream().map(NftAttribute::traitType).toList();
  }
}
