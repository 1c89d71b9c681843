package zone.dimo.sdk.sandbox;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link DimoSandbox} for a test class (the default) or for each
 * test, and injects it into parameters of type {@code DimoSandbox} (constructor, lifecycle and
 * test methods) and into non-final fields of that type (static fields when per class).
 *
 * <pre>{@code
 * @ExtendWith(DimoSandboxExtension.class)           // one sandbox per test class
 * class MintTest {
 *   @Test void mints(DimoSandbox sandbox) { ... }
 * }
 *
 * class FreshStateTest {
 *   @RegisterExtension                             // a new sandbox for every test
 *   static DimoSandboxExtension sandboxes =
 *       DimoSandboxExtension.perTest(DimoSandbox.builder().pendingReads(2));
 *   DimoSandbox sandbox;                           // injected before each test
 * }
 * }</pre>
 *
 * <p>A {@code @Nested} class is a test class of its own: per class, it gets its own sandbox, and
 * only the innermost test instance's fields are injected.
 *
 * <p>Needs {@code junit-jupiter-api} on the test class path (the sandbox declares it
 * {@code provided}).
 */
public final class DimoSandboxExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DimoSandboxExtension.class);
  private static final String KEY = "sandbox";

  private final DimoSandbox.Builder builder;
  private final boolean perTest;

  /** One sandbox per test class, with the defaults (what {@code @ExtendWith} uses). */
  public DimoSandboxExtension() {
    this(DimoSandbox.builder(), false);
  }

  private DimoSandboxExtension(DimoSandbox.Builder builder, boolean perTest) {
    this.builder = builder;
    this.perTest = perTest;
  }

  /** {@return an extension with one sandbox per test class, with the defaults} */
  public static DimoSandboxExtension perClass() {
    return new DimoSandboxExtension();
  }

  /**
   * One sandbox per test class, started from {@code builder}.
   *
   * @param builder the sandbox's settings
   * @return the extension
   */
  public static DimoSandboxExtension perClass(DimoSandbox.Builder builder) {
    return new DimoSandboxExtension(Objects.requireNonNull(builder, "builder == null"), false);
  }

  /** {@return an extension with a new sandbox for each test, with the defaults} */
  public static DimoSandboxExtension perTest() {
    return new DimoSandboxExtension(DimoSandbox.builder(), true);
  }

  /**
   * A new sandbox for each test, started from {@code builder}.
   *
   * @param builder the sandbox's settings
   * @return the extension
   */
  public static DimoSandboxExtension perTest(DimoSandbox.Builder builder) {
    return new DimoSandboxExtension(Objects.requireNonNull(builder, "builder == null"), true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    if (!perTest) {
      DimoSandbox sandbox = sandbox(context);
      injectFields(context.getRequiredTestClass(), null, sandbox, true);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    Object instance = context.getRequiredTestInstance();
    injectFields(instance.getClass(), instance, sandbox(context), false);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      close(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!perTest) {
      close(context);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == DimoSandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return sandbox(extensionContext);
  }

  /** The sandbox of the scope this context belongs to, started on first use. */
  private DimoSandbox sandbox(ExtensionContext context) {
    ExtensionContext.Store store = scope(context).getStore(NAMESPACE);
    DimoSandbox sandbox = store.get(KEY, DimoSandbox.class);
    if (sandbox == null) {
      sandbox = builder.start();
      store.put(KEY, sandbox);
    }
    return sandbox;
  }

  private void close(ExtensionContext context) {
    DimoSandbox sandbox = scope(context).getStore(NAMESPACE).remove(KEY, DimoSandbox.class);
    if (sandbox != null) {
      sandbox.close();
    }
  }

  /** The test's context when per test, else the enclosing class's context. */
  private ExtensionContext scope(ExtensionContext context) {
    if (perTest) {
      return context;
    }
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static void injectFields(Class<?> type, Object instance, DimoSandbox sandbox, boolean statics)
      throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (field.getType() != DimoSandbox.class || Modifier.isFinal(modifiers)
            || Modifier.isStatic(modifiers) != statics) {
          continue;
        }
        field.setAccessible(true);
        field.set(instance, sandbox);
      }
    }
  }
}
