package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class TrustedHostsTest {
  private final TrustedHosts hosts = new TrustedHosts(
      HttpUrl.get("https://devices-api.dimo.zone/"), HttpUrl.get("http://localhost:8080/"));

  @Test
  void trustsSameOriginWhateverThePath() {
    assertTrue(hosts.trusts(HttpUrl.get("https://devices-api.dimo.zone/v1/user/devices/me")));
    assertTrue(hosts.trusts(HttpUrl.get("https://DEVICES-API.dimo.zone/x")));
    assertTrue(hosts.trusts(HttpUrl.get("http://localhost:8080/auth")));
  }

  @Test
  void distrustsOtherHostSchemeOrPort() {
    assertFalse(hosts.trusts(HttpUrl.get("https://evil.example/v1/user/devices/me")));
    assertFalse(hosts.trusts(HttpUrl.get("http://devices-api.dimo.zone/")));
    assertFalse(hosts.trusts(HttpUrl.get("https://devices-api.dimo.zone:8443/")));
    assertFalse(hosts.trusts(HttpUrl.get("http://localhost:8081/")));
    assertFalse(hosts.trusts(HttpUrl.get("https://devices-api.dimo.zone.evil.example/")));
  }
}
