package zone.dimo.sdk;

/**
 * A provider recipe that needs the client's environment and HTTP stack; the builder binds it
 * when the client is built, so each client gets its own cache.
 */
interface ClientBound<T> {
  T bind(DimoClient client);
}
