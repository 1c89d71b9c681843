package zone.dimo.sdk;

import java.util.Map;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;
import zone.dimo.sdk.signing.eip712.TypedData;
import zone.dimo.sdk.signing.internal.Text;

/**
 * Reads EIP-712 typed-data JSON (as handed out by the DIMO Devices API, {@code eth_signTypedData_v4}
 * style) into a {@link TypedData}, keeping every number exact.
 *
 * <p>Numbers become {@link java.math.BigInteger} when written without fraction or exponent and
 * {@link java.math.BigDecimal} otherwise; they never pass through {@code double}, so a
 * {@code uint256} written as a JSON number is signed exactly as written. Object key order is kept,
 * and a key repeated within one object is refused (two parsers could otherwise disagree on what was
 * signed).
 *
 * <p>Parsing is strict RFC 8259, because what is signed must be exactly what was written: the
 * input must be well-formed UTF-8 (a {@code String} must not hold an unpaired surrogate), strings
 * must not hold raw control characters, only the RFC's escapes are accepted (not {@code \'}), and
 * nothing may follow the object. Messages say where the problem is (a JSON path such as
 * {@code $.types.Mail[0]}, or a line and column), on one line, without echoing long values.
 *
 * <p>Sign the bytes you received: parse the raw response body, never an object that was decoded
 * and re-serialised.
 */
public final class TypedDataJson {
  private TypedDataJson() {
  }

  /**
   * Parses typed-data JSON text.
   *
   * @param json the JSON text of one object
   * @return the typed data
   * @throws IllegalArgumentException if the text is not one well-formed JSON object, names the
   *     JSON path where reading stopped; or (as {@code InvalidTypedDataException}) if the object is
   *     not valid typed data
   */
  public static TypedData parse(String json) {
    Objects.requireNonNull(json, "json == null");
    return parse(utf8(json, "typed data JSON"));
  }

  /**
   * The UTF-8 bytes of {@code json}; refuses an unpaired surrogate, which Okio (like
   * {@code String.getBytes}) would silently write as {@code ?}.
   */
  private static Buffer utf8(String json, String what) {
    int bad = Text.unpairedSurrogate(json);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "Malformed " + what + ": " + Text.describeUnpairedSurrogate(json, bad));
    }
    return new Buffer().writeUtf8(json);
  }

  /**
   * Parses UTF-8 typed-data JSON bytes, as received on the wire.
   *
   * @param utf8Json the JSON of one object, UTF-8 encoded
   * @return the typed data
   * @throws IllegalArgumentException as {@link #parse(String)}
   */
  public static TypedData parse(byte[] utf8Json) {
    Objects.requireNonNull(utf8Json, "utf8Json == null");
    return parse(new Buffer().write(utf8Json));
  }

  /**
   * Parses UTF-8 typed-data JSON from {@code source}, reading it to the end. The source is not
   * closed.
   *
   * @param source UTF-8 JSON of one object
   * @return the typed data
   * @throws IllegalArgumentException as {@link #parse(String)}; also when reading the source fails
   */
  public static TypedData parse(BufferedSource source) {
    Objects.requireNonNull(source, "source == null");
    return TypedData.fromMap(ExactJson.readStrictObject(source, "typed data JSON"));
  }

  /**
   * Parses JSON text into plain {@code Map}/{@code List}/{@code String}/{@code Boolean}/exact
   * number values (the form {@link TypedData#fromMap(Map)} accepts), without interpreting it.
   * Useful to inspect or amend a payload before building the typed data.
   *
   * @param json the JSON text of one object
   * @return the object's members in document order
   * @throws IllegalArgumentException if the text is not one well-formed JSON object (parsed as
   *     strictly as by {@link #parse(String)})
   */
  public static Map<String, Object> parseObject(String json) {
    Objects.requireNonNull(json, "json == null");
    return ExactJson.readStrictObject(utf8(json, "JSON"), "JSON");
  }
}
