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

  /**
   * Whether a state-changing operation may be sent again after a failure that leaves its
   * outcome open (a lost connection, a 5xx, a 429): the spec's {@code x-dimo-retry-safe}.
   * {@code GET} operations are always safe to repeat and declare nothing; every other operation
   * must declare it, which the build's spec checks enforce.
   *
   * @return true when repeating the operation cannot change the result
   */
  boolean retrySafe();

  /**
   * For operations secured by {@code vehicleToken}: the permissions the vehicle token must
   * carry, by their Token Exchange names (e.g. {@code "privilege:ExecuteCommands"}), from the
   * spec's {@code x-dimo-vehicle-permissions}. Empty for other operations.
   *
   * @return the permission names
   */
  String[] vehiclePermissions();

  /**
   * For operations secured by {@code vehicleToken}: the name of the path parameter that holds
   * the vehicle's NFT token id, from the spec's {@code x-dimo-vehicle-parameter}. Empty for
   * other operations.
   *
   * @return the path parameter name, or empty
   */
  String vehicleParameter();

  /**
   * Whether the operation's request and answer bodies are credentials as a whole (the login and
   * the token exchange: signatures, challenges' state, access and vehicle tokens), from the
   * spec's {@code x-dimo-sensitive}. The client then never logs these bodies and never keeps
   * them in an exception.
   *
   * @return true for credential-bearing operations
   */
  boolean sensitive();
}
