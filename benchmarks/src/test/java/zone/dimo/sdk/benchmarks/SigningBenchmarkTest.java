package zone.dimo.sdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark state's setup once: each setup throws if the SDK and web3j disagree (or
 * either disagrees with the vectors), so a divergence fails {@code mvn verify} without JMH.
 */
class SigningBenchmarkTest {
  private final SigningBenchmark benchmark = new SigningBenchmark();

  @Test
  void signDigestAgrees() {
    SigningBenchmark.SignDigest state = new SigningBenchmark.SignDigest();
    state.setUp();

    assertEquals(SigningBenchmark.SIGNATURE, SigningBenchmark.hex(benchmark.signDigest_sdk(state).toBytes()));
    assertEquals(SigningBenchmark.SIGNATURE, SigningBenchmark.hex(SigningBenchmark.toBytes(benchmark.signDigest_web3j(state))));
  }

  @Test
  void signTypedDataJsonAgrees() {
    SigningBenchmark.SignTypedDataJson state = new SigningBenchmark.SignTypedDataJson();
    state.setUp();

    assertArrayEquals(benchmark.signTypedDataJson_web3j(state), benchmark.signTypedDataJson_sdk(state));
  }

  @Test
  void digestParsedAgrees() {
    SigningBenchmark.DigestParsed state = new SigningBenchmark.DigestParsed();
    state.setUp();

    assertEquals(SigningBenchmark.DIGEST, SigningBenchmark.hex(benchmark.digestParsed_sdk(state)));
    assertEquals(SigningBenchmark.DIGEST, SigningBenchmark.hex(benchmark.digestParsed_web3j(state)));
  }

  @Test
  void recoverAgrees() throws Exception {
    SigningBenchmark.Recover state = new SigningBenchmark.Recover();
    state.setUp();

    assertEquals(SigningBenchmark.ADDRESS, benchmark.recover_sdk(state).toChecksumHex());
    assertEquals(SigningBenchmark.ADDRESS.toLowerCase(), "0x" + benchmark.recover_web3j(state));
  }

  @Test
  void theCheckThrowsOnADifference() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> SigningBenchmark.same("digestParsed", "0x01", "0x02"));

    assertEquals("digestParsed: expected 0x01 but got 0x02", e.getMessage());
  }
}
