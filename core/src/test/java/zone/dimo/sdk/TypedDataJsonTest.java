package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.signing.eip712.TypedData;

class TypedDataJsonTest {
  private static final String MINT = "{"
      + "\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"version\",\"type\":\"string\"},"
      + "{\"name\":\"chainId\",\"type\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\"}],"
      + "\"MintVehicleSign\":[{\"name\":\"manufacturerNode\",\"type\":\"uint256\"},{\"name\":\"owner\",\"type\":\"address\"},"
      + "{\"name\":\"attributes\",\"type\":\"string[]\"},{\"name\":\"infos\",\"type\":\"string[]\"}]},"
      + "\"primaryType\":\"MintVehicleSign\","
      + "\"domain\":{\"name\":\"DIMO\",\"version\":\"1\",\"chainId\":137,"
      + "\"verifyingContract\":\"0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC\",\"salt\":\"\"},"
      + "\"message\":{\"manufacturerNode\":115792089237316195423570985008687907853269984665640564039457584007913129639935,"
      + "\"owner\":\"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\",\"attributes\":[\"Make\"],\"infos\":[\"Ford\"]}}";

  @Test
  void keepsLargeIntegersExactAsBigInteger() {
    TypedData typedData = TypedDataJson.parse(MINT);
    Object node = typedData.message().get("manufacturerNode");
    assertEquals(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), node);
    assertEquals(BigInteger.valueOf(137), typedData.domain().get("chainId"));
    assertEquals("MintVehicleSign", typedData.primaryType());
  }

  @Test
  void keepsKeyOrderAndPlainValueTypes() {
    Map<String, Object> map = TypedDataJson.parseObject(
        "{\"z\":1,\"a\":[true,null,\"s\"],\"m\":{\"y\":2,\"b\":3}}");
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(map.keySet()));
    assertEquals(java.util.Arrays.asList(Boolean.TRUE, null, "s"), map.get("a"));
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) map.get("m");
    assertEquals(List.of("y", "b"), new ArrayList<>(nested.keySet()));
  }

  @Test
  void fractionsAndExponentsBecomeBigDecimalNeverDouble() {
    Map<String, Object> map = TypedDataJson.parseObject("{\"a\":0.1,\"b\":1e3,\"c\":-7}");
    assertEquals(new BigDecimal("0.1"), map.get("a"));
    assertEquals(new BigDecimal("1e3"), map.get("b"));
    assertEquals(BigInteger.valueOf(-7), map.get("c"));
  }

  @Test
  void bytesAndSourceOverloadsAgreeWithString() {
    TypedData fromBytes = TypedDataJson.parse(MINT.getBytes(StandardCharsets.UTF_8));
    TypedData fromSource = TypedDataJson.parse(new Buffer().writeUtf8(MINT));
    assertEquals(TypedDataJson.parse(MINT).message(), fromBytes.message());
    assertEquals(fromBytes.domain(), fromSource.domain());
  }

  @Test
  void malformedJsonNamesThePath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parse("{\"types\":{\"A\":[{\"name\":\"x\",}]}}"));
    assertTrue(e.getMessage().startsWith("Malformed typed data JSON at $.types.A[0]"), e.getMessage());
  }

  @Test
  void truncatedJsonIsReportedAsEndOfInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parse("{\"types\":{"));
    assertEquals("Malformed typed data JSON at $.types.: unexpected end of input", e.getMessage());
  }

  @Test
  void topLevelMustBeAnObject() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parse("[1]"));
    assertEquals("Malformed typed data JSON at $: expected an object but was BEGIN_ARRAY", e.getMessage());
  }

  @Test
  void trailingContentIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parseObject("{} {}"));
    assertEquals("Malformed JSON at $: unexpected content after the top-level object", e.getMessage());
  }

  @Test
  void duplicateKeysAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parseObject("{\"a\":1,\"a\":2}"));
    assertEquals("Malformed JSON at $.a: duplicate key \"a\"", e.getMessage());
  }

  @Test
  void invalidTypedDataIsRejectedBySigningModule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TypedDataJson.parse("{\"types\":{}}"));
    assertInstanceOf(zone.dimo.sdk.signing.eip712.InvalidTypedDataException.class, e);
  }
}
