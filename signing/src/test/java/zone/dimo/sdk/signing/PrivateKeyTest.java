package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.signing.TestVectors.hex;
import static zone.dimo.sdk.signing.TestVectors.str;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrivateKeyTest {
  private static final String N_HEX = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

  static Stream<Arguments> keys() {
    return TestVectors.group("keys").stream().map(k -> Arguments.of(k.get("id"), k));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void vectorKeyGivesPublicKeyAndAddress(String id, Map<String, Object> vector) {
    String hexKey = str(vector, "privateKey");
    PrivateKey key = PrivateKey.fromHex(hexKey);
    assertEquals(str(vector, "publicKeyUncompressed"), TestVectors.toHex(key.publicKey()));
    assertEquals(str(vector, "address"), key.address().toChecksumHex());
    assertEquals(hexKey, key.exportHex());
    assertEquals(hexKey, PrivateKey.fromHex(hexKey.substring(2)).exportHex());
    assertEquals(hexKey, PrivateKey.fromBytes(hex(hexKey)).exportHex());
    assertEquals("PrivateKey[address=" + str(vector, "address") + "]", key.toString());
  }

  @Test
  void vectorsIncludeTheEdgeKeys() {
    assertEquals(5, TestVectors.group("keys").size());
    assertEquals("0x" + "0".repeat(63) + "1", str(TestVectors.key("K2_one"), "privateKey"));
    assertEquals("0x" + "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140",
        str(TestVectors.key("K3_n_minus_1"), "privateKey"));
  }

  @Test
  void outOfRangeKeysAreRefusedWithoutEchoingThem() {
    for (String bad : new String[] {"0".repeat(64), N_HEX, "f".repeat(64)}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> PrivateKey.fromHex(bad));
      assertEquals("private key must be in [1, n-1] where n is the secp256k1 group order", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> PrivateKey.fromBytes(hex(bad)));
    }
  }

  @Test
  void malformedKeysAreRefusedWithoutEchoingThem() {
    String secretish = "0x" + "ab".repeat(31) + "zz";
    IllegalArgumentException nonHex =
        assertThrows(IllegalArgumentException.class, () -> PrivateKey.fromHex(secretish));
    assertEquals("private key contains a character that is not a hex digit", nonHex.getMessage());
    IllegalArgumentException shortKey =
        assertThrows(IllegalArgumentException.class, () -> PrivateKey.fromHex("0xabcdef"));
    assertEquals("private key must be 64 hex digits (32 bytes), was 6 characters", shortKey.getMessage());
    assertFalse(shortKey.getMessage().contains("abcdef"));
    assertEquals(
        "private key must be 32 bytes, was 31",
        assertThrows(IllegalArgumentException.class, () -> PrivateKey.fromBytes(new byte[31])).getMessage());
    assertEquals("hex == null", assertThrows(NullPointerException.class, () -> PrivateKey.fromHex(null)).getMessage());
    assertEquals("thirtyTwo == null", assertThrows(NullPointerException.class, () -> PrivateKey.fromBytes(null)).getMessage());
    assertEquals("random == null", assertThrows(NullPointerException.class, () -> PrivateKey.generate(null)).getMessage());
  }

  @Test
  void fromBytesCopiesTheArray() {
    byte[] bytes = new byte[32];
    bytes[31] = 1;
    PrivateKey key = PrivateKey.fromBytes(bytes);
    Arrays.fill(bytes, (byte) 0);
    assertEquals("0x" + "0".repeat(63) + "1", key.exportHex());
  }

  @Test
  void publicKeyIsACopy() {
    PrivateKey key = PrivateKey.fromHex("0x" + "0".repeat(63) + "1");
    byte[] pub = key.publicKey();
    pub[1] ^= 1;
    assertArrayEquals(Secp256k1.G.getEncoded(false), key.publicKey());
  }

  @Test
  void generateIsDeterministicForASeededSourceAndValid() throws Exception {
    SecureRandom a = SecureRandom.getInstance("SHA1PRNG");
    a.setSeed(42L);
    SecureRandom b = SecureRandom.getInstance("SHA1PRNG");
    b.setSeed(42L);
    PrivateKey k1 = PrivateKey.generate(a);
    PrivateKey k2 = PrivateKey.generate(b);
    assertEquals(k1.exportHex(), k2.exportHex());
    assertEquals(k1.address(), Address.fromPublicKey(k1.publicKey()));
  }

  @Test
  void generateDrawsAgainWhenOutOfRange() {
    SecureRandom zerosThenOne =
        new SecureRandom() {
          private static final long serialVersionUID = 1L;
          private int calls;

          @Override
          public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
            if (calls++ > 0) {
              bytes[31] = 1;
            }
          }
        };
    assertEquals("0x" + "0".repeat(63) + "1", PrivateKey.generate(zerosThenOne).exportHex());
  }

  @Test
  void destroyWipesTheSecret() {
    PrivateKey key = PrivateKey.fromHex("0x" + "11".repeat(32));
    Address address = key.address();
    assertFalse(key.isDestroyed());
    key.destroy();
    assertTrue(key.isDestroyed());
    assertEquals(
        "private key has been destroyed",
        assertThrows(IllegalStateException.class, key::exportHex).getMessage());
    assertThrows(IllegalStateException.class, key::secretCopy);
    assertThrows(IllegalStateException.class, () -> key.sign(new byte[32]));
    assertEquals(address, key.address());
    assertEquals("PrivateKey[address=" + address + ", destroyed]", key.toString());
    key.destroy(); // idempotent
    assertTrue(key.isDestroyed());
  }

  @Test
  void destroyZeroesTheArray() throws Exception {
    PrivateKey key = PrivateKey.fromHex("0x" + "11".repeat(32));
    java.lang.reflect.Field field = PrivateKey.class.getDeclaredField("secret");
    field.setAccessible(true);
    byte[] secret = (byte[]) field.get(key);
    key.destroy();
    assertArrayEquals(new byte[32], secret);
  }

  @Test
  void toStringNeverShowsTheSecret() {
    PrivateKey key = PrivateKey.fromHex("0x" + "11".repeat(32));
    assertFalse(key.toString().contains("1111"));
    assertTrue(key.toString().startsWith("PrivateKey[address=0x"));
  }
}
