package zone.dimo.sdk.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated method's parameter that carries an aftermarket device serial (the spec's
 * {@code x-dimo-serial} on the parameter). DIMO stores serials trimmed and in lower case, and
 * several of its handlers look the value up verbatim, so the client sends such values trimmed
 * and lower-cased: {@code " AP09C31A65 "} goes out as {@code ap09c31a65}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface DimoSerial {
}
