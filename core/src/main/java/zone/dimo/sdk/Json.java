package zone.dimo.sdk;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import zone.dimo.sdk.errors.DimoDecodingException;

/** The Moshi configuration and Retrofit converters the client uses for the generated models. */
final class Json {
  private Json() {
  }

  static Moshi moshi() {
    return new Moshi.Builder()
        .add(BigInteger.class, new BigIntegerAdapter().nullSafe())
        .add(BigDecimal.class, new BigDecimalAdapter().nullSafe())
        .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
        .add(EXACT_OBJECTS)
        .build();
  }

  /**
   * Free-form values ({@code Object}, {@code Map<String, Object>}) keep exact numbers instead of
   * Moshi's doubles: typed-data values such as uint256 must survive a round trip.
   */
  static final JsonAdapter.Factory EXACT_OBJECTS = new JsonAdapter.Factory() {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
      if (type != Object.class || !annotations.isEmpty()) {
        return null;
      }
      JsonAdapter<Object> delegate = moshi.nextAdapter(this, Object.class, annotations);
      return new JsonAdapter<Object>() {
        @Override
        public Object fromJson(JsonReader reader) throws IOException {
          return ExactJson.readValue(reader);
        }

        @Override
        public void toJson(JsonWriter writer, Object value) throws IOException {
          delegate.toJson(writer, value);
        }
      };
    }
  };

  static final class BigIntegerAdapter extends JsonAdapter<BigInteger> {
    @Override
    public BigInteger fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return new BigInteger(text);
      } catch (NumberFormatException e) {
        throw new JsonDataException("Expected an integer but was " + text + " at path "
            + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, BigInteger value) throws IOException {
      writer.value(value);
    }
  }

  static final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new JsonDataException("Expected a number but was " + text + " at path "
            + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
      writer.value(value);
    }
  }

  static final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
    @Override
    public OffsetDateTime fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw new JsonDataException("Expected an RFC 3339 date-time but was " + text
            + " at path " + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, OffsetDateTime value) throws IOException {
      writer.value(value.toString());
    }
  }

  /**
   * Moshi converters whose failures keep the raw body: a body that does not decode becomes
   * {@link UndecodableBody}, which {@link DimoClient#execute} reports as
   * {@link DimoDecodingException}. Content types are ignored on purpose — the login server labels
   * JSON as text/plain.
   */
  static final class ConverterFactory extends Converter.Factory {
    private final MoshiConverterFactory moshi;

    ConverterFactory(Moshi moshi) {
      this.moshi = MoshiConverterFactory.create(moshi);
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(
        Type type, Annotation[] annotations, Retrofit retrofit) {
      Converter<ResponseBody, ?> delegate =
          moshi.responseBodyConverter(type, annotations, retrofit);
      if (delegate == null) {
        return null;
      }
      return body -> {
        byte[] bytes;
        try {
          bytes = body.bytes();
        } finally {
          body.close();
        }
        try {
          return delegate.convert(ResponseBody.create(bytes, body.contentType()));
        } catch (IOException | RuntimeException e) {
          throw new UndecodableBody(bytes, e);
        }
      };
    }

    @Override
    public Converter<?, RequestBody> requestBodyConverter(Type type,
        Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
      return moshi.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
    }
  }

  /** A 2xx body that could not be decoded, with its bytes (cut at 64 KiB). */
  static final class UndecodableBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String raw;

    UndecodableBody(byte[] bytes, Throwable cause) {
      super(cause.getMessage(), cause);
      int length = Math.min(bytes.length, Failures.MAX_RAW_BODY);
      this.raw = new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
  }
}
