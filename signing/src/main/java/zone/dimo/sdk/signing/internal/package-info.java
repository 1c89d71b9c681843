/** Helpers shared by the signing packages; not a supported API and may change without notice. */
package zone.dimo.sdk.signing.internal;
