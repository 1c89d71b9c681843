package zone.dimo.sdk;

/** A fixed token; invalidation cannot help it, so it is ignored. */
final class StaticTokenProvider implements TokenProvider {
  private final String token;

  StaticTokenProvider(String token) {
    this.token = token;
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public String toString() {
    return "TokenProvider.of([redacted])";
  }
}
