package zone.dimo.sdk.signing.eip712;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.signing.TestVectors.group;
import static zone.dimo.sdk.signing.TestVectors.map;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TypedDataTest {
  private static Map<String, Object> member(String name, String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("type", type);
    return m;
  }

  /** A minimal valid document: EIP712Domain(string name), Ping(uint256 nonce). */
  private static Map<String, Object> root() {
    Map<String, Object> types = new LinkedHashMap<>();
    types.put("EIP712Domain", new ArrayList<>(List.of(member("name", "string"))));
    types.put("Ping", new ArrayList<>(List.of(member("nonce", "uint256"))));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("types", types);
    root.put("primaryType", "Ping");
    root.put("domain", new LinkedHashMap<>(Map.of("name", "App")));
    root.put("message", new LinkedHashMap<>(Map.of("nonce", 1)));
    return root;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> types(Map<String, Object> root) {
    return (Map<String, Object>) root.get("types");
  }

  private static InvalidTypedDataException reject(Map<String, Object> root) {
    return assertThrows(InvalidTypedDataException.class, () -> TypedData.fromMap(root));
  }

  @Test
  void accessorsReturnTheParts() {
    TypedData td = TypedData.fromMap(root());
    assertEquals("Ping", td.primaryType());
    assertEquals(Map.of("name", "App"), td.domain());
    assertEquals(Map.of("nonce", 1), td.message());
    assertEquals(List.of("EIP712Domain", "Ping"), new ArrayList<>(td.types().keySet()));
  }

  @Test
  void isADeepImmutableCopy() {
    Map<String, Object> root = root();
    TypedData td = TypedData.fromMap(root);
    map(root.get("message")).put("nonce", 2);
    types(root).put("Extra", List.of());
    assertEquals(1, td.message().get("nonce"));
    assertEquals(2, td.types().size());
    assertThrows(UnsupportedOperationException.class, () -> td.message().put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> td.domain().clear());
    @SuppressWarnings("unchecked")
    List<Object> pingMembers = (List<Object>) td.types().get("Ping");
    assertThrows(UnsupportedOperationException.class, () -> pingMembers.add(member("x", "bool")));
  }

  @Test
  void equalsByContent() {
    assertEquals(TypedData.fromMap(root()), TypedData.fromMap(root()));
    assertEquals(TypedData.fromMap(root()).hashCode(), TypedData.fromMap(root()).hashCode());
    Map<String, Object> other = root();
    map(other.get("message")).put("nonce", 2);
    assertNotEquals(TypedData.fromMap(root()), TypedData.fromMap(other));
    assertEquals("TypedData[primaryType=Ping, domain={name=App}]", TypedData.fromMap(root()).toString());
  }

  @Test
  void typesAreCompiledOncePerShape() {
    assertSame(TypedData.fromMap(root()).graph(), TypedData.fromMap(root()).graph());
  }

  @Test
  void missingOrMistypedParts() {
    for (String part : new String[] {"types", "domain", "message"}) {
      Map<String, Object> root = root();
      root.remove(part);
      assertEquals(part + ": missing", reject(root).getMessage());
      root.put(part, "x");
      assertEquals(part + ": must be an object", reject(root).getMessage());
    }
    Map<String, Object> root = root();
    root.remove("primaryType");
    assertEquals("primaryType: missing", reject(root).getMessage());
    root.put("primaryType", 1);
    assertEquals("primaryType: must be a string", reject(root).getMessage());
    root.put("primaryType", "Pong");
    assertEquals("primaryType: unknown type 'Pong' (not defined in types)", reject(root).getMessage());
    assertEquals("root == null", assertThrows(NullPointerException.class, () -> TypedData.fromMap(null)).getMessage());
  }

  @Test
  void unknownRootKeysAreIgnored() {
    Map<String, Object> root = root();
    root.put("extra", "ignored");
    assertEquals("Ping", TypedData.fromMap(root).primaryType());
  }

  @Test
  void malformedTypes() {
    Map<String, Object> root = root();
    types(root).put("Ping", "nonce");
    assertEquals("types.Ping: must be an array of {name, type} members", reject(root).getMessage());

    root = root();
    types(root).put("Ping", List.of("nonce"));
    assertEquals("types.Ping[0]: must be an object {name, type}", reject(root).getMessage());

    root = root();
    types(root).put("Ping", List.of(Map.of("name", "nonce")));
    assertEquals("types.Ping[0].type: must be a string", reject(root).getMessage());

    root = root();
    types(root).put("Ping", List.of(Map.of("type", "uint8")));
    assertEquals("types.Ping[0].name: must be a string", reject(root).getMessage());

    root = root();
    types(root).put("Ping", List.of(member("no nce", "uint8")));
    assertEquals("types.Ping[0].name: member name must match [A-Za-z_][A-Za-z0-9_]*", reject(root).getMessage());

    root = root();
    types(root).put("Ping", List.of(member("nonce", "uint8[0]")));
    assertEquals(
        "types.Ping[0].type: array length must be a positive decimal without leading zeros in 'uint8[0]'",
        reject(root).getMessage());

    root = root();
    types(root).put("Ping", List.of(member("nonce", "[2]")));
    assertEquals("types.Ping[0].type: malformed array type '[2]'", reject(root).getMessage());

    root = root();
    types(root).put("uint8", List.of());
    assertEquals("types.uint8: type name 'uint8' is an atomic type", reject(root).getMessage());

    root = root();
    types(root).put("1Ping", List.of());
    assertEquals("types.1Ping: type name must match [A-Za-z_][A-Za-z0-9_]*", reject(root).getMessage());
  }

  @Test
  void domainRules() {
    Map<String, Object> root = root();
    types(root).put("EIP712Domain", List.of());
    assertEquals(
        "types.EIP712Domain: has no members but the domain has values; refusing to sign an empty domain",
        reject(root).getMessage());
    root.put("domain", new LinkedHashMap<>());
    TypedData.fromMap(root); // explicitly empty type and empty domain: allowed (a positive vector)

    root = root();
    map(root.get("domain")).put("salt", "");
    assertEquals("", TypedData.fromMap(root).domain().get("salt")); // standard key, not hashed

    root = root();
    map(root.get("domain")).put("foo", "bar");
    assertEquals(
        "domain.foo: not a member of the EIP712Domain type nor a standard domain field",
        reject(root).getMessage());

    root = root();
    root.put("primaryType", "EIP712Domain");
    assertEquals(
        "primaryType: EIP712Domain cannot be the primary type (domain-only signing is not supported)",
        reject(root).getMessage());

    root = root();
    map(root.get("domain")).remove("name");
    assertEquals("domain.name: missing value for member 'name' of type string", reject(root).getMessage());
  }

  @Test
  void valuesAreCheckedWhenBuilt() {
    Map<String, Object> root = root();
    map(root.get("message")).put("nonce", "x");
    assertEquals(
        "message.nonce: expected a decimal or 0x-hex integer string for uint256, got \"x\"",
        reject(root).getMessage());
  }

  @Test
  void unsupportedJsonValues() {
    Map<String, Object> root = root();
    map(root.get("message")).put("nonce", new AtomicInteger(1));
    assertEquals(
        "message.nonce: unsupported value of java.util.concurrent.atomic.AtomicInteger (expected a JSON value)",
        reject(root).getMessage());
    root = root();
    map(root.get("message")).put("nonce", Double.NaN);
    assertEquals("message.nonce: not a finite number", reject(root).getMessage());
    root = root();
    Map<Object, Object> badKeys = new LinkedHashMap<>();
    badKeys.put(1, "x");
    root.put("message", badKeys);
    assertEquals("message: object keys must be strings, found java.lang.Integer", reject(root).getMessage());
  }

  @Test
  void numbersKeepTheirExactForm() {
    Map<String, Object> root = root();
    BigInteger big = BigInteger.ONE.shiftLeft(200);
    map(root.get("message")).put("nonce", big);
    assertSame(big, TypedData.fromMap(root).message().get("nonce"));
  }

  @Test
  void everyDimoVectorParses() {
    for (Map<String, Object> v : group("dimo")) {
      TypedData td = TypedData.fromMap(map(v.get("typedData")));
      assertTrue(td.primaryType().endsWith("Sign"), td.primaryType());
    }
  }

  @Test
  void equalDomainsShareOneCheckedEncoding() {
    TypedData first = TypedData.fromMap(root());
    Map<String, Object> next = root();
    map(next.get("message")).put("nonce", 7);
    TypedData second = TypedData.fromMap(next);
    assertSame(first.encodedDomain(), second.encodedDomain());
    Eip712.digest(first);
    assertSame(first.cachedDomainSeparator(), second.cachedDomainSeparator());
    assertEquals(
        new BigInteger(1, Eip712.domainSeparator(first)),
        new BigInteger(1, Eip712.domainSeparator(second)));
  }

  @Test
  void aDifferentDomainIsCheckedAndHashedOnItsOwn() {
    TypedData app = TypedData.fromMap(root());
    Map<String, Object> other = root();
    map(other.get("domain")).put("name", "Other");
    TypedData otherApp = TypedData.fromMap(other);
    assertNotEquals(
        new BigInteger(1, Eip712.domainSeparator(app)),
        new BigInteger(1, Eip712.domainSeparator(otherApp)));
    assertNotEquals(new BigInteger(1, Eip712.digest(app)), new BigInteger(1, Eip712.digest(otherApp)));
  }

  @Test
  void aBadDomainIsRefusedAfterAGoodOneWasCached() {
    TypedData.fromMap(root());
    Map<String, Object> bad = root();
    map(bad.get("domain")).put("name", 5);
    InvalidTypedDataException e = reject(bad);
    assertEquals("domain.name", e.path());
    // Equal content of another number class is a different value: checked again, and refused.
    Map<String, Object> typesWithNumber = root();
    types(typesWithNumber).put("EIP712Domain", new ArrayList<>(List.of(member("name", "uint8"))));
    map(typesWithNumber.get("domain")).put("name", 300);
    assertEquals("domain.name", reject(typesWithNumber).path());
  }

  @Test
  void theSameDomainUnderAnotherDomainTypeIsEncodedForThatType() {
    Map<String, Object> asUint = root();
    types(asUint).put("EIP712Domain", new ArrayList<>(List.of(member("name", "uint8"))));
    map(asUint.get("domain")).put("name", "7");
    Map<String, Object> asString = root();
    map(asString.get("domain")).put("name", "7");
    TypedData uint = TypedData.fromMap(asUint);
    TypedData string = TypedData.fromMap(asString);
    assertNotEquals(
        new BigInteger(1, Eip712.domainSeparator(uint)),
        new BigInteger(1, Eip712.domainSeparator(string)));
  }
}
