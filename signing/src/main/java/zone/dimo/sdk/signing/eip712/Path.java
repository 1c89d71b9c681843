package zone.dimo.sdk.signing.eip712;

/**
 * The location of a value inside typed data, built as a linked list while encoding and turned into
 * text ({@code message.to[1].wallets[0]}) only when an error is reported.
 */
final class Path {
  private final Path parent;
  private final String member;
  private final int index;

  private Path(Path parent, String member, int index) {
    this.parent = parent;
    this.member = member;
    this.index = index;
  }

  static Path root(String name) {
    return new Path(null, name, -1);
  }

  Path member(String name) {
    return new Path(this, name, -1);
  }

  Path index(int i) {
    return new Path(this, null, i);
  }

  InvalidTypedDataException error(String reason) {
    return new InvalidTypedDataException(toString(), reason);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    append(sb);
    return sb.toString();
  }

  private void append(StringBuilder sb) {
    if (parent != null) {
      parent.append(sb);
    }
    if (member == null) {
      sb.append('[').append(index).append(']');
    } else {
      if (parent != null) {
        sb.append('.');
      }
      sb.append(member);
    }
  }
}
