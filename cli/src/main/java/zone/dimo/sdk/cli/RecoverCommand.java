package zone.dimo.sdk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.EthSignature;

/** {@code dimo recover}: who signed this digest. */
@Command(
    name = "recover",
    mixinStandardHelpOptions = true,
    description = {
      "Recover the signer of a 32-byte digest and print its EIP-55 address.",
      "Strict, as DIMO's contracts are: 0 < r < n, 0 < s <= n/2 (low-s) and v = 27 or 28;"
          + " anything else, like any malformed signature, is refused (exit status 1)."
    })
final class RecoverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--digest",
      required = true,
      paramLabel = "0xDIGEST",
      converter = HexConverters.Digest.class,
      description = "the signed 32-byte digest, e.g. the output of 'dimo typed-data digest'")
  HexBytes digest;

  // A String, not a converted HexBytes: a converter's error would be a usage error (exit 2), yet a
  // signature with the wrong length is as malformed as one with a high s (exit 1). Every malformed
  // signature is the same class of error, bad input, in every command.
  @Option(
      names = "--signature",
      required = true,
      paramLabel = "0xSIGNATURE",
      description = "the 65-byte r||s||v signature")
  String signature;

  @Override
  public Integer call() throws InputException {
    Address signer;
    try {
      signer = parseSignature(signature).recoverSigner(digest.bytes());
    } catch (IllegalArgumentException e) {
      throw new InputException("--signature", e.getMessage());
    }
    spec.commandLine().getOut().println(signer.toChecksumHex());
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Parses a 65-byte {@code r||s||v} signature with messages for people (the library's mention its
   * Java methods).
   *
   * @throws InputException naming {@code --signature} and what is wrong
   */
  static EthSignature parseSignature(String hex) throws InputException {
    byte[] bytes;
    try {
      bytes = Hex.decodePrefixed(hex);
    } catch (IllegalArgumentException e) {
      throw new InputException("--signature", e.getMessage());
    }
    if (bytes.length != 65) {
      throw new InputException(
          "--signature",
          "expected 65 bytes r||s||v (0x + 130 hex digits), got " + bytes.length
              + (bytes.length == 64 ? " (a 64-byte EIP-2098 compact signature is not accepted)" : ""));
    }
    int v = bytes[64] & 0xff;
    if (v != 27 && v != 28) {
      throw new InputException(
          "--signature",
          "v must be 27 or 28, was " + v + (v == 0 || v == 1 ? " (a raw recovery id: add 27)" : ""));
    }
    return EthSignature.fromBytes(bytes);
  }
}
