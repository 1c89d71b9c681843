package zone.dimo.sdk.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.auth.api.Web3AuthApi;
import zone.dimo.sdk.tokenexchange.api.TokenExchangeApi;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeRequest;

class DimoOperationTest {

  @Test
  void isReadableAtRuntimeOnMethods() {
    // Core's interceptor reads it through reflection at call time; CLASS retention would be invisible.
    assertEquals(RetentionPolicy.RUNTIME, DimoOperation.class.getAnnotation(Retention.class).value());
    assertArrayEquals(new ElementType[] {ElementType.METHOD}, DimoOperation.class.getAnnotation(Target.class).value());
  }

  @Test
  void generatedMethodsCarryOperationIdAndSecurity() throws NoSuchMethodException {
    DimoOperation exchange = TokenExchangeApi.class
        .getMethod("exchangeToken", TokenExchangeRequest.class)
        .getAnnotation(DimoOperation.class);
    assertEquals("exchangeToken", exchange.operationId());
    assertArrayEquals(new String[] {"userToken"}, exchange.security());

    DimoOperation challenge = Web3AuthApi.class
        .getMethod("generateChallenge", String.class, String.class, String.class, String.class, String.class)
        .getAnnotation(DimoOperation.class);
    assertEquals("generateChallenge", challenge.operationId());
    assertArrayEquals(new String[0], challenge.security());
  }
}
