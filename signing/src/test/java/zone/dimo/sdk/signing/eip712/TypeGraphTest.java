package zone.dimo.sdk.signing.eip712;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypeGraphTest {
  private static Map<String, Object> types(String... specs) {
    Map<String, Object> types = new LinkedHashMap<>();
    for (String spec : specs) {
      String[] parts = spec.split("=", -1);
      List<Object> members = new java.util.ArrayList<>();
      if (!parts[1].isEmpty()) {
        for (String m : parts[1].split(",")) {
          String[] nt = m.split(" ");
          members.add(Map.of("type", nt[0], "name", nt[1]));
        }
      }
      types.put(parts[0], members);
    }
    return types;
  }

  @Test
  void encodeTypeSortsReferencedTypesByName() {
    TypeGraph graph =
        TypeGraph.of(types("Z=B b,A[] a", "B=C c", "A=uint8 x", "C=string s"));
    assertEquals("Z(B b,A[] a)A(uint8 x)B(C c)C(string s)", graph.struct("Z").encodeType);
    assertEquals("B(C c)C(string s)", graph.struct("B").encodeType);
    assertEquals(Set.of("Z", "A", "B", "C"), graph.reachableFrom("Z"));
    assertEquals(Set.of("C"), graph.reachableFrom("C"));
  }

  @Test
  void emptyStructEncodesWithParentheses() {
    assertEquals("Nothing()", TypeGraph.of(types("Nothing=")).struct("Nothing").encodeType);
  }

  @Test
  void cachedPerShape() {
    assertSame(TypeGraph.of(types("A=uint8 x")), TypeGraph.of(types("A=uint8 x")));
  }

  @Test
  void cyclesAreNamed() {
    assertEquals(
        "types.C[0].type: cyclic type reference A -> B -> C -> A (recursive types cannot be encoded)",
        assertThrows(
                InvalidTypedDataException.class,
                () -> TypeGraph.of(types("A=B b", "B=C c", "C=A[2] a"))).getMessage());
  }

  @Test
  void identifiers() {
    assertTrue(TypeGraph.isIdentifier("_a1"));
    assertFalse(TypeGraph.isIdentifier("1a"));
    assertFalse(TypeGraph.isIdentifier(""));
    assertFalse(TypeGraph.isIdentifier("a.b"));
  }
}
