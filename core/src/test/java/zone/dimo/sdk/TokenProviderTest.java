package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class TokenProviderTest {
  @Test
  void staticTokenNeverChangesAndNeverPrints() {
    TokenProvider provider = TokenProvider.of(TestSupport.USER_TOKEN);
    provider.invalidate(TestSupport.USER_TOKEN);
    assertEquals(TestSupport.USER_TOKEN, provider.token());
    assertEquals("TokenProvider.of([redacted])", provider.toString());
  }

  @Test
  void staticVehicleTokenAnswersEveryVehicle() {
    VehicleTokenProvider provider = VehicleTokenProvider.of("v");
    assertEquals("v", provider.token(1, Collections.singleton(Permission.EXECUTE_COMMANDS)));
    assertEquals("v", provider.token(2, Collections.singleton(Permission.GET_NON_LOCATION_HISTORY)));
    assertFalse(provider.toString().contains("v)"));
    assertEquals("VehicleTokenProvider.of([redacted])", provider.toString());
  }

  @Test
  void factoriesRejectNulls() {
    assertEquals("token == null",
        assertThrows(NullPointerException.class, () -> TokenProvider.of(null)).getMessage());
    assertEquals("signer == null", assertThrows(NullPointerException.class,
        () -> DimoClient.builder().web3Login("c", "d", null)).getMessage());
    assertEquals("token is empty",
        assertThrows(IllegalArgumentException.class, () -> TokenProvider.of("")).getMessage());
    assertEquals("token is empty",
        assertThrows(IllegalArgumentException.class, () -> VehicleTokenProvider.of("")).getMessage());
    assertEquals("token == null",
        assertThrows(NullPointerException.class, () -> VehicleTokenProvider.of(null)).getMessage());
  }
}
