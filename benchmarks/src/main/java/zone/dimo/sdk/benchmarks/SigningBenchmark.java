package zone.dimo.sdk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import zone.dimo.sdk.TypedDataJson;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;
import zone.dimo.sdk.signing.eip712.Eip712;
import zone.dimo.sdk.signing.eip712.TypedData;

/**
 * The SDK's signing next to web3j's, case by case, in the same JVM and run: each case has a
 * {@code <case>_sdk} and a {@code <case>_web3j} method doing the same work on the same input, a
 * DIMO MintVehicleSign payload (polygon) signed with the EIP-712 specification's "cow" key.
 *
 * <p>Every state's {@link Setup} first checks that both sides produce the same bytes, and the
 * bytes of the shared test vectors, and throws if not: a benchmark of a wrong answer is worthless.
 * {@code SigningBenchmarkTest} runs those checks in {@code mvn verify} without running JMH.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
// A fixed heap keeps GC sizing out of the comparison (web3j's Jackson path allocates much more).
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SigningBenchmark {
  static final String PRIVATE_KEY = "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4";  // the EIP-712 spec's public "cow" test key, keccak256("cow")
  static final String ADDRESS = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826";
  static final String DIGEST = "0xae3676ba104e7e6f3d28d4dc37b0dcd4a97bafea001fbe660102208a068bfe53";
  static final String SIGNATURE =
      "0x2ee1d47e25fab7486497e8ad818b519ad0b0b723d0f3f34c31bebbcf93d289f63ec1594fbc28365ef3a276d334652dfc722abeff4fdcfc796182655f18647e221c";  // expected signature from the vectors file
  static final String PAYLOAD_RESOURCE = "mint-vehicle-sign.json";

  /** signDigest: sign a 32-byte digest, recovery id included. */
  @State(Scope.Thread)
  public static class SignDigest {
    Secp256k1Signer signer;
    ECKeyPair keyPair;
    byte[] digest;

    @Setup
    public void setUp() {
      signer = sdkSigner();
      keyPair = web3jKeyPair();
      digest = unhex(DIGEST);
      same("signDigest", SIGNATURE, hex(signer.signDigest(digest).toBytes()));
      same("signDigest", SIGNATURE, hex(toBytes(Sign.signMessage(digest, keyPair, false))));
    }
  }

  /** signTypedDataJson: typed-data JSON text to a 65-byte signature, parsing included. */
  @State(Scope.Thread)
  public static class SignTypedDataJson {
    Secp256k1Signer signer;
    ECKeyPair keyPair;
    String json;

    @Setup
    public void setUp() {
      signer = sdkSigner();
      keyPair = web3jKeyPair();
      json = payload();
      same("signTypedDataJson", SIGNATURE, hex(signTypedDataJsonSdk(this)));
      same("signTypedDataJson", SIGNATURE, hex(signTypedDataJsonWeb3j(this)));
    }
  }

  /** digestParsed: the EIP-712 digest of a payload each library has already parsed. */
  @State(Scope.Thread)
  public static class DigestParsed {
    TypedData typedData;
    StructuredDataEncoder encoder;

    @Setup
    public void setUp() {
      String json = payload();
      typedData = TypedDataJson.parse(json);
      try {
        encoder = new StructuredDataEncoder(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      same("digestParsed", DIGEST, hex(Eip712.digest(typedData)));
      same("digestParsed", DIGEST, hex(encoder.hashStructuredData()));
    }
  }

  /** recover: signer address from a digest and a signature each library has already decoded. */
  @State(Scope.Thread)
  public static class Recover {
    byte[] digest;
    EthSignature signature;
    Sign.SignatureData signatureData;

    @Setup
    public void setUp() throws Exception {
      digest = unhex(DIGEST);
      byte[] bytes = unhex(SIGNATURE);
      signature = EthSignature.fromBytes(bytes);
      signatureData =
          new Sign.SignatureData(bytes[64], Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64));
      same("recover", ADDRESS, signature.recoverSigner(digest).toChecksumHex());
      same("recover", ADDRESS.toLowerCase(Locale.ROOT), "0x" + Keys.getAddress(Sign.signedMessageHashToKey(digest, signatureData)));
    }
  }

  @Benchmark
  public EthSignature signDigest_sdk(SignDigest state) {
    return state.signer.signDigest(state.digest);
  }

  @Benchmark
  public Sign.SignatureData signDigest_web3j(SignDigest state) {
    return Sign.signMessage(state.digest, state.keyPair, false);
  }

  @Benchmark
  public byte[] signTypedDataJson_sdk(SignTypedDataJson state) {
    return signTypedDataJsonSdk(state);
  }

  @Benchmark
  public byte[] signTypedDataJson_web3j(SignTypedDataJson state) {
    return signTypedDataJsonWeb3j(state);
  }

  @Benchmark
  public byte[] digestParsed_sdk(DigestParsed state) {
    return Eip712.digest(state.typedData);
  }

  @Benchmark
  public byte[] digestParsed_web3j(DigestParsed state) {
    return state.encoder.hashStructuredData();
  }

  @Benchmark
  public Address recover_sdk(Recover state) {
    return state.signature.recoverSigner(state.digest);
  }

  @Benchmark
  public String recover_web3j(Recover state) throws Exception {
    return Keys.getAddress(Sign.signedMessageHashToKey(state.digest, state.signatureData));
  }

  /** The SDK's signer for the test key, checked against the vector address. */
  static Secp256k1Signer sdkSigner() {
    Secp256k1Signer signer = Secp256k1Signer.of(PrivateKey.fromHex(PRIVATE_KEY));
    same("sdk address", ADDRESS, signer.address().toChecksumHex());
    return signer;
  }

  /** web3j's key pair for the test key, checked against the vector address. */
  static ECKeyPair web3jKeyPair() {
    ECKeyPair keyPair = ECKeyPair.create(new BigInteger(PRIVATE_KEY.substring(2), 16));
    same("web3j address", ADDRESS.toLowerCase(Locale.ROOT), "0x" + Keys.getAddress(keyPair));
    return keyPair;
  }

  static byte[] signTypedDataJsonSdk(SignTypedDataJson state) {
    return Eip712.sign(TypedDataJson.parse(state.json), state.signer).toBytes();
  }

  static byte[] signTypedDataJsonWeb3j(SignTypedDataJson state) {
    try {
      byte[] hash = new StructuredDataEncoder(state.json).hashStructuredData();
      return toBytes(Sign.signMessage(hash, state.keyPair, false));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** web3j's r, s and v as the 65-byte r||s||v the SDK returns (web3j keeps r and s at 32 bytes). */
  static byte[] toBytes(Sign.SignatureData signature) {
    byte[] out = new byte[65];
    System.arraycopy(signature.getR(), 0, out, 0, 32);
    System.arraycopy(signature.getS(), 0, out, 32, 32);
    out[64] = signature.getV()[0];
    return out;
  }

  static String payload() {
    try (InputStream in = SigningBenchmark.class.getResourceAsStream(PAYLOAD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(PAYLOAD_RESOURCE + " missing from the benchmarks jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void same(String what, String expected, String actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(what + ": expected " + expected + " but got " + actual);
    }
  }

  static String hex(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  static byte[] unhex(String hex) {
    return HexFormat.of().parseHex(hex.substring(2));
  }
}
