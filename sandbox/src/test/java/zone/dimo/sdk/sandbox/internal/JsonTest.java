package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static Object parse(String s) throws Json.ParseException {
    return Json.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keepsKeyOrderAndExactNumbers() throws Exception {
    Map<?, ?> m = (Map<?, ?>) parse("{\"b\":1,\"a\":[1.50,true,null,\"x\"],\"n\":123456789012345678901234567890}");
    assertEquals(List.of("b", "a", "n"), List.copyOf(m.keySet()));
    assertEquals(Arrays.asList(new BigDecimal("1.50"), true, null, "x"), m.get("a"));
    assertEquals(new BigDecimal("123456789012345678901234567890"), m.get("n"));
  }

  @Test
  void lastDuplicateWins() throws Exception {
    assertEquals(Map.of("a", new BigDecimal(2)), parse("{\"a\":1,\"a\":2}"));
  }

  @Test
  void refusesTrailingDataAndGarbage() {
    assertThrows(Json.ParseException.class, () -> parse("{} {}"));
    assertThrows(Json.ParseException.class, () -> parse("{\"a\":}"));
    assertThrows(Json.ParseException.class, () -> parse(""));
    assertThrows(Json.ParseException.class, () -> parse("{'a':1}"));
  }

  @Test
  void writesCompactInIterationOrderWithNulls() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", null);
    m.put("a", Arrays.asList(1, 2L, new BigDecimal("3.0"), "s\"q", false));
    assertEquals("{\"z\":null,\"a\":[1,2,3.0,\"s\\\"q\",false]}", Json.write(m));
  }
}
