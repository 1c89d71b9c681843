/**
 * Ethereum signing for the DIMO SDK on Bouncy Castle: Keccak-256, secp256k1 keys and
 * deterministic (RFC 6979), low-s signatures with {@code v ∈ {27,28}}, strict signer recovery,
 * EIP-55 addresses and EIP-191 {@code personal_sign}. EIP-712 typed data lives in {@link
 * zone.dimo.sdk.signing.eip712}.
 *
 * <p>Start with {@link zone.dimo.sdk.signing.PrivateKey} and {@link
 * zone.dimo.sdk.signing.Secp256k1Signer}; code that only needs to sign should depend on {@link
 * zone.dimo.sdk.signing.EthSigner}.
 */
@NullMarked
package zone.dimo.sdk.signing;

import org.jspecify.annotations.NullMarked;
