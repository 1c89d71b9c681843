package zone.dimo.sdk.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zone.dimo.sdk.signing.TestVectors.hex;
import static zone.dimo.sdk.signing.TestVectors.key;
import static zone.dimo.sdk.signing.TestVectors.map;
import static zone.dimo.sdk.signing.TestVectors.str;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks one vector signature entry byte for byte: the signature, r, s, v, the RFC 6979 nonce
 * (through the package-private hook), the low-s flip of v, strict recovery, the EIP-2098 form, and
 * that the malleated high-s twin is mathematically valid yet refused by strict recovery.
 */
public final class SignatureChecks {
  private SignatureChecks() {}

  /** Checks every entry of a vector's {@code signatures} list; returns how many were checked. */
  public static int checkAll(Object signatures, byte[] digest) {
    List<?> list = (List<?>) signatures;
    assertEquals(5, list.size(), "one signature per key");
    for (Object sig : list) {
      check(map(sig), digest);
    }
    return list.size();
  }

  public static void check(Map<String, Object> sig, byte[] digest) {
    Map<String, Object> keyVector = key(str(sig, "key"));
    PrivateKey key = PrivateKey.fromHex(str(keyVector, "privateKey"));
    EthSignature actual = Secp256k1Signer.of(key).signDigest(digest);
    String label = str(sig, "key");

    assertEquals(str(sig, "signature"), actual.toHex(), label);
    assertEquals(new BigInteger(str(sig, "r").substring(2), 16), actual.r(), label);
    assertEquals(new BigInteger(str(sig, "s").substring(2), 16), actual.s(), label);
    assertEquals(((BigInteger) sig.get("v")).intValueExact(), actual.v(), label);
    assertEquals(((BigInteger) sig.get("yParity")).intValueExact(), actual.v() - 27, label);
    assertTrue(actual.isLowS(), label);

    Map<String, Object> rfc = map(sig.get("rfc6979"));
    byte[] secret = key.secretCopy();
    try {
      BigInteger k = Secp256k1.rfc6979Nonce(secret, digest);
      assertEquals(new BigInteger(str(rfc, "k").substring(2), 16), k, label + " RFC 6979 k");
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    boolean flipped = (Boolean) rfc.get("lowSNormalised");
    boolean ryOdd = (Boolean) rfc.get("RyOdd");
    assertEquals(27 + (ryOdd ^ flipped ? 1 : 0), actual.v(), label + " v from R.y parity and low-s flip");
    BigInteger sBefore = new BigInteger(str(rfc, "sBeforeLowS").substring(2), 16);
    assertEquals(flipped ? Secp256k1.N.subtract(sBefore) : sBefore, actual.s(), label);

    assertEquals(str(sig, "address"), actual.recoverSigner(digest).toChecksumHex(), label);
    assertEquals(str(sig, "address"), actual.recoverSignerLenient(digest).toChecksumHex(), label);
    assertEquals(str(sig, "compactEip2098"), actual.toEip2098Hex(), label);
    assertEquals(actual, EthSignature.fromEip2098Hex(str(sig, "compactEip2098")), label);

    Map<String, Object> twin = map(sig.get("malleatedHighS"));
    EthSignature high = EthSignature.fromHex(str(twin, "signature"));
    assertEquals(new BigInteger(str(twin, "s").substring(2), 16), high.s(), label);
    assertEquals(((BigInteger) twin.get("v")).intValueExact(), high.v(), label);
    assertFalse(high.isLowS(), label);
    // The twin is a valid ECDSA signature of the same key...
    byte[] xy = Secp256k1.recover(high.r(), high.s(), high.v() - 27, digest);
    assertArrayEquals(Arrays.copyOfRange(key.publicKey(), 1, 65), xy, label);
    // ...which strict (and lenient) recovery refuse.
    InvalidSignatureException strict =
        assertThrows(InvalidSignatureException.class, () -> high.recoverSigner(digest), label);
    assertEquals(
        "s must be at most n/2 (high-s signatures are malleable and refused, EIP-2)",
        strict.getMessage());
    assertThrows(InvalidSignatureException.class, () -> high.recoverSignerLenient(digest), label);
  }

  /** Signature check for a digest given as hex. */
  public static int checkAll(Object signatures, String digestHex) {
    return checkAll(signatures, hex(digestHex));
  }
}
