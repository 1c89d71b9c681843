/**
 * The DIMO Devices SDK: {@link zone.dimo.sdk.DimoClient} and what configures it
 * ({@link zone.dimo.sdk.Environment}, {@link zone.dimo.sdk.TokenProvider},
 * {@link zone.dimo.sdk.VehicleTokenProvider}, {@link zone.dimo.sdk.Permission},
 * {@link zone.dimo.sdk.AssetDid}, {@link zone.dimo.sdk.VehicleTokenClaims},
 * {@link zone.dimo.sdk.RetryPolicy}, {@link zone.dimo.sdk.Sleeper},
 * {@link zone.dimo.sdk.HttpLogLevel}) and {@link zone.dimo.sdk.TypedDataJson} for reading
 * EIP-712 payloads exactly. The exceptions are in {@link zone.dimo.sdk.errors}; every operation
 * returns a {@link zone.dimo.sdk.spec.DimoCall}. Everything else in this package is
 * package-private.
 */
@NullMarked
package zone.dimo.sdk;

import org.jspecify.annotations.NullMarked;
