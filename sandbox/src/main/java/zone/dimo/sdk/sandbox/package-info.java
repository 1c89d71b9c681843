/**
 * An embedded DIMO: {@link zone.dimo.sdk.sandbox.DimoSandbox} serves the Devices API, the Web3
 * login and the Token Exchange on a loopback port with the services' validation, statuses and
 * real signature checks; {@link zone.dimo.sdk.sandbox.DimoSandbox#environment()} points a client
 * at it, and {@link zone.dimo.sdk.sandbox.DimoSandboxExtension} runs one per JUnit 5 test class.
 */
@NullMarked
package zone.dimo.sdk.sandbox;

import org.jspecify.annotations.NullMarked;
