package zone.dimo.sdk.signing.eip712;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.signing.TestVectors.group;
import static zone.dimo.sdk.signing.TestVectors.hex;
import static zone.dimo.sdk.signing.TestVectors.map;
import static zone.dimo.sdk.signing.TestVectors.str;
import static zone.dimo.sdk.signing.TestVectors.toHex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;
import zone.dimo.sdk.signing.SignatureChecks;
import zone.dimo.sdk.signing.TestVectors;

class Eip712Test {

  // ---------------------------------------------------------------- positive (31)

  static Stream<Arguments> positive() {
    return group("typedData.positive").stream().map(v -> Arguments.of(v.get("id"), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positive")
  void positiveVectorMatchesEveryIntermediateValueAndSignature(String id, Map<String, Object> vector) {
    checkExpected(vector);
  }

  @Test
  void thereAre31PositiveVectors() {
    assertEquals(31, group("typedData.positive").size());
  }

  // ---------------------------------------------------------------- dimo (10)

  static Stream<Arguments> dimo() {
    return group("dimo").stream().map(v -> Arguments.of(v.get("id"), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dimo")
  void dimoPayloadMatchesEveryIntermediateValueAndSignature(String id, Map<String, Object> vector) {
    TypedData td = checkExpected(vector);
    Map<String, Object> checks = map(vector.get("dimoChecks"));
    assertEquals(str(checks, "solidityTypehashString"), Eip712.encodeType(td, td.primaryType()));
    assertEquals(str(checks, "solidityTypehash"), toHex(Eip712.typeHash(td, td.primaryType())));
    assertEquals(str(checks, "solidityStyleDomainSeparator"), toHex(Eip712.domainSeparator(td)));
    assertEquals(
        str(checks, "solidityStyleHashStruct"),
        toHex(Eip712.hashStruct(td, td.primaryType(), td.message())));
    assertEquals(str(checks, "solidityStyleDigest"), toHex(Eip712.digest(td)));
    // The "salt": "" key that DIMO sends is kept in the document but not hashed.
    assertEquals("", td.domain().get("salt"));
  }

  /** Asserts every value in {@code expected}, then the signatures; returns the parsed data. */
  private static TypedData checkExpected(Map<String, Object> vector) {
    TypedData td = TypedData.fromMap(map(vector.get("typedData")));
    Map<String, Object> expected = map(vector.get("expected"));
    String primary = td.primaryType();
    assertEquals(str(expected, "encodeType"), Eip712.encodeType(td, primary));
    assertEquals(str(expected, "typeHash"), toHex(Eip712.typeHash(td, primary)));
    Map<String, Object> allEncodeTypes = map(expected.get("allEncodeTypes"));
    Map<String, Object> allTypeHashes = map(expected.get("allTypeHashes"));
    assertEquals(allEncodeTypes.keySet(), allTypeHashes.keySet());
    for (String type : allEncodeTypes.keySet()) {
      assertEquals(allEncodeTypes.get(type), Eip712.encodeType(td, type), type);
      assertEquals(allTypeHashes.get(type), toHex(Eip712.typeHash(td, type)), type);
    }
    assertEquals(str(expected, "domainEncodeType"), Eip712.encodeType(td, "EIP712Domain"));
    assertEquals(str(expected, "domainTypeHash"), toHex(Eip712.typeHash(td, "EIP712Domain")));
    assertEquals(str(expected, "domainSeparator"), toHex(Eip712.domainSeparator(td)));
    assertEquals(
        str(expected, "domainSeparator"),
        toHex(Eip712.hashStruct(td, "EIP712Domain", td.domain())));
    assertEquals(str(expected, "encodeData"), toHex(Eip712.encodeData(td, primary, td.message())));
    assertEquals(str(expected, "hashStruct"), toHex(Eip712.hashStruct(td, primary, td.message())));
    byte[] preimage = new byte[66];
    preimage[0] = 0x19;
    preimage[1] = 0x01;
    System.arraycopy(Eip712.domainSeparator(td), 0, preimage, 2, 32);
    System.arraycopy(Eip712.hashStruct(td, primary, td.message()), 0, preimage, 34, 32);
    assertEquals(str(expected, "digestPreimage"), toHex(preimage));
    byte[] digest = Eip712.digest(td);
    assertEquals(str(expected, "digest"), toHex(digest));
    assertEquals(5, SignatureChecks.checkAll(expected.get("signatures"), digest));
    // Eip712.sign is signDigest(digest(..)).
    Map<String, Object> first = map(((List<?>) expected.get("signatures")).get(0));
    PrivateKey key = PrivateKey.fromHex(str(TestVectors.key(str(first, "key")), "privateKey"));
    assertEquals(str(first, "signature"), Eip712.sign(td, Secp256k1Signer.of(key)).toHex());
    return td;
  }

  // ---------------------------------------------------------------- divergent (17)

  /**
   * What we do where libraries disagree. "reject" entries give the exact error; "accept" entries
   * name the library whose digest we reproduce. Two deliberate choices: a type that the primary type
   * does not use is refused (the vectors' negative set requires it for the structurally identical
   * neg_ambiguous_primary, and an unused type is content that looks signed but is not), and
   * domain-only signing (primaryType EIP712Domain, optional) is not supported.
   */
  private static final Map<String, String> DIVERGENT = new LinkedHashMap<>();

  static {
    DIVERGENT.put("div_missing_struct_value", "message.inner: missing value for member 'inner' of type Inner");
    DIVERGENT.put("div_bytes_non_hex", "message.b: expected a 0x-prefixed hex string for bytes, got \"hello\"");
    DIVERGENT.put("div_bytesN_short", "message.b: bytes4 needs exactly 4 bytes, got 3");
    DIVERGENT.put("div_bytesN_long", "message.b: bytes4 needs exactly 4 bytes, got 5");
    DIVERGENT.put("div_fixed_array_length", "message.a: uint256[3] needs exactly 3 elements, got 2");
    DIVERGENT.put("div_int_positive_over_range", "message.i: 200 is out of range for int8");
    DIVERGENT.put("div_negative_hex", "accept:ethers");
    DIVERGENT.put("div_bad_checksum", "message.a: bad EIP-55 checksum: \"0xcD2a3d9F938E13CD947Ec05AbC7FE734df8DD826\"");
    DIVERGENT.put("div_bool_string", "message.f: expected a JSON boolean for bool, got string \"false\"");
    DIVERGENT.put("div_uint_alias", "types.U[0].type: unknown type 'uint' (the alias is not allowed in EIP-712; write uint256)");
    DIVERGENT.put("div_unused_type", "types.Unused: type is not used by primaryType 'Main' or EIP712Domain (unused types are refused, as they would not be signed)");
    DIVERGENT.put("div_empty_struct", "accept:ethers");
    DIVERGENT.put("div_domain_field_order", "accept:ethSigUtilV4");
    DIVERGENT.put("div_domain_custom_field", "accept:ethSigUtilV4");
    DIVERGENT.put("div_missing_eip712domain_type", "types.EIP712Domain: missing; the domain must be described by an explicit EIP712Domain type");
    DIVERGENT.put("div_domain_only_primary", "primaryType: EIP712Domain cannot be the primary type (domain-only signing is not supported)");
    DIVERGENT.put("div_non_word_type_name", "types.Outer[0].type: unknown type 'Per.son'");
  }

  static Stream<Arguments> divergent() {
    return group("typedData.divergent").stream().map(v -> Arguments.of(v.get("id"), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("divergent")
  void divergentVectorFollowsTheRecommendedBehaviour(String id, Map<String, Object> vector) {
    String expected = DIVERGENT.get(id);
    assertNotNull(expected, "no decision recorded for " + id);
    String recommendation = str(vector, "recommendedSdkBehaviour");
    if (expected.startsWith("accept:")) {
      assertTrue(recommendation.startsWith("accept") || recommendation.contains("or accept")
          || recommendation.startsWith("follow"), recommendation);
      Map<String, Object> reference = map(vector.get(expected.substring("accept:".length())));
      assertEquals(Boolean.TRUE, reference.get("accepts"));
      TypedData td = TypedData.fromMap(map(vector.get("typedData")));
      assertEquals(str(reference, "encodeType"), Eip712.encodeType(td, td.primaryType()));
      assertEquals(str(reference, "typeHash"), toHex(Eip712.typeHash(td, td.primaryType())));
      assertEquals(str(reference, "domainSeparator"), toHex(Eip712.domainSeparator(td)));
      assertEquals(str(reference, "hashStruct"), toHex(Eip712.hashStruct(td, td.primaryType(), td.message())));
      assertEquals(str(reference, "digest"), toHex(Eip712.digest(td)));
    } else {
      InvalidTypedDataException e = assertThrows(InvalidTypedDataException.class, () -> digestOf(vector));
      assertEquals(expected, e.getMessage());
      assertTrue(e.getMessage().startsWith(e.path() + ": "), e.getMessage());
    }
  }

  @Test
  void everyDivergentDecisionIsUsed() {
    List<String> ids = new ArrayList<>();
    group("typedData.divergent").forEach(v -> ids.add(str(v, "id")));
    assertEquals(new ArrayList<>(DIVERGENT.keySet()), ids);
  }

  // ---------------------------------------------------------------- negative (55)

  private static final Map<String, String> NEGATIVE = new LinkedHashMap<>();

  static {
    NEGATIVE.put("neg_missing_type", "types.Mail[0].type: unknown type 'Persn'");
    NEGATIVE.put("neg_missing_type_in_array", "types.Mail[0].type: unknown type 'Persn'");
    NEGATIVE.put("neg_self_recursion", "types.Node[1].type: cyclic type reference Node -> Node (recursive types cannot be encoded)");
    NEGATIVE.put("neg_self_recursion_array", "types.Tree[1].type: cyclic type reference Tree -> Tree (recursive types cannot be encoded)");
    NEGATIVE.put("neg_mutual_recursion", "types.B[0].type: cyclic type reference A -> B -> A (recursive types cannot be encoded)");
    NEGATIVE.put("neg_cycle_no_root", "types.B[0].type: cyclic type reference A -> B -> A (recursive types cannot be encoded)");
    NEGATIVE.put("neg_unknown_primitive_uint7", "types.P[0].type: unknown type 'uint7' (not a valid atomic type)");
    NEGATIVE.put("neg_unknown_primitive_uint264", "types.P[0].type: unknown type 'uint264' (not a valid atomic type)");
    NEGATIVE.put("neg_unknown_primitive_uint0", "types.P[0].type: unknown type 'uint0' (not a valid atomic type)");
    NEGATIVE.put("neg_unknown_primitive_int9", "types.P[0].type: unknown type 'int9' (not a valid atomic type)");
    NEGATIVE.put("neg_unknown_primitive_uint08", "types.P[0].type: unknown type 'uint08' (not a valid atomic type)");
    NEGATIVE.put("neg_unknown_primitive_bytes33", "types.P[0].type: unknown type 'bytes33' (not a valid atomic type)");
    NEGATIVE.put("neg_unknown_primitive_bytes0", "types.P[0].type: unknown type 'bytes0' (not a valid atomic type)");
    NEGATIVE.put("neg_unknown_primitive_float", "types.P[0].type: unknown type 'float'");
    NEGATIVE.put("neg_unknown_primitive_byte", "types.P[0].type: unknown type 'byte'");
    NEGATIVE.put("neg_unknown_primitive_address_payable", "types.P[0].type: unknown type 'address payable'");
    NEGATIVE.put("neg_unknown_primitive_string8", "types.P[0].type: unknown type 'string8' (not a valid atomic type)");
    NEGATIVE.put("neg_range_uint8_2_8", "message.v: 256 is out of range for uint8");
    NEGATIVE.put("neg_range_uint8_negative", "message.v: -1 is out of range for uint8");
    NEGATIVE.put("neg_range_uint256_2_256", "message.v: 115792089237316195423570985008687907853269984665640564039457584007913129639936 is out of range for uint256");
    NEGATIVE.put("neg_range_uint256_negative_decimal_string", "message.v: -1 is out of range for uint256");
    NEGATIVE.put("neg_range_int8_2_7", "message.v: 128 is out of range for int8");
    NEGATIVE.put("neg_range_int8__2_7_1", "message.v: -129 is out of range for int8");
    NEGATIVE.put("neg_range_int256_2_255", "message.v: 57896044618658097711785492504343953926634992332820282019728792003956564819968 is out of range for int256");
    NEGATIVE.put("neg_range_int256__2_255_1", "message.v: -57896044618658097711785492504343953926634992332820282019728792003956564819969 is out of range for int256");
    NEGATIVE.put("neg_range_uint32_2_32_as_hex", "message.v: 4294967296 is out of range for uint32");
    NEGATIVE.put("neg_range_uint64_2_64", "message.v: 18446744073709551616 is out of range for uint64");
    NEGATIVE.put("neg_uint_fraction", "message.v: not an integer for uint256: 1.5");
    NEGATIVE.put("neg_uint_unsafe_json_number", "message.v: exponent notation is not accepted for uint256: 1E+21");
    NEGATIVE.put("neg_uint_garbage_string", "message.v: expected a decimal or 0x-hex integer string for uint256, got \"12abc\"");
    NEGATIVE.put("neg_uint_empty_string", "message.v: expected a decimal or 0x-hex integer string for uint256, got \"\"");
    NEGATIVE.put("neg_bytes_bytes4_short", "message.v: bytes4 needs exactly 4 bytes, got 3");
    NEGATIVE.put("neg_bytes_bytes4_long", "message.v: bytes4 needs exactly 4 bytes, got 5");
    NEGATIVE.put("neg_bytes_bytes32_31_bytes", "message.v: bytes32 needs exactly 32 bytes, got 31");
    NEGATIVE.put("neg_bytes_bytes1_empty", "message.v: bytes1 needs exactly 1 byte, got 0");
    NEGATIVE.put("neg_bytes_bytes2_odd_hex_length", "message.v: odd number of hex digits for bytes2: \"0x123\"");
    NEGATIVE.put("neg_bytes_bytes_odd_hex_length_dynamic_", "message.v: odd number of hex digits for bytes: \"0x123\"");
    NEGATIVE.put("neg_bytes_bytes_non_hex_string_dynamic_", "message.v: expected a 0x-prefixed hex string for bytes, got \"hello\"");
    NEGATIVE.put("neg_address_bad_EIP_55_checksum", "message.v: bad EIP-55 checksum: \"0xcD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\"");
    NEGATIVE.put("neg_address_19_bytes", "message.v: address must have 40 hex digits, has 38: \"0xcd2a3d9f938e13cd947ec05abc7fe734df8dd8\"");
    NEGATIVE.put("neg_address_21_bytes", "message.v: address must have 40 hex digits, has 42: \"0xcd2a3d9f938e13cd947ec05abc7fe734df8dd82600\"");
    NEGATIVE.put("neg_address_non_hex", "message.v: address has a non-hex character at index 2: \"0xzz2a3d9f938e13cd947ec05abc7fe734df8dd826\"");
    NEGATIVE.put("neg_address_empty_string", "message.v: address must start with 0x: \"\"");
    NEGATIVE.put("neg_address_ENS_name_needs_a_resolver_not_encodable_offline_", "message.v: address must start with 0x: \"vitalik.eth\"");
    NEGATIVE.put("neg_fixed_array_length", "message.v: uint8[2] needs exactly 2 elements, got 3");
    NEGATIVE.put("neg_missing_primitive_field", "message.b: missing value for member 'b' of type string");
    NEGATIVE.put("neg_missing_struct_field", "message.in: missing value for member 'in' of type In");
    NEGATIVE.put("neg_array_not_array", "message.a: expected an array for uint8[], got string \"1,2,3\"");
    NEGATIVE.put("neg_string_given_number", "message.s: expected a string, got number 42");
    NEGATIVE.put("neg_duplicate_member", "types.M[1].name: duplicate member 'a' in M");
    NEGATIVE.put("neg_ambiguous_primary", "types.N: type is not used by primaryType 'M' or EIP712Domain (unused types are refused, as they would not be signed)");
    NEGATIVE.put("neg_domain_unknown_key", "domain.foo: not a member of the EIP712Domain type nor a standard domain field");
    NEGATIVE.put("neg_domain_salt_length", "domain.salt: bytes32 needs exactly 32 bytes, got 2");
    NEGATIVE.put("neg_domain_negative_chainid", "domain.chainId: -1 is out of range for uint256");
    NEGATIVE.put("neg_domain_bad_contract", "domain.verifyingContract: bad EIP-55 checksum: \"0xcD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\"");
  }

  static Stream<Arguments> negative() {
    return group("typedData.negative").stream().map(v -> Arguments.of(v.get("id"), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negative")
  void negativeVectorIsRejectedWithThePathOfTheBadValue(String id, Map<String, Object> vector) {
    String expected = NEGATIVE.get(id);
    assertNotNull(expected, "no expected error recorded for " + id);
    InvalidTypedDataException e = assertThrows(InvalidTypedDataException.class, () -> digestOf(vector));
    assertEquals(expected, e.getMessage());
    assertEquals(expected.substring(0, expected.indexOf(": ")), e.path());
  }

  @Test
  void everyNegativeExpectationIsUsed() {
    List<String> ids = new ArrayList<>();
    group("typedData.negative").forEach(v -> ids.add(str(v, "id")));
    assertEquals(new ArrayList<>(NEGATIVE.keySet()), ids);
  }

  private static byte[] digestOf(Map<String, Object> vector) {
    return Eip712.digest(TypedData.fromMap(map(vector.get("typedData"))));
  }

  // ---------------------------------------------------------------- focused cases

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
    return assertThrows(
            InvalidTypedDataException.class, () -> Eip712.digest(TypedData.fromMap(document)))
        .getMessage();
  }

  private static byte[] word(Map<String, Object> document) {
    TypedData td = TypedData.fromMap(document);
    byte[] encoded = Eip712.encodeData(td, td.primaryType(), td.message());
    return Arrays.copyOfRange(encoded, 32, 64);
  }

  @Test
  void nestedErrorPathNamesEveryLevel() {
    Map<String, Object> doc =
        document(
            "Mail=to:Person[];Person=wallets:address[]",
            msg(
                "to",
                List.of(
                    msg("wallets", List.of("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826")),
                    msg(
                        "wallets",
                        List.of("0xcD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826")))));
    assertEquals(
        "message.to[1].wallets[0]: bad EIP-55 checksum: \"0xcD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\"",
        error(doc));
  }

  @Test
  void unknownMemberTypeNamesTheMember() {
    assertEquals(
        "types.Mail[2].type: unknown type 'Foo'",
        error(document("Mail=a:string,b:string,c:Foo", msg())));
  }

  @Test
  void integersAcceptEveryJsonIntegerForm() {
    byte[] fortyTwo = new byte[32];
    fortyTwo[31] = 42;
    for (Object value :
        new Object[] {
          42, 42L, (short) 42, (byte) 42, BigInteger.valueOf(42), new BigDecimal("42"), 42.0d, 42.0f,
          "42", "0x2a", "0X2A", "0x000000002a", "042"
        }) {
      assertArrayEquals(fortyTwo, word(document("I=i:uint8", msg("i", value))), String.valueOf(value));
    }
    byte[] minusOne = new byte[32];
    Arrays.fill(minusOne, (byte) 0xff);
    for (Object value : new Object[] {-1, -1L, "-1", "-0x1", BigInteger.ONE.negate(), -1.0d}) {
      assertArrayEquals(minusOne, word(document("I=i:int256", msg("i", value))), String.valueOf(value));
    }
  }

  @Test
  void integersRejectOtherForms() {
    assertEquals(
        "message.i: expected a decimal or 0x-hex integer string for uint8, got \"0x\"",
        error(document("I=i:uint8", msg("i", "0x"))));
    assertEquals(
        "message.i: expected a decimal or 0x-hex integer string for uint8, got \" 1\"",
        error(document("I=i:uint8", msg("i", " 1"))));
    assertEquals(
        "message.i: expected a decimal or 0x-hex integer string for uint8, got \"+1\"",
        error(document("I=i:uint8", msg("i", "+1"))));
    assertEquals(
        "message.i: expected a decimal or 0x-hex integer string for uint8, got \"1e3\"",
        error(document("I=i:uint8", msg("i", "1e3"))));
    assertEquals(
        "message.i: not an integer for uint8: 1.0",
        error(document("I=i:uint8", msg("i", new BigDecimal("1.0")))));
    assertEquals(
        "message.i: not an integer for uint8: 0.5",
        error(document("I=i:uint8", msg("i", 0.5d))));
    assertEquals(
        "message.i: floating-point number beyond 2^53 is not exact for uint256; pass it as a decimal or hex string",
        error(document("I=i:uint256", msg("i", 1e21d))));
    assertEquals(
        "message.i: expected an integer for uint8, got boolean true",
        error(document("I=i:uint8", msg("i", true))));
  }

  @Test
  void boolAcceptsOnlyJsonBooleans() {
    assertEquals(1, word(document("B=b:bool", msg("b", true)))[31]);
    assertEquals(0, word(document("B=b:bool", msg("b", false)))[31]);
    assertEquals(
        "message.b: expected a JSON boolean for bool, got number 1",
        error(document("B=b:bool", msg("b", 1))));
  }

  @Test
  void nullValuesAreNamed() {
    assertEquals(
        "message.s: null value for member 's' of type string",
        error(document("S=s:string", msg("s", null))));
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    assertEquals(
        "message.a[0]: null element in string[]",
        error(document("S=a:string[]", msg("a", withNull))));
  }

  @Test
  void fixedBytesAreRightPadded() {
    byte[] expected = new byte[32];
    expected[0] = 0x12;
    expected[1] = 0x34;
    assertArrayEquals(expected, word(document("B=b:bytes2", msg("b", "0x1234"))));
  }

  @Test
  void nestedArraysHashPerLevel() {
    TypedData td =
        TypedData.fromMap(
            document("A=a:uint8[][]", msg("a", List.of(List.of(1, 2), List.of(3)))));
    byte[] inner1 = new byte[64];
    inner1[31] = 1;
    inner1[63] = 2;
    byte[] inner2 = new byte[32];
    inner2[31] = 3;
    byte[] outer = new byte[64];
    System.arraycopy(zone.dimo.sdk.signing.Keccak256.hash(inner1), 0, outer, 0, 32);
    System.arraycopy(zone.dimo.sdk.signing.Keccak256.hash(inner2), 0, outer, 32, 32);
    byte[] encoded = Eip712.encodeData(td, "A", td.message());
    assertArrayEquals(
        zone.dimo.sdk.signing.Keccak256.hash(outer), Arrays.copyOfRange(encoded, 32, 64));
  }

  @Test
  void unknownTypeArgumentIsRefused() {
    TypedData td = TypedData.fromMap(document("S=s:string", msg("s", "x")));
    InvalidTypedDataException e =
        assertThrows(InvalidTypedDataException.class, () -> Eip712.typeHash(td, "Nope"));
    assertEquals("types: unknown type 'Nope'", e.getMessage());
    assertEquals("types", e.path());
  }

  @Test
  void encodeDataOnOtherDataUsesTheTypeNameAsRoot() {
    TypedData td = TypedData.fromMap(document("S=s:string", msg("s", "x")));
    assertEquals(
        "S.s: expected a string, got number 1",
        assertThrows(
                InvalidTypedDataException.class,
                () -> Eip712.encodeData(td, "S", Map.of("s", 1)))
            .getMessage());
  }

  @Test
  void resultsAreFreshCopies() {
    TypedData td = TypedData.fromMap(document("S=s:string", msg("s", "x")));
    byte[] separator = Eip712.domainSeparator(td);
    separator[0] ^= 1;
    assertEquals(false, Arrays.equals(separator, Eip712.domainSeparator(td)));
    byte[] typeHash = Eip712.typeHash(td, "S");
    typeHash[0] ^= 1;
    assertEquals(false, Arrays.equals(typeHash, Eip712.typeHash(td, "S")));
  }

  @Test
  void signRecoversToTheSigner() {
    PrivateKey key = PrivateKey.fromHex("0x" + "11".repeat(32));
    TypedData td = TypedData.fromMap(document("S=s:string", msg("s", "x")));
    EthSignature signature = Eip712.sign(td, Secp256k1Signer.of(key));
    assertEquals(key.address(), signature.recoverSigner(Eip712.digest(td)));
  }

  @Test
  void nullArgumentsAreNamed() {
    TypedData td = TypedData.fromMap(document("S=s:string", msg("s", "x")));
    assertEquals("typedData == null", assertThrows(NullPointerException.class, () -> Eip712.digest(null)).getMessage());
    assertEquals("type == null", assertThrows(NullPointerException.class, () -> Eip712.encodeType(td, null)).getMessage());
    assertEquals("data == null", assertThrows(NullPointerException.class, () -> Eip712.encodeData(td, "S", null)).getMessage());
    assertEquals("signer == null", assertThrows(NullPointerException.class, () -> Eip712.sign(td, null)).getMessage());
  }

  @Test
  void knownVectorDigestIsStable() {
    // The EIP-712 specification's own example digest.
    Map<String, Object> mail = group("typedData.positive").get(0);
    assertArrayEquals(
        hex("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"),
        digestOf(mail));
  }
}
