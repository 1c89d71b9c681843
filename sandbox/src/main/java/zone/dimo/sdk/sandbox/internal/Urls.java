package zone.dimo.sdk.sandbox.internal;

/**
 * The sandbox's three base URLs on one loopback server: the Devices API at the root, the auth
 * server under {@value #AUTH_PREFIX}, the Token Exchange API under {@value #EXCHANGE_PREFIX}.
 * Paths below each base are those of the real service.
 */
final class Urls {
  static final String AUTH_PREFIX = "/auth-server";
  static final String EXCHANGE_PREFIX = "/token-exchange";

  private final String host;

  Urls(String host) {
    this.host = host;
  }

  /** {@code 127.0.0.1:port}. */
  String host() {
    return host;
  }

  String devicesUrl() {
    return "http://" + host;
  }

  String authUrl() {
    return devicesUrl() + AUTH_PREFIX;
  }

  String tokenExchangeUrl() {
    return devicesUrl() + EXCHANGE_PREFIX;
  }
}
