package zone.dimo.sdk;

/**
 * Request tag recording whether an attempt reached the network layer (a connection was open and
 * the request about to be written). Until then a failure means nothing was sent.
 */
final class SendState {
  volatile boolean reachedNetwork;
}
