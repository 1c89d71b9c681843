package zone.dimo.sdk.sandbox.internal;

import java.math.BigInteger;
import java.util.Arrays;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.EthSignature;

/**
 * How the Devices API treats a 65-byte signature, with one deliberate difference.
 *
 * <ul>
 *   <li>{@code v} must be 27 or 28: the service subtracts 27 and hands the result to
 *       go-ethereum's {@code Ecrecover}; {@code v} = 0 or 1 wraps around, the recovery fails and
 *       the handler returns the error unwrapped, which the service answers with
 *       {@code 500 {"code":500,"message":"Internal error"}}. The sandbox answers the same.
 *   <li>High {@code s} (s &gt; n/2): the service accepts it and the registry contract reverts the
 *       transaction later (the operation ends {@code Failed}). The sandbox refuses it at once with
 *       a 400 that says so, so a test catches a signer that does not normalise {@code s}.
 *   <li>Any other recovery failure (r or s out of range, r not on the curve) is a 500 as above.
 * </ul>
 */
final class Signatures {
  private static final BigInteger HALF_N =
      new BigInteger("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", 16);

  static final String HIGH_S_MESSAGE =
      "Signature has a high s value (s > n/2). The registry contract would revert this transaction;"
          + " sign with a low s (EIP-2).";

  private Signatures() {}

  /**
   * Recovers the signer of {@code digest}; {@code sig} must already be 65 bytes.
   *
   * @throws ApiException 500 for a bad {@code v} or an unrecoverable signature, 400 for high s
   */
  static Address recover(byte[] sig, byte[] digest) {
    int v = sig[64] & 0xff;
    if (v != 27 && v != 28) {
      throw internalError();
    }
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    if (s.compareTo(HALF_N) > 0) {
      throw ApiException.of(400, HIGH_S_MESSAGE);
    }
    try {
      return EthSignature.fromBytes(sig).recoverSigner(digest);
    } catch (IllegalArgumentException e) {
      throw internalError();
    }
  }

  static ApiException internalError() {
    return ApiException.of(500, "Internal error");
  }
}
