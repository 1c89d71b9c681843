package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import zone.dimo.sdk.devices.api.DcnApi;
import zone.dimo.sdk.devices.model.NftAttribute;
import zone.dimo.sdk.devices.model.NftMetadata;

// The DCN operations are deprecated in the spec (removed from the service); they are still part
// of the generated surface, so their wire shape is pinned like every other operation's.
@SuppressWarnings("deprecation")
class DcnApiWireTest extends WireTestSupport {

  /** A 256-bit name hash in decimal: too large for a long, so the path parameter is a string. */
  private static final String NODE_ID =
      "37540223779541283812931418373545937735432716066916651089447416474386389436731";

  private DcnApi api() {
    return api(DcnApi.class);
  }

  @Test
  @WireContract("getDcnMetadata")
  void getDcnMetadataSendsTheDecimalNodeId() throws Exception {
    enqueueJson(200, "{\"name\":\"café.dimo\",\"description\":\"café.dimo, a DCN name.\","
        + "\"image\":\"https://devices-api.dimo.zone/v1/dcn/" + NODE_ID + "/image\","
        + "\"attributes\":[{\"trait_type\":\"Creation Date\",\"value\":\"1681995600\"},"
        + "{\"trait_type\":\"Expiration Date\",\"value\":\"1713531600\"}]}");

    Response<NftMetadata> response = execute(api().getDcnMetadata(NODE_ID), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/dcn/" + NODE_ID);
    assertNoBody(request);

    NftMetadata metadata = response.body();
    assertEquals("café.dimo", metadata.name());
    assertEquals("café.dimo, a DCN name.", metadata.description());
    assertEquals("https://devices-api.dimo.zone/v1/dcn/" + NODE_ID + "/image", metadata.image());
    assertEquals(List.of("Creation Date", "Expiration Date"),
        metadata.attributes().stream().map(NftAttribute::traitType).toList());
    assertEquals("1713531600", metadata.attributes().get(1).value());
  }

  @Test
  @WireContract("getDcnImage")
  void getDcnImageStreamsTheSvgBytesUnchanged() throws Exception {
    byte[] svg = fixture("dcn-image.svg");
    enqueue(200, "image/svg+xml", new Buffer().write(svg));

    Response<ResponseBody> response = execute(api().getDcnImage(NODE_ID), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "GET", "/v1/dcn/" + NODE_ID + "/image");
    assertNoBody(request);

    try (ResponseBody body = response.body(); InputStream in = body.byteStream()) {
      assertEquals("image/svg+xml", String.valueOf(body.contentType()));
      assertEquals(svg.length, body.contentLength());
      assertArrayEquals(svg, in.readAllBytes());
    }
  }
}
