package zone.dimo.sdk.errors;

/**
 * A successful answer was larger than the client reads
 * ({@code DimoClient.builder().maxResponseBytes(...)}, counted after decompression). The client
 * stopped reading at the limit and closed the connection; nothing of the answer is kept. The
 * call is not repeated: the same answer would come again.
 */
public final class ResponseTooLargeException extends DimoException {
  private static final long serialVersionUID = 1L;

  /** See {@link #operationId()}. */
  private final String operationId;
  /** See {@link #limit()}. */
  private final long limit;

  /**
   * An answer over the read limit.
   *
   * @param operationId the operation id from the API spec, e.g. {@code listMyVehicles}
   * @param limit the limit in bytes that the answer exceeded
   */
  public ResponseTooLargeException(String operationId, long limit) {
    super(operationId + ": the answer is larger than " + limit + " bytes, the most this client"
        + " reads; raise the limit with DimoClient.builder().maxResponseBytes(...)");
    this.operationId = operationId;
    this.limit = limit;
  }

  /** {@return the operation id from the API spec, e.g. {@code listMyVehicles}} */
  public String operationId() {
    return operationId;
  }

  /** {@return the limit in bytes that the answer exceeded} */
  public long limit() {
    return limit;
  }
}
