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
          + " anything else is refused (exit status 1)."
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

  @Option(
      names = "--signature",
      required = true,
      paramLabel = "0xSIGNATURE",
      converter = HexConverters.Signature.class,
      description = "the 65-byte r||s||v signature")
  HexBytes signature;

  @Override
  public Integer call() throws InputException {
    Address signer;
    try {
      signer = EthSignature.fromBytes(signature.bytes()).recoverSigner(digest.bytes());
    } catch (IllegalArgumentException e) {
      throw new InputException("--signature", e.getMessage());
    }
    spec.commandLine().getOut().println(signer.toChecksumHex());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
