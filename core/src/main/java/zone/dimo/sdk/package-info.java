/**
 * The DIMO Devices SDK: {@link zone.dimo.sdk.DimoClient} and what configures it
 * ({@link zone.dimo.sdk.Environment}, {@link zone.dimo.sdk.TokenProvider},
 * {@link zone.dimo.sdk.VehicleTokenProvider}, {@link zone.dimo.sdk.RetryPolicy},
 * {@link zone.dimo.sdk.Sleeper}), the unchecked exception hierarchy rooted at
 * {@link zone.dimo.sdk.DimoException}, and {@link zone.dimo.sdk.TypedDataJson} for reading
 * EIP-712 payloads exactly. Everything else in this package is package-private.
 */
package zone.dimo.sdk;

import zone.dimo.sdk.errors.DimoException;
