package zone.dimo.sdk.wire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the spec operation a wire test drives. {@link WireCoverageTest} collects these to fail
 * the build when an operation of a spec has no wire test, and {@link WireTestSupport} checks
 * after each test that every request it sent went through the generated method annotated with
 * this operation id, so the annotation cannot name the wrong operation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface WireContract {

  /** The spec's {@code operationId}. */
  String value();
}
