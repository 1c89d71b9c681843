package zone.dimo.sdk.sandbox.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Writes a real (tiny) PNG: a square in one colour, for the aftermarket device image. */
final class Png {
  private Png() {}

  static byte[] square(int size, int rgb) {
    int rowBytes = 1 + size * 3;
    byte[] raw = new byte[rowBytes * size];
    for (int y = 0; y < size; y++) {
      raw[y * rowBytes] = 0; // filter: none
      for (int x = 0; x < size; x++) {
        int p = y * rowBytes + 1 + x * 3;
        raw[p] = (byte) (rgb >> 16);
        raw[p + 1] = (byte) (rgb >> 8);
        raw[p + 2] = (byte) rgb;
      }
    }
    Deflater deflater = new Deflater();
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!deflater.finished()) {
      zipped.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, 8);
    byte[] ihdr = new byte[13];
    putInt(ihdr, 0, size);
    putInt(ihdr, 4, size);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // colour type: RGB
    chunk(out, "IHDR", ihdr);
    chunk(out, "IDAT", zipped.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] len = new byte[4];
    putInt(len, 0, data.length);
    out.write(len, 0, 4);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.write(typeBytes, 0, 4);
    out.write(data, 0, data.length);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    byte[] c = new byte[4];
    putInt(c, 0, (int) crc.getValue());
    out.write(c, 0, 4);
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
