package zone.dimo.sdk.signing.eip712;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An EIP-712 typed-data document ({@code eth_signTypedData_v4}): {@code types},
 * {@code primaryType}, {@code domain} and {@code message}, as JSON libraries represent them.
 *
 * <p>{@link #fromMap(Map)} makes an immutable deep copy and checks the structure up front: every
 * type well formed and known, no cycles, an explicit {@code EIP712Domain} type, no struct type that
 * the primary type does not use, and no domain key that is neither an {@code EIP712Domain} member
 * nor one of the five standard domain fields. Every domain and message value is checked against
 * its type here too (see {@link Eip712} for the rules), so a bad document fails when it is built,
 * with the path of the bad value.
 *
 * <p>Immutable and thread-safe; compares by content.
 */
public final class TypedData {
  private static final Set<String> STANDARD_DOMAIN_FIELDS =
      new HashSet<String>(Arrays.asList("name", "version", "chainId", "verifyingContract", "salt"));

  private final Map<String, Object> types;
  private final String primaryType;
  private final Map<String, Object> domain;
  private final Map<String, Object> message;
  private final TypeGraph graph;
  private final EncodedDomain encodedDomain;
  private final Encoded encodedMessage;

  /**
   * Checked and encoded domains, shared between documents: an application signs every payload of
   * one service under the same domain, and checking and hashing it again (its strings, its
   * verifying contract's EIP-55 checksum, the separator) would repeat the same work each time.
   * Keyed by the domain's compiled type (an identity: the type graph cache hands out one per
   * distinct types object) and the domain's content; values are immutable, so a hit is exactly what
   * a fresh check would produce.
   */
  private static final int DOMAIN_CACHE_LIMIT = 64;

  private static final Map<DomainKey, EncodedDomain> DOMAIN_CACHE =
      new ConcurrentHashMap<DomainKey, EncodedDomain>();

  private static final class DomainKey {
    final TypeGraph.Struct struct;
    final Map<String, Object> domain;
    final int hash;

    DomainKey(TypeGraph.Struct struct, Map<String, Object> domain) {
      this.struct = struct;
      this.domain = domain;
      this.hash = 31 * System.identityHashCode(struct) + domain.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof DomainKey)) {
        return false;
      }
      DomainKey other = (DomainKey) o;
      return struct == other.struct && domain.equals(other.domain);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A checked domain's encoding and, once computed, its separator hash. */
  private static final class EncodedDomain {
    final Encoded encoded;
    // Derived from immutable state; computed once on first use.
    volatile byte[] separator;

    EncodedDomain(Encoded encoded) {
      this.encoded = encoded;
    }
  }

  private TypedData(
      Map<String, Object> types,
      String primaryType,
      Map<String, Object> domain,
      Map<String, Object> message,
      TypeGraph graph) {
    this.types = types;
    this.primaryType = primaryType;
    this.domain = domain;
    this.message = message;
    this.graph = graph;
    // Values are checked against their types here, so a bad document fails when it is parsed.
    this.encodedDomain = encodeDomain(graph, domain);
    this.encodedMessage =
        Encoder.struct(graph, graph.struct(primaryType), message, Path.root("message"));
  }

  /**
   * Builds typed data from a parsed JSON object with the keys {@code types}, {@code primaryType},
   * {@code domain} and {@code message} (other keys are ignored). Values must be what a JSON library
   * yields: {@link Map} (string keys), {@link List}, {@link String}, {@link Boolean}, {@code null},
   * or a {@link Number} ({@link Integer}, {@link Long}, {@link Short}, {@link Byte},
   * {@link BigInteger}, {@link BigDecimal}, or {@link Double}/{@link Float}, accepted for integer
   * types only when integral and at most 2<sup>53</sup> in magnitude).
   *
   * @param root the document
   * @return the typed data
   * @throws NullPointerException if {@code root} is null
   * @throws InvalidTypedDataException if a part is missing or has the wrong shape, the types are
   *     malformed, unknown, cyclic, unused, or do not describe the domain, or a value does not fit
   *     its type
   */
  public static TypedData fromMap(Map<String, ?> root) {
    Objects.requireNonNull(root, "root == null");
    Map<String, Object> types = requireObject(root, "types");
    Object primary = root.get("primaryType");
    if (!(primary instanceof String)) {
      throw new InvalidTypedDataException(
          "primaryType", primary == null ? "missing" : "must be a string");
    }
    Map<String, Object> domain = requireObject(root, "domain");
    Map<String, Object> message = requireObject(root, "message");
    String primaryType = (String) primary;

    TypeGraph graph = TypeGraph.of(types);
    if (primaryType.equals(TypeGraph.DOMAIN)) {
      throw new InvalidTypedDataException(
          "primaryType", "EIP712Domain cannot be the primary type (domain-only signing is not supported)");
    }
    if (graph.struct(primaryType) == null) {
      throw new InvalidTypedDataException(
          "primaryType", "unknown type " + FieldType.quote(primaryType) + " (not defined in types)");
    }
    TypeGraph.Struct domainType = graph.struct(TypeGraph.DOMAIN);
    if (domainType == null) {
      throw new InvalidTypedDataException(
          "types.EIP712Domain",
          "missing; the domain must be described by an explicit EIP712Domain type");
    }
    Set<String> used = graph.reachableFrom(primaryType);
    used.addAll(graph.reachableFrom(TypeGraph.DOMAIN));
    for (String name : types.keySet()) {
      if (!used.contains(name)) {
        throw new InvalidTypedDataException(
            "types." + name,
            "type is not used by primaryType '" + primaryType
                + "' or EIP712Domain (unused types are refused, as they would not be signed)");
      }
    }
    if (domainType.memberNames.length == 0 && !domain.isEmpty()) {
      throw new InvalidTypedDataException(
          "types.EIP712Domain",
          "has no members but the domain has values; refusing to sign an empty domain");
    }
    Set<String> domainMembers = new HashSet<String>(Arrays.asList(domainType.memberNames));
    for (String key : domain.keySet()) {
      if (!domainMembers.contains(key) && !STANDARD_DOMAIN_FIELDS.contains(key)) {
        throw new InvalidTypedDataException(
            "domain." + key, "not a member of the EIP712Domain type nor a standard domain field");
      }
    }
    return new TypedData(types, primaryType, domain, message, graph);
  }

  private static EncodedDomain encodeDomain(TypeGraph graph, Map<String, Object> domain) {
    TypeGraph.Struct struct = graph.struct(TypeGraph.DOMAIN);
    DomainKey key = new DomainKey(struct, domain);
    EncodedDomain encoded = DOMAIN_CACHE.get(key);
    if (encoded == null) {
      encoded = new EncodedDomain(Encoder.struct(graph, struct, domain, Path.root("domain")));
      if (DOMAIN_CACHE.size() >= DOMAIN_CACHE_LIMIT) {
        DOMAIN_CACHE.clear(); // bounded, as the type graph cache
      }
      DOMAIN_CACHE.put(key, encoded);
    }
    return encoded;
  }

  private static Map<String, Object> requireObject(Map<String, ?> root, String key) {
    Object value = root.get(key);
    if (value == null) {
      throw new InvalidTypedDataException(key, "missing");
    }
    if (!(value instanceof Map)) {
      throw new InvalidTypedDataException(key, "must be an object");
    }
    return copyMap((Map<?, ?>) value, Path.root(key));
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, Path path) {
    Map<String, Object> copy = new LinkedHashMap<String, Object>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String)) {
        throw path.error("object keys must be strings, found " + typeName(entry.getKey()));
      }
      String key = (String) entry.getKey();
      copy.put(key, copyValue(entry.getValue(), path.member(key)));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, Path path) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw path.error("not a finite number");
      }
      return value;
    }
    if (value instanceof Map) {
      return copyMap((Map<?, ?>) value, path);
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      List<Object> copy = new ArrayList<Object>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(copyValue(list.get(i), path.index(i)));
      }
      return Collections.unmodifiableList(copy);
    }
    throw path.error("unsupported value of " + typeName(value) + " (expected a JSON value)");
  }

  private static String typeName(Object o) {
    return o == null ? "null" : o.getClass().getName();
  }

  /**
   * Returns the {@code types} object: type name to a list of {@code {name, type}} maps.
   *
   * @return an unmodifiable deep copy, in the order given
   */
  public Map<String, Object> types() {
    return types;
  }

  /**
   * Returns the name of the type of {@link #message()}.
   *
   * @return the primary type
   */
  public String primaryType() {
    return primaryType;
  }

  /**
   * Returns the {@code domain} object as given (including keys the {@code EIP712Domain} type does
   * not list, such as DIMO's {@code "salt": ""}, which are not hashed).
   *
   * @return an unmodifiable deep copy
   */
  public Map<String, Object> domain() {
    return domain;
  }

  /**
   * Returns the {@code message} object.
   *
   * @return an unmodifiable deep copy
   */
  public Map<String, Object> message() {
    return message;
  }

  TypeGraph graph() {
    return graph;
  }

  Encoded encodedDomain() {
    return encodedDomain.encoded;
  }

  Encoded encodedMessage() {
    return encodedMessage;
  }

  byte[] cachedDomainSeparator() {
    return encodedDomain.separator;
  }

  void cacheDomainSeparator(byte[] separator) {
    encodedDomain.separator = separator;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TypedData)) {
      return false;
    }
    TypedData other = (TypedData) o;
    return types.equals(other.types)
        && primaryType.equals(other.primaryType)
        && domain.equals(other.domain)
        && message.equals(other.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(types, primaryType, domain, message);
  }

  /** Returns {@code TypedData[primaryType=…, domain={…}]}. */
  @Override
  public String toString() {
    return "TypedData[primaryType=" + primaryType + ", domain=" + domain + "]";
  }
}
