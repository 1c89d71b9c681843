package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zone.dimo.sdk.signing.TestVectors.hex;
import static zone.dimo.sdk.signing.TestVectors.map;
import static zone.dimo.sdk.signing.TestVectors.str;
import static zone.dimo.sdk.signing.TestVectors.toHex;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PersonalSignTest {
  static Stream<Arguments> personalSign() {
    return TestVectors.group("personalSign").stream().map(v -> Arguments.of(v.get("id"), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("personalSign")
  void vectorHashesAndSignatures(String id, Map<String, Object> vector) {
    byte[] message = hex(str(vector, "messageHex"));
    assertEquals(((BigInteger) vector.get("messageByteLength")).intValueExact(), message.length);
    byte[] expectedHash = hex(str(vector, "hash"));
    assertEquals(str(vector, "prefixedPreimageHex"), toHex(preimage(message)));
    assertArrayEquals(expectedHash, PersonalSign.hashBytes(message));
    String text = str(vector, "messageText");
    if (text != null) {
      assertArrayEquals(message, text.getBytes(StandardCharsets.UTF_8));
      assertArrayEquals(expectedHash, PersonalSign.hashText(text));
    }
    assertEquals(5, SignatureChecks.checkAll(vector.get("signatures"), expectedHash));
    for (Object o : (List<?>) vector.get("signatures")) {
      Map<String, Object> sig = map(o);
      EthSigner signer =
          Secp256k1Signer.of(PrivateKey.fromHex(str(TestVectors.key(str(sig, "key")), "privateKey")));
      assertEquals(str(sig, "signature"), PersonalSign.signBytes(signer, message).toHex());
      if (text != null) {
        assertEquals(str(sig, "signature"), PersonalSign.signText(signer, text).toHex());
      }
    }
  }

  private static byte[] preimage(byte[] message) {
    byte[] prefix =
        ("\u0019Ethereum Signed Message:\n" + message.length).getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[prefix.length + message.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(message, 0, out, prefix.length, message.length);
    return out;
  }

  @Test
  void lengthIsInBytesNotCharacters() {
    // "é" is one char but two UTF-8 bytes.
    assertArrayEquals(
        PersonalSign.hashBytes(new byte[] {(byte) 0xc3, (byte) 0xa9}), PersonalSign.hashText("é"));
  }

  @Test
  void textThatLooksLikeHexIsHashedAsText() {
    assertNotEquals(
        toHex(PersonalSign.hashText("0xdeadbeef")),
        toHex(PersonalSign.hashBytes(hex("0xdeadbeef"))));
  }

  @Test
  void knownHash() {
    assertEquals(
        "0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68",
        toHex(PersonalSign.hashText("hello world")));
  }

  @Test
  void nullsAreNamed() {
    EthSigner signer = Secp256k1Signer.of(PrivateKey.fromHex("0x" + "11".repeat(32)));
    assertEquals("utf8Text == null", assertThrows(NullPointerException.class, () -> PersonalSign.hashText(null)).getMessage());
    assertEquals("message == null", assertThrows(NullPointerException.class, () -> PersonalSign.hashBytes(null)).getMessage());
    assertEquals("signer == null", assertThrows(NullPointerException.class, () -> PersonalSign.signText(null, "x")).getMessage());
    assertEquals("signer == null", assertThrows(NullPointerException.class, () -> PersonalSign.signBytes(null, new byte[0])).getMessage());
    assertEquals("utf8Text == null", assertThrows(NullPointerException.class, () -> PersonalSign.signText(signer, null)).getMessage());
  }

  @Test
  void textWithAnUnpairedSurrogateIsRefusedNotSignedAsQuestionMark() {
    // getBytes(UTF_8) turns the lone surrogate into '?', which would sign "hi?" instead.
    assertEquals(
        "unpaired UTF-16 surrogate U+D83D at index 2 (text with it has no UTF-8 encoding)",
        assertThrows(IllegalArgumentException.class, () -> PersonalSign.hashText("hi\uD83D")).getMessage());
    assertEquals(
        "unpaired UTF-16 surrogate U+DE00 at index 0 (text with it has no UTF-8 encoding)",
        assertThrows(IllegalArgumentException.class,
            () -> PersonalSign.signText(Secp256k1Signer.of(PrivateKey.fromHex("0x" + "11".repeat(32))), "\uDE00hi")).getMessage());
    // A proper pair is fine: its 4 UTF-8 bytes are hashed.
    assertArrayEquals(
        PersonalSign.hashBytes(new byte[] {'h', 'i', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}),
        PersonalSign.hashText("hi\uD83D\uDE00"));
  }
}
