package zone.dimo.sdk.sandbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import zone.dimo.sdk.signing.Address;

/** The settings of one sandbox, fixed when it starts. */
public final class SandboxConfig {
  final long chainId;
  final Address registry;
  final Address vehicleNftContract;
  final String clientId;
  final String domain;
  final Duration accessTokenLifetime;
  final Duration privilegeTokenLifetime;
  final int pendingReads;
  final Duration refreshRateLimit;
  final Clock clock;
  final String smartcarCode;
  final boolean strictDeveloperLicenses;
  final boolean loginSharesAllVehicles;

  public SandboxConfig(
      long chainId,
      Address registry,
      Address vehicleNftContract,
      String clientId,
      String domain,
      Duration accessTokenLifetime,
      Duration privilegeTokenLifetime,
      int pendingReads,
      Duration refreshRateLimit,
      Clock clock,
      String smartcarCode,
      boolean strictDeveloperLicenses,
      boolean loginSharesAllVehicles) {
    this.strictDeveloperLicenses = strictDeveloperLicenses;
    this.loginSharesAllVehicles = loginSharesAllVehicles;
    this.chainId = chainId;
    this.registry = Objects.requireNonNull(registry, "registry == null");
    this.vehicleNftContract = Objects.requireNonNull(vehicleNftContract, "vehicleNftContract == null");
    this.clientId = Objects.requireNonNull(clientId, "clientId == null");
    this.domain = Objects.requireNonNull(domain, "domain == null");
    this.accessTokenLifetime = Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime == null");
    this.privilegeTokenLifetime =
        Objects.requireNonNull(privilegeTokenLifetime, "privilegeTokenLifetime == null");
    this.pendingReads = pendingReads;
    this.refreshRateLimit = Objects.requireNonNull(refreshRateLimit, "refreshRateLimit == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.smartcarCode = Objects.requireNonNull(smartcarCode, "smartcarCode == null");
  }
}
