package zone.dimo.sdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a vehicle token says about itself — read from its JWT payload without verifying it (the
 * services verify; this is for people and for choosing what to ask for). Holds no part of the
 * token itself, so it can be logged.
 */
public final class VehicleTokenClaims {
  private final @Nullable String asset;
  private final List<String> permissions;
  private final List<String> audience;
  private final @Nullable String subject;
  private final @Nullable Instant expiresAt;

  private VehicleTokenClaims(@Nullable String asset, List<String> permissions,
      List<String> audience, @Nullable String subject, @Nullable Instant expiresAt) {
    this.asset = asset;
    this.permissions = permissions;
    this.audience = audience;
    this.subject = subject;
    this.expiresAt = expiresAt;
  }

  /**
   * The claims of {@code token}.
   *
   * @param token a vehicle token (a JWT)
   * @return its claims
   * @throws IllegalArgumentException when {@code token} is not a readable JWT (the message does
   *     not repeat it)
   */
  public static VehicleTokenClaims read(String token) {
    Objects.requireNonNull(token, "token == null");
    Map<String, Object> claims = Jwt.claims(token);
    if (claims == null) {
      throw new IllegalArgumentException("Not a readable JWT (" + token.length()
          + " characters; not shown)");
    }
    Instant exp;
    try {
      exp = Jwt.expiry(token);
    } catch (IllegalArgumentException e) {
      exp = null;
    }
    return new VehicleTokenClaims(text(claims.get("asset")), texts(claims.get("permissions")),
        texts(claims.get("aud")), text(claims.get("sub")), exp);
  }

  /**
   * The asset the token is for ({@code asset} claim), e.g. a vehicle's {@code did:erc721:…}.
   *
   * @return the DID text, or null when the token has no {@code asset} claim
   */
  public @Nullable String asset() {
    return asset;
  }

  /**
   * What the token allows ({@code permissions} claim), e.g. {@code privilege:ExecuteCommands}.
   *
   * @return the permission names; empty when none
   */
  public List<String> permissions() {
    return permissions;
  }

  /**
   * Who the token is for ({@code aud} claim).
   *
   * @return the audiences; empty when none
   */
  public List<String> audience() {
    return audience;
  }

  /**
   * Whom the token was issued to ({@code sub} claim): a developer license, or
   * {@code dimo-driver}.
   *
   * @return the subject, or null
   */
  public @Nullable String subject() {
    return subject;
  }

  /**
   * When the token expires ({@code exp} claim).
   *
   * @return the expiry, or null when the token has no usable {@code exp}
   */
  public @Nullable Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public String toString() {
    return "VehicleTokenClaims{asset=" + asset + ", permissions=" + permissions + ", audience="
        + audience + ", subject=" + subject + ", expiresAt=" + expiresAt + "}";
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null || value instanceof Map || value instanceof List ? null
        : value.toString();
  }

  private static List<String> texts(@Nullable Object value) {
    if (value instanceof List) {
      List<String> out = new ArrayList<>();
      for (Object item : (List<?>) value) {
        String text = text(item);
        if (text != null) {
          out.add(text);
        }
      }
      return Collections.unmodifiableList(out);
    }
    String single = text(value);
    return single == null ? Collections.<String>emptyList() : Collections.singletonList(single);
  }
}
