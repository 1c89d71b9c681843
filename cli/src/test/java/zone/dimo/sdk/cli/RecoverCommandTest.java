package zone.dimo.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signatures from the shared rawDigest and recoveryNegative vectors. */
class RecoverCommandTest {
  static final String DIGEST = "0xd427e4253da3d85b3ce788e8ef45acf86a941c3a6024fbe92f586dfe3fe6bece";
  static final String R = "d9ffa65aa06205d3536745d9611eb75f16c6fc20d209a7f781f171053adb6dff";
  static final String LOW_S = "73ffb39bcdd53d81e5a87285d75222163d41709c6d4555ad22088677ae184db6";
  static final String HIGH_S = "8c004c64322ac27e1a578d7a28addde87d6d6c4a42034a8e9dc9d815221df38b";
  static final String N = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
  static final String ZERO = "0000000000000000000000000000000000000000000000000000000000000000";

  @Test
  void recoversTheSignerOfARawDigest() {
    Cli.Result result = Cli.run("recover", "--digest", DIGEST, "--signature", "0x" + R + LOW_S + "1c");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(List.of(Cli.K1_ADDRESS), result.outLines());
    assertEquals("", result.err());
  }

  @Test
  void recoversTheSignerOfATypedDataDigest() {
    Cli.Result result =
        Cli.run("recover", "--digest", TypedDataCommandTest.MINT_DIGEST, "--signature", TypedDataCommandTest.MINT_SIG_K4);

    assertEquals(List.of(Cli.K4_ADDRESS), result.outLines(), result::toString);
  }

  @Test
  void acceptsUpperCaseHex() {
    Cli.Result result =
        Cli.run("recover", "--digest", "0X" + DIGEST.substring(2).toUpperCase(), "--signature", "0x" + (R + LOW_S).toUpperCase() + "1C");

    assertEquals(List.of(Cli.K1_ADDRESS), result.outLines(), result::toString);
  }

  /** Strict recovery refuses what on-chain verifiers refuse: high s, v outside {27, 28}, r or s out of range. */
  @ParameterizedTest
  @ValueSource(strings = {
      R + HIGH_S + "1b", // malleated high-s twin
      R + LOW_S + "1d", // v = 29
      R + LOW_S + "01", // v = 1 (raw recovery id; lenient libraries accept it)
      ZERO + LOW_S + "1c", // r = 0
      N + LOW_S + "1c", // r = n
      R + ZERO + "1c", // s = 0
      R + N + "1c", // s = n
  })
  void refusesSignaturesAStrictVerifierRefuses(String signature) {
    Cli.Result result = Cli.run("recover", "--digest", DIGEST, "--signature", "0x" + signature);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(1, result.errLines().size(), result::toString);
    assertTrue(result.errLines().get(0).startsWith("dimo: --signature: "), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void rThatIsNoCurvePointIsRefused() {
    String r = "0".repeat(63) + "5";
    Cli.Result result = Cli.run("recover", "--digest", DIGEST, "--signature", "0x" + r + LOW_S + "1c");

    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: --signature: "), result::toString);
  }

  /** Every malformed signature is bad input (exit 1), whatever is wrong with it, never a usage error. */
  @ParameterizedTest
  @ValueSource(strings = {
      "0x" + R + LOW_S + ":expected 65 bytes r||s||v (0x + 130 hex digits), got 64 (a 64-byte EIP-2098 compact signature is not accepted)",
      "0x" + R + LOW_S + "1c00:expected 65 bytes r||s||v (0x + 130 hex digits), got 66",
      "0x:expected 65 bytes r||s||v (0x + 130 hex digits), got 0",
      "0x" + R + LOW_S + "1:odd number of hex digits",
      "0x" + R + LOW_S + "zz:not a hex digit at position 130",
      R + LOW_S + "1c:expected 0x-prefixed hex",
      "0x" + R + LOW_S + "01:v must be 27 or 28, was 1 (a raw recovery id: add 27)",
      "0x" + R + LOW_S + "1d:v must be 27 or 28, was 29",
      "0x" + R + HIGH_S + "1b:s must be at most n/2 (high-s signatures are malleable and refused, EIP-2)",
      "0x" + ZERO + LOW_S + "1c:r must be in [1, n-1]",
  })
  void everyMalformedSignatureIsADataErrorWithAMessageForPeople(String signatureAndMessage) {
    String signature = signatureAndMessage.substring(0, signatureAndMessage.indexOf(':'));
    String message = signatureAndMessage.substring(signatureAndMessage.indexOf(':') + 1);

    Cli.Result result = Cli.run("recover", "--digest", DIGEST, "--signature", signature);

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of("dimo: --signature: " + message), result.errLines());
    assertEquals("", result.out());
  }

  @Test
  void aHugeSignatureIsNotEchoed() {
    Cli.Result result = Cli.run("recover", "--digest", DIGEST, "--signature", "0x" + "ab".repeat(512 * 1024));

    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(List.of("dimo: --signature: expected 65 bytes r||s||v (0x + 130 hex digits), got 524288"), result.errLines());
  }

  @Test
  void aShortDigestIsAUsageError() {
    Cli.Result result = Cli.run("recover", "--digest", DIGEST.substring(0, 64), "--signature", "0x" + R + LOW_S + "1c");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Invalid value for option '--digest': expected 32 bytes"), result::toString);
  }

  @Test
  void nonHexDigestIsAUsageError() {
    Cli.Result result = Cli.run("recover", "--digest", "0x" + "g".repeat(64), "--signature", "0x" + R + LOW_S + "1c");

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Invalid value for option '--digest': not a hex digit at position 2"), result::toString);
  }

  @Test
  void bothOptionsAreRequired() {
    Cli.Result result = Cli.run("recover", "--digest", DIGEST);

    assertEquals(2, result.exitCode(), result::toString);
    assertTrue(result.err().startsWith("dimo: Missing required option: '--signature=0xSIGNATURE'"), result::toString);
  }
}
