/** Support code shared by the SDK modules; not part of the supported API. */
@NullMarked
package zone.dimo.sdk.internal;

import org.jspecify.annotations.NullMarked;
