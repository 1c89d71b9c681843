package zone.dimo.sdk.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the OpenAPI operation behind a generated Retrofit method and the security schemes it
 * needs. The code generator puts it on every method of the generated {@code *Api} interfaces;
 * it is the one piece of hand-written code in this module.
 *
 * <p>The SDK's auth interceptor reads it at call time through Retrofit's invocation tag
 * ({@code request.tag(retrofit2.Invocation.class).method()}) and decides from it which token to
 * attach. It fails closed: a request whose method has no {@code DimoOperation}, or names a
 * scheme the interceptor does not know, is rejected before it is sent rather than sent with a
 * guessed token or none. That is why the annotation is kept at runtime and why an operation
 * without explicit {@code security} in the spec fails the build's spec checks.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DimoOperation {

  /**
   * The operation's {@code operationId} exactly as written in the spec, e.g.
   * {@code "createVehicle"}.
   *
   * @return the operation id
   */
  String operationId();

  /**
   * The names of the security schemes the operation requires, as in the spec's
   * {@code security} list: {@code "userToken"} (the user access token from the Web3 login),
   * {@code "vehicleToken"} (a privilege token from the Token Exchange API for the vehicle in
   * the path), or an empty array for public operations ({@code security: []}), which must be
   * sent without any token.
   *
   * @return the security scheme names; empty for public operations
   */
  String[] security();
}
