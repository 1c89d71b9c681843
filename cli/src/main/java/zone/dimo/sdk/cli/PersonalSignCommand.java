package zone.dimo.sdk.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.PersonalSign;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;
import zone.dimo.sdk.signing.internal.Text;

/** {@code dimo personal-sign}: an EIP-191 {@code personal_sign} signature, as the DIMO login signs its challenge. */
@Command(
    name = "personal-sign",
    mixinStandardHelpOptions = true,
    description = {
      "Sign keccak256(\"\\x19Ethereum Signed Message:\\n\" + len(message) + message) and print the"
          + " 65-byte r||s||v signature (v = 27 or 28), as wallets do for personal_sign.",
      "--text is decoded by the JVM from the platform charset (the locale): text it could not"
          + " decode (U+FFFD replacement characters, as under LC_ALL=C) is refused, never signed."
          + " Use a UTF-8 locale, --text-file or --hex for such text. A text starting with '-' is"
          + " written --text=-h."
    })
final class PersonalSignCommand implements Callable<Integer> {
  /** A challenge is a few hundred bytes; this only stops a wrong path from eating memory. */
  static final int MAX_TEXT_FILE_BYTES = 1024 * 1024;

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
    @Option(
        names = "--text",
        paramLabel = "TEXT",
        preprocessor = AttachedValue.class,
        converter = Unmark.class,
        description = "the message as text (signed as its UTF-8 bytes)")
    String text;

    @Option(
        names = "--text-file",
        paramLabel = "FILE",
        description = "the message as the UTF-8 text in FILE, signed exactly as its bytes (a final newline included); '-' reads standard input")
    String textFile;

    @Option(
        names = "--hex",
        paramLabel = "0xHEX",
        converter = HexConverters.AnyLength.class,
        description = "the message as 0x-prefixed hex bytes")
    HexBytes bytes;
  }

  /**
   * Lets the value of {@code --text=VALUE} start with {@code -}: picocli otherwise refuses a value
   * that looks like an option ({@code --text=-h}), leaving no way to sign such a text. The value is
   * marked with a NUL (which no command-line argument can contain) so that picocli takes it as a
   * value and still applies its other rules ({@code --text} and {@code --hex} stay exclusive);
   * {@link Unmark} removes the mark. The separate form {@code --text -h} is still refused, as a
   * forgotten value.
   */
  static final class AttachedValue implements IParameterPreprocessor {
    static final String MARK = "\u0000";

    @Override
    public boolean preprocess(
        Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
      if ("=".equals(info.get("separator")) && !args.isEmpty() && args.peek().startsWith("-")) {
        args.push(MARK + args.pop());
      }
      return false; // picocli goes on to consume the (now marked) value
    }
  }

  /** Removes the mark {@link AttachedValue} put on a value starting with {@code -}. */
  static final class Unmark implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return value.startsWith(AttachedValue.MARK) ? value.substring(AttachedValue.MARK.length()) : value;
    }
  }

  @Override
  public Integer call() throws InputException {
    // Check the message before the key is read: a refused message never needs the key.
    byte[] utf8 = messageBytes();
    PrivateKey key = KeyFile.load(keyFile, DimoCommand.inputs(spec));
    Secp256k1Signer signer = Secp256k1Signer.of(key);
    try {
      EthSignature signature = PersonalSign.signBytes(signer, utf8);
      spec.commandLine().getOut().println(signature.toHex());
      spec.commandLine().getOut().flush();
      return 0;
    } finally {
      signer.destroy();
      key.destroy();
    }
  }

  private byte[] messageBytes() throws InputException {
    if (message.bytes != null) {
      return message.bytes.bytes();
    }
    if (message.textFile != null) {
      byte[] bytes = DimoCommand.inputs(spec).read(message.textFile, MAX_TEXT_FILE_BYTES);
      String problem = utf8Problem(bytes);
      if (problem != null) {
        throw new InputException(message.textFile, problem + "; sign bytes that are not UTF-8 text with --hex");
      }
      return bytes; // valid UTF-8: these bytes are the text's encoding
    }
    String text = message.text;
    int replacement = text.indexOf('\uFFFD');
    if (replacement >= 0) {
      throw new InputException(
          "--text",
          "holds U+FFFD at index " + replacement + ": the JVM could not decode the argument in the platform charset ("
              + platformCharset() + "), so it is not the text you typed; use a UTF-8 locale (e.g. LC_ALL=C.UTF-8),"
              + " --text-file FILE (read as UTF-8) or --hex");
    }
    int surrogate = Text.unpairedSurrogate(text);
    if (surrogate >= 0) {
      throw new InputException("--text", Text.describeUnpairedSurrogate(text, surrogate));
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The charset the JVM decoded the command line with (the launcher uses sun.jnu.encoding). */
  static String platformCharset() {
    String jnu = System.getProperty("sun.jnu.encoding");
    return jnu != null ? jnu : Charset.defaultCharset().name();
  }

  /** What makes {@code bytes} not UTF-8 ("not valid UTF-8 at byte 3"), or null. */
  static String utf8Problem(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
    return result.isError() ? "not valid UTF-8 at byte " + in.position() : null;
  }
}
