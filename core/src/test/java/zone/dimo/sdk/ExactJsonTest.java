package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonDataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class ExactJsonTest {
  @Test
  void numbersAreBigIntegerOrBigDecimalByTheirForm() {
    assertEquals(new BigInteger("-12345678901234567890123"), ExactJson.exactNumber("-12345678901234567890123"));
    assertEquals(new BigDecimal("1.0"), ExactJson.exactNumber("1.0"));
    assertEquals(new BigDecimal("2E+5"), ExactJson.exactNumber("2E5"));
    assertEquals("bad number 1.2.3",
        assertThrows(JsonDataException.class, () -> ExactJson.exactNumber("1.2.3")).getMessage());
  }

  @Test
  void readsNestedValuesIncludingNull() {
    Map<String, Object> map = ExactJson.readObject(
        new Buffer().writeUtf8("{\"a\":[1,[2,null]],\"b\":{\"c\":false}}"), "test JSON");
    assertEquals(Arrays.asList(BigInteger.ONE, Arrays.asList(BigInteger.valueOf(2), null)), map.get("a"));
    assertEquals(false, ((Map<?, ?>) map.get("b")).get("c"));
  }

  @Test
  void messagesNameTheDocumentAndThePath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExactJson.readObject(new Buffer().writeUtf8("{\"a\":{\"b\":tru}}"), "login answer"));
    assertTrue(e.getMessage().startsWith("Malformed login answer at $.a.b: "), e.getMessage());
    assertEquals("Malformed login answer at $: expected an object but was a string",
        assertThrows(IllegalArgumentException.class,
            () -> ExactJson.readObject(new Buffer().writeUtf8("\"x\""), "login answer")).getMessage());
  }
}
