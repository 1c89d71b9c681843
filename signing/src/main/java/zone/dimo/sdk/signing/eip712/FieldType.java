package zone.dimo.sdk.signing.eip712;

import org.jspecify.annotations.Nullable;

import zone.dimo.sdk.signing.internal.Text;

/** A parsed EIP-712 member type: an atomic type, a dynamic atomic type, a struct, or an array. */
final class FieldType {
  static final int ADDRESS = 0;
  static final int BOOL = 1;
  static final int STRING = 2;
  static final int BYTES = 3;
  static final int FIXED_BYTES = 4;
  static final int UINT = 5;
  static final int INT = 6;
  static final int STRUCT = 7;
  static final int ARRAY = 8;

  final int kind;
  /** Bits for UINT/INT, byte count for FIXED_BYTES, element count for fixed ARRAY (-1: dynamic). */
  final int size;
  /** The struct's name for STRUCT; the type text as written otherwise. */
  final String name;
  /** The element type for ARRAY. */
  final FieldType element;

  private FieldType(int kind, int size, String name, FieldType element) {
    this.kind = kind;
    this.size = size;
    this.name = name;
    this.element = element;
  }

  /** Returns the innermost non-array type. */
  FieldType base() {
    FieldType t = this;
    while (t.kind == ARRAY) {
      t = t.element;
    }
    return t;
  }

  /**
   * Parses a type string. Returns a STRUCT reference for any identifier that is not an atomic type
   * name; the caller checks that the struct exists.
   *
   * @throws IllegalArgumentException with a reason (no path) when the text is not a type
   */
  static FieldType parse(String text) {
    if (text.endsWith("]")) {
      int open = text.lastIndexOf('[');
      if (open <= 0) {
        throw new IllegalArgumentException("malformed array type " + quote(text));
      }
      String length = text.substring(open + 1, text.length() - 1);
      int size;
      if (length.isEmpty()) {
        size = -1;
      } else if (length.matches("[1-9][0-9]{0,8}")) {
        size = Integer.parseInt(length);
      } else {
        throw new IllegalArgumentException(
            "array length must be a positive decimal without leading zeros in " + quote(text));
      }
      return new FieldType(ARRAY, size, text, parse(text.substring(0, open)));
    }
    FieldType atomic = atomic(text);
    if (atomic != null) {
      return atomic;
    }
    if (text.equals("uint") || text.equals("int")) {
      throw new IllegalArgumentException(
          "unknown type '" + text + "' (the alias is not allowed in EIP-712; write " + text + "256)");
    }
    if (isBadWidth(text)) {
      throw new IllegalArgumentException("unknown type " + quote(text) + " (not a valid atomic type)");
    }
    if (!TypeGraph.isIdentifier(text)) {
      throw new IllegalArgumentException("unknown type " + quote(text));
    }
    // Any other identifier names a struct, even one that starts like an atomic type
    // (uint256Holder, address2, bytes1a): EIP-712 and ethers accept those when they are defined.
    return new FieldType(STRUCT, 0, text, null);
  }

  /**
   * Names that are only digits away from a numeric atomic type but have a width no EIP-712 type
   * has ({@code uint7}, {@code int08}, {@code bytes33}); they can be neither an atomic type nor a
   * struct.
   */
  static boolean isBadWidth(String text) {
    return atomic(text) == null && text.matches("(u?int|bytes)[0-9]+");
  }

  /**
   * Whether an unknown struct name looks like a mistyped atomic type ({@code string8},
   * {@code address2}), to say so when it is not defined.
   */
  static boolean looksAtomic(String text) {
    return text.matches("(string|address|bool)[0-9]+");
  }

  /** {@code 'text'}, shortened and escaped for a one-line message. */
  static String quote(String text) {
    return "'" + Text.shorten(text) + "'";
  }

  /** The atomic type named {@code text}, or null. */
  static @Nullable FieldType atomic(String text) {
    switch (text) {
      case "address":
        return new FieldType(ADDRESS, 0, text, null);
      case "bool":
        return new FieldType(BOOL, 0, text, null);
      case "string":
        return new FieldType(STRING, 0, text, null);
      case "bytes":
        return new FieldType(BYTES, 0, text, null);
      default:
        break;
    }
    if (text.startsWith("bytes")) {
      int n = width(text.substring(5));
      return n >= 1 && n <= 32 ? new FieldType(FIXED_BYTES, n, text, null) : null;
    }
    if (text.startsWith("uint")) {
      int n = width(text.substring(4));
      return validBits(n) ? new FieldType(UINT, n, text, null) : null;
    }
    if (text.startsWith("int")) {
      int n = width(text.substring(3));
      return validBits(n) ? new FieldType(INT, n, text, null) : null;
    }
    return null;
  }

  private static boolean validBits(int n) {
    return n >= 8 && n <= 256 && n % 8 == 0;
  }

  /** Parses a decimal width without sign or leading zero; -1 if it is not one. */
  private static int width(String digits) {
    if (digits.isEmpty() || digits.length() > 3 || digits.charAt(0) == '0') {
      return -1;
    }
    int n = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
