package zone.dimo.sdk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared fixtures: recognisable secrets, a recording sleeper, clients aimed at a MockWebServer. */
final class TestSupport {
  /** Far-future exp so cached tokens stay fresh unless a test moves the clock. */
  static final long FAR_EXP = 4_102_444_800L; // 2100-01-01

  static final String USER_TOKEN = jwt("user-0x1111", FAR_EXP);
  static final String PRIVATE_KEY_HEX =
      "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4";

  private TestSupport() {
  }

  static String jwt(String subject, long exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"sub\":\"" + subject + "\",\"exp\":" + exp + "}")
        .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2lnbmF0dXJlLW9mLSIgKyBzdWJqZWN0";
  }

  /** A JWT whose {@code exp} claim is the JSON text {@code exp} (any value, valid or not). */
  static String jwtWithExp(String exp) {
    return jwtWithClaims("{\"sub\":\"s\",\"exp\":" + exp + "}");
  }

  /** A JWT whose payload is the JSON text {@code claims}. */
  static String jwtWithClaims(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
    return header + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
  }

  static String vehicleToken(long tokenId, Set<Permission> permissions) {
    return jwt("vehicle-" + tokenId + "-" + permissions, FAR_EXP);
  }

  /** {@code base} with its three base URLs pointing at {@code server}. */
  static Environment at(MockWebServer server, Environment base) {
    String url = server.url("/").toString();
    return base.newBuilder().devicesUrl(url).authUrl(url).tokenExchangeUrl(url).build();
  }

  /** Records the waits asked for instead of waiting. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
    }
  }

  /** A sleeper that returns at once (for tests on the real clock that must not wait). */
  static Sleeper noSleep() {
    return duration -> { };
  }

  /** A vehicle token provider answering a token derived from the tokenId (so tests can tell). */
  static final class PerVehicleTokens implements VehicleTokenProvider {
    final List<String> invalidated = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String token(long tokenId, Set<Permission> permissions) {
      return vehicleToken(tokenId, permissions);
    }

    @Override
    public void invalidate(long tokenId, Set<Permission> permissions, String token) {
      invalidated.add(token);
    }
  }

  /**
   * A client whose three base URLs all point at {@code server}. Timeouts are generous because the
   * build machine is shared; tests of timeouts set their own.
   */
  static DimoClient.Builder clientFor(MockWebServer server, Sleeper sleeper) {
    return DimoClient.builder()
        .environment(at(server, Environment.DEV))
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .writeTimeout(Duration.ofSeconds(5))
        .sleeper(sleeper)
        .random(new java.util.Random(1));
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code)
        .setHeader("Content-Type", "application/json").body(body).build();
  }
}
