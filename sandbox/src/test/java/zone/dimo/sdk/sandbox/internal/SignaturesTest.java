package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import zone.dimo.sdk.sandbox.SandboxHttp;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.Keccak256;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

class SignaturesTest {
  private static final PrivateKey KEY =
      PrivateKey.fromHex("0x4c0883a69102937d6231471b5dcb3e7d7d6b1a1d6d0bd6d6b1f0e3f0f0f0f0f0");
  private static final byte[] DIGEST = Keccak256.hash(new byte[] {1, 2, 3});
  private static final EthSignature SIG = Secp256k1Signer.of(KEY).signDigest(DIGEST);

  private static byte[] bytes(String hex) {
    return JsonBody.decodeHex(hex.substring(2));
  }

  @Test
  void recoversTheSigner() {
    assertEquals(KEY.address(), Signatures.recover(SIG.toBytes(), DIGEST));
  }

  @Test
  void rawRecoveryIdIsA500LikeTheService() {
    ApiException e = assertThrows(ApiException.class, () -> Signatures.recover(bytes(SandboxHttp.rawV(SIG)), DIGEST));
    assertEquals(500, e.response().status());
  }

  @Test
  void highSIsRefusedWith400() {
    ApiException e = assertThrows(ApiException.class, () -> Signatures.recover(bytes(SandboxHttp.highS(SIG)), DIGEST));
    assertEquals(400, e.response().status());
    assertEquals("{\"code\":400,\"message\":\"" + Signatures.HIGH_S_MESSAGE + "\"}",
        new String(e.response().body(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void rZeroIsA500() {
    byte[] b = SIG.toBytes();
    java.util.Arrays.fill(b, 0, 32, (byte) 0);
    assertEquals(500, assertThrows(ApiException.class, () -> Signatures.recover(b, DIGEST)).response().status());
  }
}
