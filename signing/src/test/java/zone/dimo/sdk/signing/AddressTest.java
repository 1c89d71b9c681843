package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zone.dimo.sdk.signing.TestVectors.hex;
import static zone.dimo.sdk.signing.TestVectors.str;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
  /** The examples from the EIP-55 specification. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
      })
  void eip55SpecificationExamples(String checksummed) {
    Address address = Address.fromHex(checksummed);
    assertEquals(checksummed, address.toChecksumHex());
    assertEquals(checksummed, address.toString());
    assertEquals(address, Address.fromHex(checksummed.toLowerCase(Locale.ROOT)));
    assertEquals(address, Address.fromHex("0x" + checksummed.substring(2).toUpperCase(Locale.ROOT)));
  }

  static Stream<Arguments> keys() {
    return TestVectors.group("keys").stream().map(k -> Arguments.of(k.get("id"), k));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void fromPublicKey(String id, Map<String, Object> key) {
    byte[] uncompressed = hex(str(key, "publicKeyUncompressed"));
    assertEquals(str(key, "address"), Address.fromPublicKey(uncompressed).toChecksumHex());
    assertEquals(
        str(key, "address"),
        Address.fromPublicKey(Arrays.copyOfRange(uncompressed, 1, 65)).toChecksumHex());
  }

  @Test
  void fromPublicKeyRefusesBadKeys() {
    assertEquals(
        "public key must be 65 bytes starting with 0x04 or 64 bytes x‖y, was 33 bytes",
        assertThrows(IllegalArgumentException.class, () -> Address.fromPublicKey(new byte[33])).getMessage());
    byte[] notOnCurve = new byte[65];
    notOnCurve[0] = 4;
    notOnCurve[64] = 1;
    assertEquals(
        "public key is not a point on secp256k1",
        assertThrows(IllegalArgumentException.class, () -> Address.fromPublicKey(notOnCurve)).getMessage());
    byte[] wrongPrefix = new byte[65];
    wrongPrefix[0] = 2;
    assertThrows(IllegalArgumentException.class, () -> Address.fromPublicKey(wrongPrefix));
  }

  @Test
  void badChecksumIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
    assertEquals("bad EIP-55 checksum: \"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\"", e.getMessage());
  }

  @Test
  void malformedTextIsRefused() {
    assertEquals(
        "address must start with 0x: \"5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\"",
        assertThrows(IllegalArgumentException.class, () -> Address.fromHex("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).getMessage());
    assertEquals(
        "address must have 40 hex digits, has 2: \"0x12\"",
        assertThrows(IllegalArgumentException.class, () -> Address.fromHex("0x12")).getMessage());
    assertEquals(
        "address has a non-hex character at index 41: \"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg\"",
        assertThrows(IllegalArgumentException.class, () -> Address.fromHex("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg")).getMessage());
    assertEquals("hex == null", assertThrows(NullPointerException.class, () -> Address.fromHex(null)).getMessage());
  }

  @Test
  void upperCaseXPrefixIsRefused() {
    // ethers, web3 and Solidity write only 0x; a 0X address is refused there, so here too.
    assertEquals(
        "address must start with 0x (lower-case x), not 0X: \"0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\"",
        assertThrows(IllegalArgumentException.class, () -> Address.fromHex("0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).getMessage());
    assertEquals(
        "address must start with 0x (lower-case x), not 0X: \"0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED\"",
        assertThrows(IllegalArgumentException.class, () -> Address.fromHex("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")).getMessage());
  }

  @Test
  void aHugeInputIsNotEchoedInFull() {
    String huge = "0x" + "5".repeat(1 << 20);
    assertEquals(
        "address must have 40 hex digits, has 1048576: \"0x5555555555555555555555555555555555555555555555…5555555555555555\" (1048578 characters)",
        assertThrows(IllegalArgumentException.class, () -> Address.fromHex(huge)).getMessage());
  }

  @Test
  void bytesAreCopiedInAndOut() {
    byte[] raw = new byte[20];
    raw[19] = 1;
    Address address = Address.fromBytes(raw);
    raw[19] = 2;
    assertEquals("0x0000000000000000000000000000000000000001", address.toChecksumHex());
    byte[] out = address.toBytes();
    out[19] = 3;
    assertEquals(1, address.toBytes()[19]);
    assertEquals(
        "address must be 20 bytes, was 21",
        assertThrows(IllegalArgumentException.class, () -> Address.fromBytes(new byte[21])).getMessage());
    assertEquals("twenty == null", assertThrows(NullPointerException.class, () -> Address.fromBytes(null)).getMessage());
  }

  @Test
  void equalsAndHashCodeByBytes() {
    Address a = Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    Address b = Address.fromBytes(hex("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Address.fromBytes(new byte[20]));
    assertNotEquals(a, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    assertArrayEquals(hex("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"), a.toBytes());
  }

  @Test
  void everySingleLetterCaseFlipOfAChecksummedAddressIsRefused() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(55);
    for (int n = 0; n < 200; n++) {
      byte[] bytes = new byte[20];
      for (int i = 0; i < 20; i++) {
        bytes[i] = (byte) random.nextInt(256);
      }
      String checksummed = Address.fromBytes(bytes).toChecksumHex();
      assertEquals(Address.fromBytes(bytes), Address.fromHex(checksummed));
      char[] chars = checksummed.toCharArray();
      for (int i = 2; i < 42; i++) {
        char c = chars[i];
        if (c <= '9') {
          continue;
        }
        char[] flipped = chars.clone();
        flipped[i] = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        String text = new String(flipped);
        boolean stillMixed =
            text.substring(2).chars().anyMatch(x -> x >= 'a' && x <= 'f')
                && text.substring(2).chars().anyMatch(x -> x >= 'A' && x <= 'F');
        if (stillMixed) {
          IllegalArgumentException e =
              assertThrows(IllegalArgumentException.class, () -> Address.fromHex(text));
          assertEquals("bad EIP-55 checksum: \"" + text + "\"", e.getMessage());
        } else {
          // All one case: carries no checksum and is accepted.
          assertEquals(Address.fromBytes(bytes), Address.fromHex(text));
        }
      }
    }
  }
}
