package zone.dimo.sdk;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;
import zone.dimo.sdk.spec.DimoSerial;

/**
 * Aftermarket device serials as DIMO stores them: trimmed and lower case. The service's
 * by-serial routes normalise what they receive, but its claim handlers look the raw value up, so
 * a serial typed as printed on the device ({@code AP09C31A65}) would not be found there.
 */
final class Serials {
  private Serials() {
  }

  static String normalize(String serial) {
    return serial.trim().toLowerCase(Locale.ROOT);
  }

  /** Normalises the path and query values the spec marks {@code x-dimo-serial}. */
  static final class ConverterFactory extends Converter.Factory {
    @Override
    public @Nullable Converter<?, String> stringConverter(Type type, Annotation[] annotations,
        Retrofit retrofit) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof DimoSerial) {
          return value -> normalize(value.toString());
        }
      }
      return null;
    }
  }
}
