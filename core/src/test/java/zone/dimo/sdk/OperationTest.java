package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.Arrays;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import retrofit2.Invocation;
import zone.dimo.sdk.devices.api.NftMetadataApi;
import zone.dimo.sdk.devices.api.UserDevicesApi;
import zone.dimo.sdk.devices.api.VehicleCommandsApi;
import zone.dimo.sdk.errors.DimoConfigurationException;
import zone.dimo.sdk.tokenexchange.api.TokenExchangeApi;

class OperationTest {
  interface Unannotated {
    retrofit2.Call<Void> sneaky();
  }

  private static Request request(String httpMethod, Class<?> api, String name, Object... args)
      throws Exception {
    Method method = null;
    for (Method m : api.getMethods()) {
      if (m.getName().equals(name)) {
        method = m;
      }
    }
    Invocation invocation = Invocation.of(method, Arrays.asList(args));
    return new Request.Builder().url("https://devices-api.dimo.zone/x")
        .method(httpMethod, "GET".equals(httpMethod) ? null : okhttp3.RequestBody.create(new byte[0], null))
        .tag(Invocation.class, invocation).build();
  }

  @Test
  void readsIdSecurityAndSafety() throws Exception {
    Operation list = Operation.of(request("GET", UserDevicesApi.class, "listMyVehicles"));
    assertEquals("listMyVehicles", list.id);
    assertTrue(list.needsUserToken());
    assertFalse(list.needsVehicleToken());
    assertTrue(list.safe);

    Operation mint = Operation.of(request("POST", UserDevicesApi.class, "submitMint", "d", null));
    assertFalse(mint.safe);

    Operation exchange = Operation.of(request("POST", TokenExchangeApi.class, "exchangeToken", (Object) null));
    assertTrue(exchange.safe);

    Operation image = Operation.of(request("GET", NftMetadataApi.class, "getAftermarketDeviceImage", 1L));
    assertTrue(image.streaming);
    assertTrue(image.security.isEmpty());
    assertSame(image, Operation.of(request("GET", NftMetadataApi.class, "getAftermarketDeviceImage", 2L)));
  }

  @Test
  void vehicleTokenIdComesFromTheTokenIdArgument() throws Exception {
    Request lock = request("POST", VehicleCommandsApi.class, "lockDoors", 123456789012L);
    Operation operation = Operation.of(lock);
    assertTrue(operation.needsVehicleToken());
    assertEquals(123456789012L, operation.vehicleTokenId(lock));

    Request nullId = request("POST", VehicleCommandsApi.class, "lockDoors", (Object) null);
    assertEquals("lockDoors: tokenId == null",
        assertThrows(IllegalArgumentException.class, () -> operation.vehicleTokenId(nullId)).getMessage());

    Request max = request("POST", VehicleCommandsApi.class, "lockDoors", new BigInteger("9223372036854775807"));
    assertEquals(Long.MAX_VALUE, operation.vehicleTokenId(max));
    Request tooBig = request("POST", VehicleCommandsApi.class, "lockDoors", new BigInteger("9223372036854775808"));
    assertEquals("lockDoors: tokenId is not a 64-bit integer: 9223372036854775808",
        assertThrows(IllegalArgumentException.class, () -> operation.vehicleTokenId(tooBig)).getMessage());
    Request notNumber = request("POST", VehicleCommandsApi.class, "lockDoors", "12x");
    assertEquals("lockDoors: tokenId is not a 64-bit integer: 12x",
        assertThrows(IllegalArgumentException.class, () -> operation.vehicleTokenId(notNumber)).getMessage());
  }

  @Test
  void failsClosedWithoutAnnotationOrInvocation() throws Exception {
    Request unannotated = request("POST", Unannotated.class, "sneaky");
    DimoConfigurationException e = assertThrows(DimoConfigurationException.class,
        () -> Operation.of(unannotated));
    assertEquals("Unannotated.sneaky has no @DimoOperation annotation; refusing to send it without"
        + " knowing which token it needs", e.getMessage());
    assertNull(Operation.lookup(unannotated));

    Request bare = new Request.Builder().url("https://devices-api.dimo.zone/v1/x").build();
    assertEquals("GET /v1/x was not made through a DIMO API interface; refusing to send it",
        assertThrows(DimoConfigurationException.class, () -> Operation.of(bare)).getMessage());
  }
}
