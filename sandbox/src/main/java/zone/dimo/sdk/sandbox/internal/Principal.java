package zone.dimo.sdk.sandbox.internal;

import java.util.Map;
import zone.dimo.sdk.signing.Address;

/** The verified claims of the bearer token of a request. */
public final class Principal {
  private final Map<String, Object> claims;

  Principal(Map<String, Object> claims) {
    this.claims = claims;
  }

  /** The user id ({@code sub}). */
  public String subject() {
    return (String) claims.get("sub");
  }

  /** The user's wallet address ({@code ethereum_address}), or null when absent or invalid. */
  public Address address() {
    Object value = claims.get("ethereum_address");
    if (!(value instanceof String)) {
      return null;
    }
    try {
      return Address.fromHex((String) value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public Object claim(String name) {
    return claims.get(name);
  }
}
