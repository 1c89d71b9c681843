package zone.dimo.sdk;

/**
 * How much of the HTTP traffic {@link DimoClient.Builder#httpLogging} writes. Credentials are
 * redacted at every level.
 */
public enum HttpLogLevel {
  /** Nothing (the default). */
  NONE,
  /** Request and response lines: method, URL, status, duration, body size. */
  BASIC,
  /** As {@link #BASIC}, plus headers (Authorization and cookies redacted). */
  HEADERS,
  /**
   * As {@link #HEADERS}, plus bodies with tokens, signatures and keys masked. Bodies of
   * state-changing calls (one-shot) are not logged.
   */
  BODY
}
