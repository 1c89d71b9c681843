package zone.dimo.sdk.signing.eip712;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.signing.Keccak256;

/**
 * Typed data is signed exactly as written or refused: text without a UTF-8 encoding, addresses in
 * a notation other tools refuse, and names that only look like atomic types; and every refusal is
 * one readable line however large or strange the input.
 */
class StrictInputTest {
  private static final String ADDRESS = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826";

  // ------------------------------------------------------------ unpaired surrogates (item 13)

  @Test
  void unpairedHighSurrogateInAMessageStringIsRefusedWithItsPath() {
    // "ab" + a lone high surrogate + "c": getBytes(UTF_8) would sign "ab?c".
    assertEquals(
        "message.name: unpaired UTF-16 surrogate U+D83D at index 2 (text with it has no UTF-8 encoding)",
        error(document("Person=name:string", msg("name", "ab\uD83Dc"))));
  }

  @Test
  void unpairedLowSurrogateInANestedArrayIsRefusedWithItsPath() {
    assertEquals(
        "message.people[1].names[0]: unpaired UTF-16 surrogate U+DC00 at index 0 (text with it has no UTF-8 encoding)",
        error(
            document(
                "Group=people:Person[];Person=names:string[]",
                msg(
                    "people",
                    List.of(msg("names", List.of("ok")), msg("names", List.of("\uDC00x")))))));
  }

  @Test
  void unpairedSurrogateInTheDomainIsRefused() {
    Map<String, Object> doc = document("S=s:string", msg("s", "x"));
    doc.put("domain", new LinkedHashMap<>(Map.of("name", "DIMO\uD800")));
    assertEquals(
        "domain.name: unpaired UTF-16 surrogate U+D800 at index 4 (text with it has no UTF-8 encoding)",
        error(doc));
  }

