/** Helpers shared by the signing packages; not a supported API and may change without notice. */
@NullMarked
package zone.dimo.sdk.signing.internal;

import org.jspecify.annotations.NullMarked;
