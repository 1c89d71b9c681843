package zone.dimo.sdk.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import zone.dimo.sdk.TypedDataJson;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;
import zone.dimo.sdk.signing.eip712.Eip712;
import zone.dimo.sdk.signing.eip712.TypedData;

/** {@code dimo typed-data digest|sign FILE...}: EIP-712 over typed-data JSON files. */
@Command(
    name = "typed-data",
    mixinStandardHelpOptions = true,
    description = "EIP-712 digests and signatures of typed-data JSON (eth_signTypedData_v4 shape).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {TypedDataCommand.Digest.class, TypedDataCommand.Sign.class})
final class TypedDataCommand implements Runnable {
  /** Typed-data payloads are a few kilobytes; this only stops a wrong path from eating memory. */
  static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: digest or sign");
  }

  @Command(
      name = "digest",
      mixinStandardHelpOptions = true,
      description = {
        "Print the EIP-712 digest (keccak256(0x1901 || domainSeparator || hashStruct(message))) of each"
            + " file as '0x<digest>  FILE', like sha256sum."
      })
  static final class Digest implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "typed-data JSON file; '-' reads standard input")
    List<String> files;

    @Override
    public Integer call() {
      return forEachFile(spec, files, Eip712::digest);
    }
  }

  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description = {
        "Sign the EIP-712 digest of each file and print '0x<65-byte r||s||v signature>  FILE'"
            + " (low-s, v = 27 or 28, deterministic RFC 6979 nonces)."
      })
  static final class Sign implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--key-file",
        required = true,
        paramLabel = "KEY",
        description = "file holding one private key: 64 hex digits, optionally 0x-prefixed; '-' reads standard input")
    String keyFile;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "typed-data JSON file; '-' reads standard input")
    List<String> files;

    @Override
    public Integer call() throws InputException {
      PrivateKey key = KeyFile.load(keyFile, DimoCommand.inputs(spec));
      Secp256k1Signer signer = Secp256k1Signer.of(key);
      try {
        return forEachFile(spec, files, typedData -> Eip712.sign(typedData, signer).toBytes());
      } finally {
        signer.destroy();
        key.destroy();
      }
    }
  }

  /**
   * Applies {@code operation} to every file, printing one result line per good file and one
   * {@code dimo: FILE: ...} line per bad one; returns 1 if any file was bad.
   */
  static int forEachFile(CommandSpec spec, List<String> files, Function<TypedData, byte[]> operation) {
    Inputs inputs = DimoCommand.inputs(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int status = 0;
    for (String file : files) {
      try {
        TypedData typedData = TypedDataJson.parse(withoutByteOrderMark(inputs.read(file, MAX_FILE_BYTES)));
        out.println(Hex.encode(operation.apply(typedData)) + "  " + file);
      } catch (InputException e) {
        err.println("dimo: " + e.getMessage());
        status = DimoCommand.EXIT_DATA_ERROR;
      } catch (IllegalArgumentException e) {
        // InvalidTypedDataException messages start with the JSON path ("message.to.wallet: ...").
        err.println("dimo: " + file + ": " + e.getMessage());
        status = DimoCommand.EXIT_DATA_ERROR;
      }
      // Keep stdout and stderr lines in input order when both go to a terminal.
      out.flush();
      err.flush();
    }
    return status;
  }

  // Editors on Windows like to start UTF-8 files with a byte order mark; RFC 8259 lets a JSON
  // reader ignore it, and the JSON reader underneath does not.
  static byte[] withoutByteOrderMark(byte[] bytes) {
    if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
      return Arrays.copyOfRange(bytes, 3, bytes.length);
    }
    return bytes;
  }
}
