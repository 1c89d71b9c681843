package zone.dimo.sdk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.PersonalSign;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/** {@code dimo personal-sign}: an EIP-191 {@code personal_sign} signature, as the DIMO login signs its challenge. */
@Command(
    name = "personal-sign",
    mixinStandardHelpOptions = true,
    description = {
      "Sign keccak256(\"\\x19Ethereum Signed Message:\\n\" + len(message) + message) and print the"
          + " 65-byte r||s||v signature (v = 27 or 28), as wallets do for personal_sign."
    })
final class PersonalSignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--key-file",
      required = true,
      paramLabel = "KEY",
      description = "file holding one private key: 64 hex digits, optionally 0x-prefixed; '-' reads standard input")
  String keyFile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Message message;

  static final class Message {
    @Option(names = "--text", paramLabel = "TEXT", description = "the message as text (signed as its UTF-8 bytes)")
    String text;

    @Option(
        names = "--hex",
        paramLabel = "0xHEX",
        converter = HexConverters.AnyLength.class,
        description = "the message as 0x-prefixed hex bytes")
    HexBytes bytes;
  }

  @Override
  public Integer call() throws InputException {
    PrivateKey key = KeyFile.load(keyFile, DimoCommand.inputs(spec));
    Secp256k1Signer signer = Secp256k1Signer.of(key);
    try {
      EthSignature signature =
          message.text != null ? PersonalSign.signText(signer, message.text) : PersonalSign.signBytes(signer, message.bytes.bytes());
      spec.commandLine().getOut().println(signature.toHex());
      spec.commandLine().getOut().flush();
      return 0;
    } finally {
      signer.destroy();
      key.destroy();
    }
  }
}
