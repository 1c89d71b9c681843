package zone.dimo.sdk.errors;

import org.jspecify.annotations.Nullable;

/** The mint transaction of a vehicle ended in status {@code Failed}. */
public final class MintFailedException extends DimoException {
  private static final long serialVersionUID = 1L;

  /** See {@link #userDeviceId()}. */
  private final String userDeviceId;

  /**
   * A failed mint; also for tests of code that handles it.
   *
   * @param userDeviceId the Devices API id of the vehicle
   * @param detail the service's failure reason, or null when it gave none
   */
  public MintFailedException(String userDeviceId, @Nullable String detail) {
    super("Minting vehicle " + userDeviceId + " failed" + (detail == null ? "" : ": " + detail));
    this.userDeviceId = userDeviceId;
  }

  /** {@return the Devices API id of the vehicle whose mint failed} */
  public String userDeviceId() {
    return userDeviceId;
  }
}
