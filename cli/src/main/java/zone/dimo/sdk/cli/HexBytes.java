package zone.dimo.sdk.cli;

/**
 * Bytes given as {@code 0x}-hex in an option. A wrapper rather than {@code byte[]} because picocli
 * treats an array-typed option as a repeatable option of its elements.
 */
final class HexBytes {
  private final byte[] bytes;

  HexBytes(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  byte[] bytes() {
    return bytes.clone();
  }
}
