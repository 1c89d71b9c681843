package zone.dimo.sdk.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Collections;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static SandboxRequest request(String method, String path) {
    return new SandboxRequest(method, path, Collections.emptyMap(), Collections.emptyMap(), new byte[0]);
  }

  @Test
  void matchesLiteralsBeforeParametersInRegistrationOrderAndCapturesParams() {
    Router router = new Router();
    Router.Handler me = r -> SandboxResponse.empty(200);
    Router.Handler byId = r -> SandboxResponse.empty(204);
    router.add("GET", "/v1/user/devices/me", Router.Security.USER, me);
    router.add("GET", "/v1/user/devices/{id}/vin", Router.Security.USER, byId);
    assertSame(me, router.match(request("GET", "/v1/user/devices/me")).route.handler);
    SandboxRequest r = request("GET", "/v1/user/devices/abc/vin/");
    assertSame(byId, router.match(r).route.handler);
    assertEquals("abc", r.param("id"));
  }

  @Test
  void reportsAllowedMethodsOrNothing() {
    Router router = new Router();
    router.add("GET", "/a/{x}", Router.Security.PUBLIC, r -> null);
    router.add("POST", "/a/{x}", Router.Security.PUBLIC, r -> null);
    Router.Match wrong = router.match(request("DELETE", "/a/1"));
    assertNull(wrong.route);
    assertEquals(Set.of("GET", "POST"), wrong.allowed);
    assertEquals(Set.of(), router.match(request("GET", "/b")).allowed);
    assertEquals(Set.of(), router.match(request("GET", "/a//")).allowed);
  }
}
