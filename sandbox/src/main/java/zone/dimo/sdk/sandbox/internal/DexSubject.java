package zone.dimo.sdk.sandbox.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads Dex's subject message, proto3 {@code User {string user_id = 1; string conn_id = 2;}}, the
 * way Go's {@code proto.Unmarshal} does for what matters here: the wire format must be valid
 * (varint, fixed64, length-delimited, group and fixed32 fields, field numbers ≥ 1), string fields
 * must be UTF-8, unknown fields are skipped, and a repeated field's last value wins.
 */
final class DexSubject {
  private DexSubject() {}

  /** The {@code user_id}, "" when absent, or null when {@code bytes} is not a valid message. */
  static String userId(byte[] bytes) {
    int[] pos = {0};
    String userId = "";
    while (pos[0] < bytes.length) {
      long tag = varint(bytes, pos);
      if (tag < 0) {
        return null;
      }
      long field = tag >>> 3;
      int wireType = (int) (tag & 7);
      if (field < 1 || field > (1 << 29) - 1) {
        return null;
      }
      if ((field == 1 || field == 2) && wireType == 2) {
        long length = varint(bytes, pos);
        if (length < 0 || length > bytes.length - pos[0]) {
          return null;
        }
        String text = utf8(bytes, pos[0], (int) length);
        if (text == null) {
          return null;
        }
        pos[0] += (int) length;
        if (field == 1) {
          userId = text;
        }
      } else if (!skip(bytes, pos, wireType, field)) {
        return null;
      }
    }
    return userId;
  }

  private static boolean skip(byte[] bytes, int[] pos, int wireType, long field) {
    switch (wireType) {
      case 0:
        return varint(bytes, pos) >= 0;
      case 1:
        return advance(bytes, pos, 8);
      case 2: {
        long length = varint(bytes, pos);
        return length >= 0 && length <= bytes.length - pos[0] && advance(bytes, pos, (int) length);
      }
      case 3:
        while (pos[0] < bytes.length) {
          long tag = varint(bytes, pos);
          if (tag < 0) {
            return false;
          }
          long inner = tag >>> 3;
          int type = (int) (tag & 7);
          if (inner < 1 || inner > (1 << 29) - 1) {
            return false;
          }
          if (type == 4) {
            return inner == field;
          }
          if (!skip(bytes, pos, type, inner)) {
            return false;
          }
        }
        return false;
      case 5:
        return advance(bytes, pos, 4);
      default:
        return false;
    }
  }

  private static boolean advance(byte[] bytes, int[] pos, int n) {
    if (n > bytes.length - pos[0]) {
      return false;
    }
    pos[0] += n;
    return true;
  }

  /** A varint of at most 10 bytes; -1 when truncated or too long. */
  private static long varint(byte[] bytes, int[] pos) {
    long value = 0;
    for (int i = 0; i < 10; i++) {
      if (pos[0] >= bytes.length) {
        return -1;
      }
      int b = bytes[pos[0]++] & 0xff;
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        return value < 0 ? Long.MAX_VALUE : value;
      }
    }
    return -1;
  }

  private static String utf8(byte[] bytes, int offset, int length) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