  @Test
  void surrogatePairsAreSignedAsTheirUtf8Bytes() {
    // U+1F30D as a pair: its 4-byte UTF-8 encoding is hashed.
    TypedData td = TypedData.fromMap(document("S=s:string", msg("s", "\uD83C\uDF0D")));
    byte[] encoded = Eip712.encodeData(td, "S", td.message());
    byte[] word = java.util.Arrays.copyOfRange(encoded, 32, 64);
    assertArrayEquals(Keccak256.hash(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x8C, (byte) 0x8D}), word);
  }

  // ------------------------------------------------------------ 0X addresses (item 14)

  @Test
  void addressWithUpperCaseXPrefixIsRefused() {
    assertEquals(
        "message.owner: address must start with 0x (lower-case x), not 0X: \"0X" + ADDRESS.substring(2) + "\"",
        error(document("M=owner:address", msg("owner", "0X" + ADDRESS.substring(2)))));
  }

  @Test
  void verifyingContractWithUpperCaseXPrefixIsRefused() {
    Map<String, Object> doc = document("S=s:string", msg("s", "x"));
    @SuppressWarnings("unchecked")
    Map<String, Object> types = (Map<String, Object>) doc.get("types");
    types.put("EIP712Domain", members("name:string", "verifyingContract:address"));
    doc.put("domain", new LinkedHashMap<>(Map.of("name", "DIMO", "verifyingContract", "0Xfa8bec73cebb9d88ff88a2f75e7d7312f2fd39ec")));
    assertEquals(
        "domain.verifyingContract: address must start with 0x (lower-case x), not 0X: \"0Xfa8bec73cebb9d88ff88a2f75e7d7312f2fd39ec\"",
        error(doc));
  }

  // ------------------------------------------------------------ struct names (item 14)

  @Test
  void structsNamedLikeAtomicTypePrefixesAreAcceptedWhenDefined() {
    Map<String, Object> doc =
        document(
            "Outer=h:uint256Holder,a:address2[],b:bytes1a;uint256Holder=v:uint256;address2=w:address;bytes1a=z:bytes1",
            msg(
                "h", msg("v", 7),
                "a", List.of(msg("w", ADDRESS)),
                "b", msg("z", "0x01")));
    TypedData td = TypedData.fromMap(doc);
    String encodeType =
        "Outer(uint256Holder h,address2[] a,bytes1a b)address2(address w)bytes1a(bytes1 z)uint256Holder(uint256 v)";
    assertEquals(encodeType, Eip712.encodeType(td, "Outer"));
    assertArrayEquals(Keccak256.hash(encodeType.getBytes(StandardCharsets.UTF_8)), Eip712.typeHash(td, "Outer"));
    // hashStruct(uint256Holder{v: 7}) is keccak256(typeHash ‖ 7), the same as any struct's.
    byte[] holder = new byte[64];
    System.arraycopy(Keccak256.hash("uint256Holder(uint256 v)".getBytes(StandardCharsets.UTF_8)), 0, holder, 0, 32);
    holder[63] = 7;
    byte[] encoded = Eip712.encodeData(td, "Outer", td.message());
    assertArrayEquals(Keccak256.hash(holder), java.util.Arrays.copyOfRange(encoded, 32, 64));
  }

  @Test
  void undefinedNamesThatLookAtomicAreStillUnknown() {
    assertEquals(
        "types.M[0].type: unknown type 'uint256Holder'",
        error(document("M=h:uint256Holder", msg("h", msg()))));
    assertEquals(
        "types.M[0].type: unknown type 'address2' (not a valid atomic type)",
        error(document("M=h:address2", msg("h", msg()))));
  }

  @Test
  void typeNamesOfImpossibleWidthsAreRefused() {
    // uint7 can be neither an atomic type nor a struct: ethers refuses it as an invalid width.
    assertEquals(
        "types.uint7: type name 'uint7' is reserved for atomic types",
        error(document("M=h:string;uint7=v:string", msg("h", "x"))));
    assertEquals(
        "types.M[0].type: unknown type 'bytes33' (not a valid atomic type)",
        error(document("M=h:bytes33", msg("h", "0x00"))));
  }

  // ------------------------------------------------------------ one readable line (item 16)

  @Test
  void aHugeBadValueIsShortenedInTheMessage() {
    String huge = "0x" + "ab".repeat(512 * 1024); // 1 MiB of text
    String message = error(document("M=owner:address", msg("owner", huge)));
    assertEquals(
        "message.owner: address must have 40 hex digits, has 1048576: \"0xababababababababababababababababababababababab…abababababababab\" (1048578 characters)",
        message);
  }

  @Test
  void aHugeBadStringForAnIntegerIsShortened() {
    String huge = "1".repeat(1 << 20) + "x";
    assertEquals(
        "message.n: expected a decimal or 0x-hex integer string for uint256, got \"111111111111111111111111111111111111111111111111…111111111111111x\" (1048577 characters)",
        error(document("M=n:uint256", msg("n", huge))));
  }

  @Test
  void lineBreaksInAValueAreEscaped() {
    assertEquals(
        "message.b: expected a JSON boolean for bool, got string \"yes\\nmessage.other: forged line\"",
        error(document("M=b:bool", msg("b", "yes\nmessage.other: forged line"))));
  }

  @Test
  void aVeryDeepPathIsShortenedButKeptWhole() {
    StringBuilder path = new StringBuilder("message");
    for (int i = 0; i < 500; i++) {
      path.append(".inner");
    }
    path.append(".leaf");
    InvalidTypedDataException e = new InvalidTypedDataException(path.toString(), "missing");
    assertEquals(path.toString(), e.path());
    // Cut between segments: "message.inner.inner…" keeps whole names at both ends.
    assertEquals(
        "message" + ".inner".repeat(5) + "…" + ".inner".repeat(12) + ".leaf: missing", e.getMessage());
  }

  @Test
  void aDeeplyNestedBadValueHasAShortOneLineMessage() {
    String type = "string" + "[]".repeat(200);
    Object value = "bad\uDFFF";
    for (int i = 0; i < 200; i++) {
      value = List.of(value);
    }
    String message = error(document("M=s:" + type, msg("s", value)));
    assertEquals(
        "message.s" + "[0]".repeat(10) + "…" + "[0]".repeat(26) + ":"
            + " unpaired UTF-16 surrogate U+DFFF at index 3 (text with it has no UTF-8 encoding)",
        message);
  }

  // ------------------------------------------------------------ helpers

  private static Map<String, Object> document(String types, Map<String, Object> message) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> typeMap = new LinkedHashMap<>();
    typeMap.put("EIP712Domain", members("name:string"));
    for (String type : types.split(";")) {
      String[] parts = type.split("=");
      typeMap.put(parts[0], members(parts[1].split(",")));
    }
    root.put("types", typeMap);
    root.put("primaryType", types.split("=")[0]);
    root.put("domain", new LinkedHashMap<>(Map.of("name", "Test")));
    root.put("message", message);
    return root;
  }

  private static List<Object> members(String... nameColonType) {
    List<Object> out = new ArrayList<>();
    for (String m : nameColonType) {
      String[] p = m.split(":");
      out.add(new LinkedHashMap<>(Map.of("name", p[0], "type", p[1])));
    }
    return out;
  }

  private static Map<String, Object> msg(Object... keyValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }

  private static String error(Map<String, Object> document) {
    return assertThrows(InvalidTypedDataException.class, () -> Eip712.digest(TypedData.fromMap(document)))
        .getMessage();
  }
}
