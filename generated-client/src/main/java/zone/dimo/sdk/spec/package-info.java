/**
 * The generated client's hand-written runtime: {@link zone.dimo.sdk.spec.DimoOperation}, the
 * annotation the generator puts on every interface method.
 */
@NullMarked
package zone.dimo.sdk.spec;

import org.jspecify.annotations.NullMarked;
