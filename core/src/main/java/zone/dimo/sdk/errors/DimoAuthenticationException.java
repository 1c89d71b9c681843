package zone.dimo.sdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * The client could not get a usable credential for a call: the login or the token exchange
 * behind it was refused or answered something unusable (an empty token, one that already
 * expired, an unreadable expiry), or a token provider returned nothing. The message names the
 * call that was made ({@code lockDoors(21000): could not get a vehicle token: …}) and the cause
 * is the underlying failure (e.g. the token exchange's {@link ForbiddenException}). Nothing was
 * sent for the call itself.
 */
public final class DimoAuthenticationException extends DimoException {
  private static final long serialVersionUID = 1L;

  /**
   * An authentication failure; also for tests of code that handles it.
   *
   * @param message what failed, for people; must not contain credentials
   * @param cause the underlying failure, if any
   */
  public DimoAuthenticationException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
