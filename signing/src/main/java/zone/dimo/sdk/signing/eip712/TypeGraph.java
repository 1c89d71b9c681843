package zone.dimo.sdk.signing.eip712;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import zone.dimo.sdk.signing.Keccak256;

/**
 * The validated struct types of one typed-data document with everything that depends only on the
 * types precomputed: member lists, {@code encodeType} strings and type hashes.
 *
 * <p>Compiled once per distinct {@code types} object and shared through a small cache, because
 * applications sign many payloads of the same few shapes (DIMO has one per operation).
 */
final class TypeGraph {
  static final String DOMAIN = "EIP712Domain";

  private static final int CACHE_LIMIT = 64;
  private static final Map<Map<String, Object>, TypeGraph> CACHE =
      new ConcurrentHashMap<Map<String, Object>, TypeGraph>();

  /** One struct type. */
  static final class Struct {
    final String name;
    final String[] memberNames;
    final FieldType[] memberTypes;
    final String encodeType;
    final byte[] typeHash;

    Struct(String name, String[] memberNames, FieldType[] memberTypes, String encodeType) {
      this.name = name;
      this.memberNames = memberNames;
      this.memberTypes = memberTypes;
      this.encodeType = encodeType;
      this.typeHash = Keccak256.hash(encodeType.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final Map<String, Struct> structs;

  private TypeGraph(Map<String, Struct> structs) {
    this.structs = structs;
  }

  /** The struct called {@code name}, or null. */
  Struct struct(String name) {
    return structs.get(name);
  }

  /**
   * Returns the compiled graph for {@code types} (an immutable deep copy made by {@link
   * TypedData}), from the cache when the same types were compiled before.
   *
   * @throws InvalidTypedDataException if a type is malformed, unknown or cyclic
   */
  static TypeGraph of(Map<String, Object> types) {
    TypeGraph graph = CACHE.get(types);
    if (graph == null) {
      graph = compile(types);
      if (CACHE.size() >= CACHE_LIMIT) {
        // Crude but bounded: applications use a handful of shapes, so a full cache means someone
        // is feeding arbitrary types and a reset costs only recompilation.
        CACHE.clear();
      }
      CACHE.put(types, graph);
    }
    return graph;
  }

  static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static TypeGraph compile(Map<String, Object> types) {
    // Parse every member of every type.
    Map<String, String[]> names = new LinkedHashMap<String, String[]>();
    Map<String, FieldType[]> fieldTypes = new LinkedHashMap<String, FieldType[]>();
    Map<String, String[]> typeTexts = new LinkedHashMap<String, String[]>();
    for (Map.Entry<String, Object> entry : types.entrySet()) {
      String typeName = entry.getKey();
      Path typePath = Path.root("types").member(typeName);
      if (!isIdentifier(typeName)) {
        throw typePath.error("type name must match [A-Za-z_][A-Za-z0-9_]*");
      }
      if (FieldType.atomic(typeName) != null) {
        throw typePath.error("type name '" + typeName + "' is an atomic type");
      }
      if (FieldType.isBadWidth(typeName) || typeName.equals("uint") || typeName.equals("int")) {
        // uint7 or uint would read as a (bad) atomic type wherever it is used, never as this struct.
        throw typePath.error("type name '" + typeName + "' is reserved for atomic types");
      }
      if (!(entry.getValue() instanceof List)) {
        throw typePath.error("must be an array of {name, type} members");
      }
      List<?> members = (List<?>) entry.getValue();
      String[] memberNames = new String[members.size()];
      FieldType[] memberTypes = new FieldType[members.size()];
      String[] texts = new String[members.size()];
      Set<String> seen = new HashSet<String>();
      for (int i = 0; i < members.size(); i++) {
        Path memberPath = typePath.index(i);
        if (!(members.get(i) instanceof Map)) {
          throw memberPath.error("must be an object {name, type}");
        }
        Map<?, ?> member = (Map<?, ?>) members.get(i);
        Object name = member.get("name");
        Object type = member.get("type");
        if (!(name instanceof String)) {
          throw memberPath.member("name").error("must be a string");
        }
        if (!(type instanceof String)) {
          throw memberPath.member("type").error("must be a string");
        }
        if (!isIdentifier((String) name)) {
          throw memberPath.member("name").error("member name must match [A-Za-z_][A-Za-z0-9_]*");
        }
        if (!seen.add((String) name)) {
          throw memberPath.member("name")
              .error("duplicate member " + FieldType.quote((String) name) + " in " + typeName);
        }
        FieldType parsed;
        try {
          parsed = FieldType.parse((String) type);
        } catch (IllegalArgumentException e) {
          throw memberPath.member("type").error(e.getMessage());
        }
        FieldType base = parsed.base();
        if (base.kind == FieldType.STRUCT && !types.containsKey(base.name)) {
          throw memberPath.member("type")
              .error("unknown type " + FieldType.quote(base.name)
                  + (FieldType.looksAtomic(base.name) ? " (not a valid atomic type)" : ""));
        }
        memberNames[i] = (String) name;
        memberTypes[i] = parsed;
        texts[i] = (String) type;
      }
      names.put(typeName, memberNames);
      fieldTypes.put(typeName, memberTypes);
      typeTexts.put(typeName, texts);
    }

    // Refuse cycles: EIP-712 cannot encode cyclic data, and every cyclic type needs either
    // infinite data or an undefined "null struct" encoding.
    Map<String, Integer> state = new HashMap<String, Integer>();
    for (String typeName : types.keySet()) {
      findCycle(typeName, fieldTypes, state, new ArrayList<String>());
    }

    Map<String, Struct> structs = new HashMap<String, Struct>();
    for (String typeName : types.keySet()) {
      TreeSet<String> deps = new TreeSet<String>();
      collectDependencies(typeName, fieldTypes, deps);
      deps.remove(typeName);
      StringBuilder encodeType = new StringBuilder();
      appendSignature(encodeType, typeName, names.get(typeName), typeTexts.get(typeName));
      for (String dep : deps) {
        appendSignature(encodeType, dep, names.get(dep), typeTexts.get(dep));
      }
      structs.put(
          typeName,
          new Struct(typeName, names.get(typeName), fieldTypes.get(typeName), encodeType.toString()));
    }
    return new TypeGraph(Collections.unmodifiableMap(structs));
  }

  private static void findCycle(
      String typeName, Map<String, FieldType[]> fieldTypes, Map<String, Integer> state, List<String> stack) {
    Integer s = state.get(typeName);
    if (s != null && s == 2) {
      return;
    }
    state.put(typeName, 1);
    stack.add(typeName);
    FieldType[] members = fieldTypes.get(typeName);
    for (int i = 0; i < members.length; i++) {
      FieldType base = members[i].base();
      if (base.kind != FieldType.STRUCT) {
        continue;
      }
      Integer next = state.get(base.name);
      if (next != null && next == 1) {
        StringBuilder cycle = new StringBuilder();
        for (String t : stack.subList(stack.indexOf(base.name), stack.size())) {
          cycle.append(t).append(" -> ");
        }
        cycle.append(base.name);
        throw Path.root("types").member(typeName).index(i).member("type")
            .error("cyclic type reference " + cycle + " (recursive types cannot be encoded)");
      }
      findCycle(base.name, fieldTypes, state, stack);
    }
    stack.remove(stack.size() - 1);
    state.put(typeName, 2);
  }

  private static void collectDependencies(
      String typeName, Map<String, FieldType[]> fieldTypes, Set<String> out) {
    if (!out.add(typeName)) {
      return;
    }
    for (FieldType member : fieldTypes.get(typeName)) {
      FieldType base = member.base();
      if (base.kind == FieldType.STRUCT) {
        collectDependencies(base.name, fieldTypes, out);
      }
    }
  }

  /** All struct names reachable from {@code root}, including itself. */
  Set<String> reachableFrom(String root) {
    Set<String> out = new HashSet<String>();
    Map<String, FieldType[]> fieldTypes = new HashMap<String, FieldType[]>();
    for (Struct struct : structs.values()) {
      fieldTypes.put(struct.name, struct.memberTypes);
    }
    collectDependencies(root, fieldTypes, out);
    return out;
  }

  private static void appendSignature(
      StringBuilder sb, String typeName, String[] memberNames, String[] typeTexts) {
    sb.append(typeName).append('(');
    for (int i = 0; i < memberNames.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(typeTexts[i]).append(' ').append(memberNames[i]);
    }
    sb.append(')');
  }
}
