/**
 * Every exception the SDK throws, all unchecked under {@link zone.dimo.sdk.errors.DimoException}:
 * service errors by HTTP status (subclasses of {@link zone.dimo.sdk.errors.DimoServiceException},
 * built from an {@link zone.dimo.sdk.errors.ErrorResponse}), network failures, undecodable
 * answers, authentication failures, signing refusals and configuration problems. Leaf classes are
 * final; their public constructors let code that handles them be tested.
 */
@NullMarked
package zone.dimo.sdk.errors;

import org.jspecify.annotations.NullMarked;
