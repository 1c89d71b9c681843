package zone.dimo.sdk.spec;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One request to a DIMO service, ready to send: what every method of the generated {@code *Api}
 * interfaces returns. Nothing is sent until {@link #execute()} or {@link #executeAsync()} is
 * called.
 *
 * <pre>{@code
 * CommandResponse sent = client.vehicleCommands().lockDoors(tokenId).execute();
 * }</pre>
 *
 * <p>Both ways of running a call attach the credential the operation's spec names, apply the
 * client's retry policy and deadline, and report every failure as an unchecked
 * {@code zone.dimo.sdk.errors.DimoException} (a subclass per HTTP status, network failure,
 * decoding failure or configuration problem): no {@code IOException} or other library
 * exception reaches the caller.
 *
 * <p>Like OkHttp's and Retrofit's calls, a {@code DimoCall} runs once: use {@link #clone()} to
 * send the same request again. Instances are made by the client (through a Retrofit call
 * adapter) and are safe to cancel from any thread.
 *
 * @param <T> the decoded body; {@code Void} (always {@code null}) for operations without one
 */
public interface DimoCall<T extends @Nullable Object> extends Cloneable {

  /**
   * Sends the request on the calling thread and returns the decoded body.
   *
   * @return the body; {@code null} only for operations declared without one ({@code Void})
   * @throws IllegalStateException when this call was already run
   * @throws RuntimeException a {@code zone.dimo.sdk.errors.DimoException} for every failure of
   *     the call itself
   */
  T execute();

  /**
   * Sends the request on the HTTP client's dispatcher (within its {@code maxRequests} and
   * {@code maxRequestsPerHost} limits) and returns at once. The future completes with the body,
   * or exceptionally with the exception {@link #execute()} would throw. Cancelling the future
   * cancels the call.
   *
   * @return the future body
   * @throws IllegalStateException when this call was already run
   */
  CompletableFuture<T> executeAsync();

  /**
   * A call for the same request whose result also carries the HTTP status and headers. This
   * call is left as it is (not run).
   *
   * @return a new, not yet run call
   */
  DimoCall<DimoResponse<T>> withResponse();

  /**
   * Cancels the call: a call not yet run fails when run, a running one fails as soon as
   * possible. Both fail with a {@code DimoException} whose cause is the cancellation.
   */
  void cancel();

  /**
   * Whether {@link #cancel()} was called.
   *
   * @return true after {@link #cancel()}
   */
  boolean isCanceled();

  /**
   * Whether {@link #execute()} or {@link #executeAsync()} was called.
   *
   * @return true once the call was run
   */
  boolean isExecuted();

  /**
   * A new, not yet run call for the same request.
   *
   * @return the copy
   */
  DimoCall<T> clone();
}
