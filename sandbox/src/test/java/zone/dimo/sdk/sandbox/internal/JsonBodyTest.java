package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
  private static JsonBody parse(String contentType, String body, String... wrappers) {
    SandboxRequest r = new SandboxRequest("POST", "/", Collections.emptyMap(),
        Map.of("Content-Type", List.of(contentType)), body.getBytes(StandardCharsets.UTF_8));
    return JsonBody.parse(r, detail -> ApiException.of(400, detail), wrappers);
  }

  private static String message(Runnable r) {
    ApiException e = assertThrows(ApiException.class, r::run);
    return new String(e.response().body(), StandardCharsets.UTF_8);
  }

  @Test
  void decodesLikeGo() {
    JsonBody b = parse("application/json; charset=utf-8", "{\"VIN\":\"x\",\"n\":null,\"list\":[\"a\",null]}");
    assertEquals("x", b.string("vin"), "keys match case-insensitively");
    assertEquals("", b.string("n"));
    assertEquals("", b.string("absent"));
    assertEquals(List.of("a", ""), b.strings("list"));
  }

  @Test
  void refusesNonJsonBodiesAndWrongTypes() {
    assertEquals("{\"code\":400,\"message\":\"Unprocessable Entity\"}", message(() -> parse("text/plain", "{}")));
    assertEquals("{\"code\":400,\"message\":\"unexpected end of JSON input\"}", message(() -> parse("application/json", "")));
    message(() -> parse("application/json", "[1]"));
    message(() -> parse("application/json", "{\"a\":1}").string("a"));
    message(() -> parse("application/json", "{\"a\":[1]}").strings("a"));
    message(() -> parse("application/json", "{\"a\":1.5}").integer("a"));
    parse("application/vnd.api+json", "{}");
  }

  @Test
  void wrapperKeysAreRefusedWithAReason() {
    String m = message(() -> parse("application/json", "{\"claimRequest\":{}}", "claimRequest"));
    assertEquals(true, m.contains("is the name of the body parameter"));
  }

  @Test
  void hexBytesNeedAPrefixedString() {
    assertArrayEquals(new byte[] {1, (byte) 0xab}, parse("application/json", "{\"s\":\"0x01AB\"}").hexBytes("s"));
    assertArrayEquals(new byte[0], parse("application/json", "{}").hexBytes("s"));
    message(() -> parse("application/json", "{\"s\":\"01ab\"}").hexBytes("s"));
    message(() -> parse("application/json", "{\"s\":\"0x1\"}").hexBytes("s"));
    message(() -> parse("application/json", "{\"s\":[1,2]}").hexBytes("s"));
  }

  @Test
  void lenientHexIsGoEthereumsFromHex() {
    assertArrayEquals(new byte[] {1}, JsonBody.fromHexLenient("0x1"));
    assertArrayEquals(new byte[] {(byte) 0xab}, JsonBody.fromHexLenient("ab"));
    assertArrayEquals(new byte[0], JsonBody.fromHexLenient("0xzz"));
  }
}
