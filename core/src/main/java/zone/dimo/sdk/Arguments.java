package zone.dimo.sdk;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import retrofit2.http.Body;
import retrofit2.http.Field;
import retrofit2.http.Path;
import retrofit2.http.Query;
import zone.dimo.sdk.spec.DimoOperation;

/**
 * Checks the arguments of an operation before anything is built or sent, so that every bad
 * argument is an {@link IllegalArgumentException} naming the operation and the parameter — a
 * null or empty path value would otherwise change the path's shape
 * ({@code /v1/user/devices//commands/mint}) or reach the service as a different request.
 */
final class Arguments {
  /** Longer path or query values are refused: no DIMO id, serial or address comes near it. */
  static final int MAX_VALUE_LENGTH = 1024;

  private Arguments() {
  }

  /** {@code delegate} (a Retrofit implementation of {@code api}) behind the argument checks. */
  static <T> T checked(Class<T> api, T delegate) {
    InvocationHandler handler = new InvocationHandler() {
      @Override
      public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
          throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
          return method.invoke(this, args);
        }
        check(method, args);
        try {
          return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }

      @Override
      public String toString() {
        return api.getSimpleName();
      }
    };
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
  }

  /** Per method, read once: reflection on annotations is slow, and calls are hot. */
  private static final ConcurrentMap<Method, Plan> PLANS = new ConcurrentHashMap<>();

  private static final class Plan {
    final String name;
    final Annotation[][] annotations;

    Plan(Method method) {
      DimoOperation operation = method.getAnnotation(DimoOperation.class);
      this.name = operation != null ? operation.operationId() : method.getName();
      this.annotations = method.getParameterAnnotations();
    }
  }

  private static void check(Method method, Object @Nullable [] args) {
    if (args == null) {
      return;
    }
    Plan plan = PLANS.computeIfAbsent(method, Plan::new);
    String name = plan.name;
    Annotation[][] annotations = plan.annotations;
    for (int i = 0; i < args.length; i++) {
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof Path) {
          pathValue(name, ((Path) annotation).value(), args[i]);
        } else if (annotation instanceof Query) {
          if (args[i] != null) {
            value(name, ((Query) annotation).value(), args[i]);
          }
        } else if (annotation instanceof Field) {
          value(name, ((Field) annotation).value(), args[i]);
        } else if (annotation instanceof Body && args[i] == null) {
          throw new IllegalArgumentException(name + ": the request body is null");
        }
      }
    }
  }

  /** A value that goes into a URL path: present, not blank, not huge, no control characters. */
  static String pathValue(String operation, String parameter, @Nullable Object value) {
    String text = value(operation, parameter, value);
    if (text.trim().isEmpty()) {
      throw new IllegalArgumentException(operation + ": " + parameter + " is empty");
    }
    if (value instanceof Number && text.startsWith("-")) {
      throw new IllegalArgumentException(operation + ": " + parameter + " is negative: " + text);
    }
    return text;
  }

  private static String value(String operation, String parameter, @Nullable Object value) {
    if (value == null) {
      throw new IllegalArgumentException(operation + ": " + parameter + " is null");
    }
    String text = value.toString();
    if (text.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException(operation + ": " + parameter + " is " + text.length()
          + " characters long; at most " + MAX_VALUE_LENGTH + " are accepted");
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        throw new IllegalArgumentException(operation + ": " + parameter
            + " contains a control character at index " + i);
      }
    }
    return text;
  }

  /** {@code text} for a message: at most 64 characters, the rest counted. */
  static String shorten(String text) {
    return text.length() <= 64 ? text
        : text.substring(0, 64) + "… (" + (text.length() - 64) + " more characters)";
  }

  /** A flow argument that must be present. */
  static <T> T present(String operation, String parameter, @Nullable T value) {
    if (value == null) {
      throw new IllegalArgumentException(operation + ": " + parameter + " is null");
    }
    return value;
  }
}
