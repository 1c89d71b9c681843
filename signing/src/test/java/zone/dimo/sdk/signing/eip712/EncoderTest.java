package zone.dimo.sdk.signing.eip712;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.signing.Keccak256;

class EncoderTest {
  @Test
  void streamingHashEqualsHashOfEncodeDataAtEveryDepth() {
    Map<String, Object> types =
        Map.of(
            "Outer", List.of(Map.of("name", "inner", "type", "Inner[]"), Map.of("name", "s", "type", "string")),
            "Inner", List.of(Map.of("name", "grid", "type", "uint8[][]"), Map.of("name", "b", "type", "bytes")));
    TypeGraph graph = TypeGraph.of(types);
    Map<String, Object> inner = Map.of("grid", List.of(List.of(1, 2), List.of()), "b", "0x00ff");
    Map<String, Object> value = Map.of("inner", List.of(inner, inner), "s", "héllo");
    Encoded encoded = Encoder.struct(graph, graph.struct("Outer"), value, Path.root("message"));
    byte[] streamed = new byte[32];
    Encoder.hashStruct(encoded, new Encoder.Hasher(), 0, streamed, 0);
    byte[] encodeData = Encoder.encodeData(encoded);
    assertArrayEquals(Keccak256.hash(encodeData), streamed);
    assertArrayEquals(
        Keccak256.hash("héllo".getBytes(StandardCharsets.UTF_8)), Arrays.copyOfRange(encodeData, 64, 96));
    // Deep nesting grows the Hasher's per-level state.
    Encoder.Hasher hasher = new Encoder.Hasher();
    assertEquals(32, hasher.word(9).length);
  }
}
