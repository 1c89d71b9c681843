/**
 * EIP-712 typed data ({@code eth_signTypedData_v4}): {@link
 * zone.dimo.sdk.signing.eip712.TypedData} holds a checked document, {@link
 * zone.dimo.sdk.signing.eip712.Eip712} hashes and signs it, and every problem is an {@link
 * zone.dimo.sdk.signing.eip712.InvalidTypedDataException} naming the path of the bad part.
 */
@NullMarked
package zone.dimo.sdk.signing.eip712;

import org.jspecify.annotations.NullMarked;
