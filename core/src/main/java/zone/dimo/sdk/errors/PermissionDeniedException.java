package zone.dimo.sdk.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Token Exchange refused a vehicle token because the vehicle's owner has not granted the
 * caller (a developer license) the permissions asked for — its
 * {@code 403 Address … lacks permissions […] for asset ….} answer. Owners grant permissions by
 * sharing the vehicle with the license (Login with DIMO, or the DIMO app's sharing settings); the
 * owner's own login always holds all of them. When a call needed the token, it is reported as a
 * {@link DimoAuthenticationException} naming that call, with this as its cause.
 */
public final class PermissionDeniedException extends DimoException {
  private static final long serialVersionUID = 1L;

  /** See {@link #grantee()}. */
  private final String grantee;
  /** See {@link #asset()}. */
  private final String asset;
  /** See {@link #missingPermissions()}. */
  private final List<String> missingPermissions;

  /**
   * A refusal; also for tests of code that handles it.
   *
   * @param grantee the address that asked (the developer license)
   * @param asset the asset's DID, e.g. {@code did:erc721:137:0x…:21000}
   * @param missingPermissions the names of the permissions not granted, e.g.
   *     {@code privilege:ExecuteCommands}
   * @param cause the service's answer, if any
   */
  public PermissionDeniedException(String grantee, String asset, List<String> missingPermissions,
      @Nullable Throwable cause) {
    super(describe(grantee, asset, missingPermissions), cause);
    this.grantee = Objects.requireNonNull(grantee, "grantee == null");
    this.asset = Objects.requireNonNull(asset, "asset == null");
    this.missingPermissions =
        Collections.unmodifiableList(new ArrayList<>(missingPermissions));
  }

  /**
   * The address the permissions were asked for.
   *
   * @return the developer license's address
   */
  public String grantee() {
    return grantee;
  }

  /**
   * The asset the token was asked for.
   *
   * @return its DID
   */
  public String asset() {
    return asset;
  }

  /**
   * What the owner has not granted.
   *
   * @return permission names such as {@code privilege:ExecuteCommands}
   */
  public List<String> missingPermissions() {
    return missingPermissions;
  }

  private static String describe(String grantee, String asset, List<String> missing) {
    return "the owner of " + asset + " has not granted " + grantee + " " + String.join(", ",
        missing) + "; an owner grants permissions by sharing the vehicle with the developer"
        + " license (Login with DIMO, or sharing in the DIMO app)";
  }
}
