package zone.dimo.sdk;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.Request;
import retrofit2.Invocation;
import retrofit2.http.Path;
import retrofit2.http.Streaming;
import zone.dimo.sdk.errors.DimoConfigurationException;
import zone.dimo.sdk.spec.DimoOperation;

/**
 * What the SDK knows about one API operation, read from the generated method's
 * {@link DimoOperation} annotation: its id, the token it needs, and whether it is safe to repeat.
 */
final class Operation {
  static final String USER_TOKEN = "userToken";
  static final String VEHICLE_TOKEN = "vehicleToken";

  private static final ConcurrentMap<Method, Operation> CACHE = new ConcurrentHashMap<>();

  final String id;
  final Set<String> security;
  final boolean safe;
  final boolean streaming;
  /** Login and exchange: request and answer bodies are credentials as a whole. */
  final boolean sensitive;
  /** For vehicle-token operations: what the token must allow (the spec's x-dimo-vehicle-permissions). */
  final Set<Permission> vehiclePermissions;
  private final String vehicleParameter;
  private final int vehicleArgument;

  private Operation(String id, Set<String> security, boolean safe, boolean streaming,
      boolean sensitive, Set<Permission> vehiclePermissions, String vehicleParameter,
      int vehicleArgument) {
    this.id = id;
    this.security = security;
    this.safe = safe;
    this.streaming = streaming;
    this.sensitive = sensitive;
    this.vehiclePermissions = vehiclePermissions;
    this.vehicleParameter = vehicleParameter;
    this.vehicleArgument = vehicleArgument;
  }

  /**
   * The operation of a request built by Retrofit from a generated interface.
   *
   * @throws DimoConfigurationException when the request has no Retrofit invocation or the method
   *     has no {@code @DimoOperation} (fail closed: we do not guess which token to send)
   */
  static Operation of(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      throw new DimoConfigurationException(request.method() + " " + request.url().encodedPath()
          + " was not made through a DIMO API interface; refusing to send it");
    }
    return of(invocation.method(), request.method());
  }

  /** Like {@link #of(Request)}, or null instead of throwing (for routing only). */
  static Operation lookup(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null || invocation.method().getAnnotation(DimoOperation.class) == null) {
      return null;
    }
    return of(invocation.method(), request.method());
  }

  private static Operation of(Method method, String httpMethod) {
    Operation cached = CACHE.get(method);
    if (cached != null) {
      return cached;
    }
    DimoOperation annotation = method.getAnnotation(DimoOperation.class);
    if (annotation == null) {
      throw new DimoConfigurationException(method.getDeclaringClass().getSimpleName() + "."
          + method.getName() + " has no @DimoOperation annotation; refusing to send it without"
          + " knowing which token it needs");
    }
    Set<String> security = Collections.unmodifiableSet(
        new HashSet<>(Arrays.asList(annotation.security())));
    // GET and HEAD are safe by HTTP's definition; anything else only when the spec says so.
    boolean safe = "GET".equals(httpMethod) || "HEAD".equals(httpMethod) || annotation.retrySafe();
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    for (String name : annotation.vehiclePermissions()) {
      Permission permission = Permission.lookup(name);
      if (permission == null) {
        throw new DimoConfigurationException(annotation.operationId() + " needs permission \""
            + name + "\", which this SDK version does not know; refusing to send it");
      }
      permissions.add(permission);
    }
    Operation operation = new Operation(annotation.operationId(), security, safe,
        method.getAnnotation(Streaming.class) != null, annotation.sensitive(),
        Collections.unmodifiableSet(permissions), annotation.vehicleParameter(),
        pathParameter(method, annotation.vehicleParameter()));
    CACHE.putIfAbsent(method, operation);
    return operation;
  }

  boolean needsUserToken() {
    return security.contains(USER_TOKEN);
  }

  boolean needsVehicleToken() {
    return security.contains(VEHICLE_TOKEN);
  }

  /**
   * The vehicle NFT token id this request addresses: the argument bound to the path parameter
   * the spec's {@code x-dimo-vehicle-parameter} names.
   */
  long vehicleTokenId(Request request) {
    if (vehicleArgument < 0) {
      throw new DimoConfigurationException(id + " needs a vehicle token but its spec names no"
          + " vehicle path parameter (x-dimo-vehicle-parameter)");
    }
    List<?> arguments = request.tag(Invocation.class).arguments();
    Object value = arguments.get(vehicleArgument);
    if (value == null) {
      throw new IllegalArgumentException(id + ": " + vehicleParameter + " == null");
    }
    BigInteger tokenId;
    try {
      tokenId = new BigInteger(value.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(id + ": " + vehicleParameter
          + " is not a 64-bit integer: " + value, e);
    }
    // bitLength, not longValueExact(): that one is Android API 31, our floor is 26
    if (tokenId.bitLength() >= 64) {
      throw new IllegalArgumentException(id + ": " + vehicleParameter
          + " is not a 64-bit integer: " + value);
    }
    return tokenId.longValue();
  }

  private static int pathParameter(Method method, String name) {
    if (name.isEmpty()) {
      return -1;
    }
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof Path && name.equals(((Path) annotation).value())) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return id;
  }
}
