package zone.dimo.sdk.errors;

import org.jspecify.annotations.Nullable;

/** The mint transaction of a vehicle ended in status {@code Failed}. */
public final class MintFailedException extends DimoException {
  private static final long serialVersionUID = 1L;

  private final String userDeviceId;

  public MintFailedException(String userDeviceId, @Nullable String detail) {
    super("Minting vehicle " + userDeviceId + " failed" + (detail == null ? "" : ": " + detail));
    this.userDeviceId = userDeviceId;
  }

  /** The Devices API id of the vehicle whose mint failed. */
  public String userDeviceId() {
    return userDeviceId;
  }
}
