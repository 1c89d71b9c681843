package zone.dimo.sdk.signing.eip712;

/**
 * A typed-data value after checking, in the form EIP-712 hashes: the 32-byte encoding of an atomic
 * value (for {@code string} and {@code bytes}, the hash of the contents), a struct, or an array.
 * Immutable once built.
 */
final class Encoded {
  static final int WORD = 0;
  static final int STRUCT = 1;
  static final int ARRAY = 2;

  final int kind;
  /** WORD: the 32-byte word. */
  final byte[] bytes;
  /** STRUCT: its type. */
  final TypeGraph.Struct struct;
  /** STRUCT: members in type order; ARRAY: elements. */
  final Encoded[] children;

  private Encoded(int kind, byte[] bytes, TypeGraph.Struct struct, Encoded[] children) {
    this.kind = kind;
    this.bytes = bytes;
    this.struct = struct;
    this.children = children;
  }

  static Encoded word(byte[] thirtyTwo) {
    return new Encoded(WORD, thirtyTwo, null, null);
  }

  static Encoded struct(TypeGraph.Struct struct, Encoded[] members) {
    return new Encoded(STRUCT, null, struct, members);
  }

  static Encoded array(Encoded[] elements) {
    return new Encoded(ARRAY, null, null, elements);
  }
}
