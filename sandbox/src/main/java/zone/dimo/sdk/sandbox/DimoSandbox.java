package zone.dimo.sdk.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import zone.dimo.sdk.Environment;
import zone.dimo.sdk.sandbox.internal.Provisioned;
import zone.dimo.sdk.sandbox.internal.SandboxConfig;
import zone.dimo.sdk.sandbox.internal.SandboxServer;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.Keccak256;
import zone.dimo.sdk.signing.PrivateKey;

/**
 * An in-memory emulator of the DIMO Devices API, the Web3 challenge login and the Token Exchange
 * API on a real HTTP server bound to 127.0.0.1, with the services' own validation, status codes
 * and error bodies, and real signature checks (EIP-191 for the login, EIP-712 for mint, claim,
 * pair and unpair).
 *
 * <pre>{@code
 * try (DimoSandbox sandbox = DimoSandbox.start()) {
 *   DimoClient client = DimoClient.builder()
 *       .devicesUrl(sandbox.devicesUrl())
 *       .authUrl(sandbox.authUrl())
 *       .tokenExchangeUrl(sandbox.tokenExchangeUrl())
 *       ...
 * }
 * }</pre>
 *
 * <p>One server serves the three services under three base URLs; below each base the paths are
 * those of the real service: {@link #devicesUrl()} ({@code /v1/...}), {@link #authUrl()}
 * ({@code /auth/web3/...}) and {@link #tokenExchangeUrl()} ({@code /v1/tokens/exchange}). The
 * base URLs have no trailing slash.
 *
 * <p>Every sandbox starts with the same {@link #deviceDefinitions() device definitions},
 * {@link #aftermarketDevices() aftermarket devices} and {@link #developerLicenses() developer
 * licenses}; users appear when they log in. The token exchange follows today's contract (asset
 * DID and permission names, the deprecated body still accepted); see
 * {@link Builder#strictDeveloperLicenses(boolean)} for whose tokens it exchanges. State lives
 * as long as the sandbox and is safe to use from many threads (requests run one at a time).
 */
public final class DimoSandbox implements AutoCloseable {
  /** The development chain (Polygon Amoy). */
  public static final long DEFAULT_CHAIN_ID = 80002;
  /** The DIMO registry on the development chain. */
  public static final String DEFAULT_REGISTRY = "0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c";
  /** The vehicle NFT contract on the development chain. */
  public static final String DEFAULT_VEHICLE_NFT_CONTRACT = "0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8";
  /** The redirect URI registered for the sandbox's client id. */
  public static final String DEFAULT_DOMAIN = "http://localhost:8080/callback";
  /** The authorization code the sandbox's Smartcar accepts. */
  public static final String SMARTCAR_CODE = "sandbox-smartcar-code";

  private final SandboxServer server;
  private final String clientId;
  private final String domain;
  private final long chainId;
  private final Address registry;
  private final Address vehicleNftContract;
  private final List<AftermarketDevice> devices;
  private final List<DeviceDefinition> definitions;
  private final List<DeveloperLicense> licenses;
  private final boolean strictDeveloperLicenses;
  private final boolean loginSharesAllVehicles;
  private final CountDownLatch closed = new CountDownLatch(1);

  private DimoSandbox(SandboxServer server, Builder builder) {
    this.server = server;
    this.clientId = builder.clientId;
    this.domain = builder.domain;
    this.chainId = builder.chainId;
    this.registry = builder.registry;
    this.vehicleNftContract = builder.vehicleNftContract;
    List<AftermarketDevice> d = new ArrayList<>();
    for (Provisioned.Device device : Provisioned.DEVICES) {
      byte[] key = device.privateKey();
      PrivateKey pk = PrivateKey.fromBytes(key);
      d.add(new AftermarketDevice(device.serial, pk.address(), device.tokenId, device.manufacturer, key));
      pk.destroy();
      Arrays.fill(key, (byte) 0);
    }
    this.devices = Collections.unmodifiableList(d);
    List<DeviceDefinition> defs = new ArrayList<>();
    for (Provisioned.Definition definition : Provisioned.DEFINITIONS) {
      defs.add(new DeviceDefinition(definition));
    }
    this.definitions = Collections.unmodifiableList(defs);
    List<DeveloperLicense> l = new ArrayList<>();
    for (Provisioned.License license : Provisioned.LICENSES) {
      byte[] key = license.apiKey();
      l.add(new DeveloperLicense(Address.fromBytes(license.address), license.redirectUri, key));
      Arrays.fill(key, (byte) 0);
    }
    this.licenses = Collections.unmodifiableList(l);
    this.strictDeveloperLicenses = builder.strictDeveloperLicenses;
    this.loginSharesAllVehicles = builder.loginSharesAllVehicles;
  }

  /**
   * Starts a sandbox with the defaults on an ephemeral port.
   *
   * @return the running sandbox
   * @throws UncheckedIOException if the server cannot bind
   */
  public static DimoSandbox start() {
    return builder().start();
  }

  /**
   * Starts a sandbox with the defaults on {@code port} (0 = ephemeral).
   *
   * @param port the port on 127.0.0.1, 0..65535
   * @return the running sandbox
   * @throws IllegalArgumentException if {@code port} is outside 0..65535
   * @throws UncheckedIOException if the port cannot be bound (e.g. it is taken)
   */
  public static DimoSandbox start(int port) {
    return builder().port(port).start();
  }

  /** {@return a builder with every option at its default (see {@link Builder})} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * This sandbox as an SDK environment (named {@code sandbox}): its three base URLs, chain id,
   * registry and vehicle NFT contract — everything a client needs to point at it:
   * {@code DimoClient.builder().environment(sandbox.environment())}.
   *
   * @return the environment
   */
  public Environment environment() {
    return Environment.builder()
        .name("sandbox")
        .devicesUrl(devicesUrl())
        .authUrl(authUrl())
        .tokenExchangeUrl(tokenExchangeUrl())
        .chainId(chainId)
        .registryAddress(registry)
        .vehicleNftContract(vehicleNftContract)
        .build();
  }

  /** {@return the Devices API base URL, {@code http://127.0.0.1:port}} */
  public String devicesUrl() {
    return server.devicesUrl();
  }

  /** {@return the auth server base URL, {@code http://127.0.0.1:port/auth-server}} */
  public String authUrl() {
    return server.authUrl();
  }

  /** {@return the Token Exchange API base URL, {@code http://127.0.0.1:port/token-exchange}} */
  public String tokenExchangeUrl() {
    return server.tokenExchangeUrl();
  }

  /** {@return the port the server listens on} */
  public int port() {
    return server.port();
  }

  /**
   * The sandbox's own client id for user logins. The {@link #developerLicenses() developer
   * licenses'} addresses are registered client ids too.
   *
   * @return the client id
   */
  public String clientId() {
    return clientId;
  }

  /** {@return the redirect URI ("domain") registered for {@link #clientId()}} */
  public String domain() {
    return domain;
  }

  /** {@return the chain id in every EIP-712 domain} */
  public long chainId() {
    return chainId;
  }

  /** {@return the registry contract, the EIP-712 {@code verifyingContract}} */
  public Address registryAddress() {
    return registry;
  }

  /** {@return the vehicle NFT contract the token exchange checks ownership under} */
  public Address vehicleNftContract() {
    return vehicleNftContract;
  }

  /** {@return the authorization code that {@code POST /v1/user/devices/fromsmartcar} accepts} */
  public String smartcarCode() {
    return SMARTCAR_CODE;
  }

  /**
   * {@return the provisioned aftermarket devices (three: two AutoPi, one Macaron), unclaimed at
   * start}
   */
  public List<AftermarketDevice> aftermarketDevices() {
    return devices;
  }

  /** {@return the provisioned device definitions (three, one per make), each with a sample VIN} */
  public List<DeviceDefinition> deviceDefinitions() {
    return definitions;
  }

  /**
   * The provisioned developer licenses (two), each with its address ({@code client_id}), redirect
   * URI ({@code domain}) and API key. See {@link DeveloperLicense} for how they log in.
   *
   * @return the licenses, unmodifiable
   */
  public List<DeveloperLicense> developerLicenses() {
    return licenses;
  }

  /**
   * Shares {@code permissions} (names such as {@code "privilege:ExecuteCommands"}; the eight
   * {@code privilege:*} names of the token exchange) on the minted vehicle {@code tokenId} from
   * its current owner with {@code grantee} (typically a {@link DeveloperLicense#address()}), as
   * the owner does on chain through "Login with DIMO". The token exchange then gives the grantee
   * a vehicle token with those permissions. Shares add up; a share ends when the vehicle changes
   * owner.
   *
   * @param tokenId the minted vehicle's NFT token id
   * @param grantee the address that receives the permissions
   * @param permissions the permission names, at least one
   * @throws IllegalArgumentException for an unknown permission name or none at all
   * @throws IllegalStateException when no minted vehicle has that token id
   */
  public void sharePermissions(long tokenId, Address grantee, String... permissions) {
    Objects.requireNonNull(permissions, "permissions == null");
    server.sharePermissions(tokenId, grantee, Arrays.asList(permissions));
  }

  /**
   * {@return whether the token exchange refuses non-license tokens; see {@link
   * Builder#strictDeveloperLicenses}}
   */
  public boolean strictDeveloperLicenses() {
    return strictDeveloperLicenses;
  }

  /**
   * {@return whether an owner's login with a license's client id shares everything; see the
   * builder}
   */
  public boolean loginSharesAllVehicles() {
    return loginSharesAllVehicles;
  }

  /**
   * {@return the synthetic device token ids with public metadata ({@code GET
   * /v1/synthetic/device/{id}})}
   */
  public List<Long> syntheticDeviceTokenIds() {
    return Collections.unmodifiableList(Arrays.asList(512L, 513L));
  }

  /**
   * {@return the node id (decimal) of the DCN name {@code sandbox.dimo} ({@code GET
   * /v1/dcn/{nodeId}})}
   */
  public String dcnNodeId() {
    return server.dcnNodeId();
  }

  /** Stops the server. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed.getCount() > 0) {
      server.close();
      closed.countDown();
    }
  }

  /**
   * Blocks until {@link #close()} is called (for a command-line server).
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  @Override
  public String toString() {
    return "DimoSandbox[devices=" + devicesUrl() + ", auth=" + authUrl() + ", tokenExchange="
        + tokenExchangeUrl() + ", chainId=" + chainId + "]";
  }

  /** Settings of a sandbox; every option has a default. Reusable: each start() is independent. */
  public static final class Builder {
    private int port;
    private long chainId = DEFAULT_CHAIN_ID;
    private Address registry = Address.fromHex(DEFAULT_REGISTRY);
    private Address vehicleNftContract = Address.fromHex(DEFAULT_VEHICLE_NFT_CONTRACT);
    private String clientId = defaultClientId();
    private String domain = DEFAULT_DOMAIN;
    private Duration accessTokenLifetime = Duration.ofHours(1);
    private Duration privilegeTokenLifetime = Duration.ofMinutes(10);
    private int pendingReads;
    private Duration refreshRateLimit = Duration.ofHours(1);
    private Clock clock = Clock.systemUTC();
    private boolean strictDeveloperLicenses;
    private boolean loginSharesAllVehicles = true;

    private Builder() {}

    /**
     * Sets the port on 127.0.0.1; default 0, an ephemeral port.
     *
     * @param port 0..65535
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is outside 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the EIP-712 domain chain id; default {@value DimoSandbox#DEFAULT_CHAIN_ID}.
     *
     * @param chainId must be positive
     * @return this builder
     * @throws IllegalArgumentException if {@code chainId} is not positive
     */
    public Builder chainId(long chainId) {
      if (chainId <= 0) {
        throw new IllegalArgumentException("chainId must be positive, was " + chainId);
      }
      this.chainId = chainId;
      return this;
    }

    /**
     * Sets the EIP-712 {@code verifyingContract}; default {@link #DEFAULT_REGISTRY}.
     *
     * @param registry the registry contract's address
     * @return this builder
     */
    public Builder registryAddress(Address registry) {
      this.registry = Objects.requireNonNull(registry, "registry == null");
      return this;
    }

    /**
     * Sets the vehicle NFT contract; default {@link #DEFAULT_VEHICLE_NFT_CONTRACT}.
     *
     * @param contract the contract's address
     * @return this builder
     */
    public Builder vehicleNftContract(Address contract) {
      this.vehicleNftContract = Objects.requireNonNull(contract, "contract == null");
      return this;
    }

    /**
     * Sets the client id the login accepts; default an address derived from "dimo-sandbox client".
     *
     * @param clientId the client id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /**
     * Sets the redirect URI registered for the client id; default {@link #DEFAULT_DOMAIN}.
     *
     * @param domain the redirect URI
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = Objects.requireNonNull(domain, "domain == null");
      return this;
    }

    /**
     * Sets the lifetime of login access tokens; default 1 hour.
     *
     * @param lifetime at least one second
     * @return this builder
     * @throws IllegalArgumentException if {@code lifetime} is shorter than one second
     */
    public Builder accessTokenLifetime(Duration lifetime) {
      this.accessTokenLifetime = positive(lifetime, "lifetime");
      return this;
    }

    /**
     * Sets the lifetime of privilege tokens from the token exchange; default 10 minutes.
     *
     * @param lifetime at least one second
     * @return this builder
     * @throws IllegalArgumentException if {@code lifetime} is shorter than one second
     */
    public Builder privilegeTokenLifetime(Duration lifetime) {
      this.privilegeTokenLifetime = positive(lifetime, "lifetime");
      return this;
    }

    /**
     * How many reads see a submitted mint, claim, pair or unpair as {@code Submitted} before it is
     * {@code Confirmed}; default 0: confirmed by the time anyone reads it. A read is a
     * {@code GET /v1/user/devices/me} (the caller's vehicles and devices) or a
     * {@code GET /v1/aftermarket/device/by-serial/{serial}} (that device). Until confirmation the
     * vehicle has no token id and the device no owner or pairing.
     *
     * @param reads 0 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code reads} is negative
     */
    public Builder pendingReads(int reads) {
      if (reads < 0) {
        throw new IllegalArgumentException("reads must be >= 0, was " + reads);
      }
      this.pendingReads = reads;
      return this;
    }

    /**
     * Sets the Smartcar refresh rate-limit window per vehicle; default 1 hour.
     *
     * @param window the window
     * @return this builder
     */
    public Builder refreshRateLimit(Duration window) {
      this.refreshRateLimit = Objects.requireNonNull(window, "window == null");
      return this;
    }

    /**
     * Sets the clock for token expiry, rate limits and timestamps; default the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Whether the token exchange refuses a JWT whose subject is not a developer license, as
     * DIMO's does today ({@code 403 not a dev license: <address>}, unless the token's audience is
     * {@code dimo-driver}). Default false: the sandbox also exchanges a user's (EOA) login token,
     * the way the 2024 service did and the way clients that exchange with the user's own token
     * work; the issued token's subject is then the user's address. Turn it on to test a backend
     * against today's rule.
     *
     * @param strict true to refuse tokens whose subject is not a developer license
     * @return this builder
     */
    public Builder strictDeveloperLicenses(boolean strict) {
      this.strictDeveloperLicenses = strict;
      return this;
    }

    /**
     * Whether a user's login with a developer license's client id ({@code client_id} = the
     * license address, {@code domain} = its redirect URI, signed by the user) counts as the user
     * sharing all their vehicles, and their account, with that license, every permission — what
     * "Login with DIMO" with a sharing step looks like from the license's backend. Default true.
     * With false, only {@link DimoSandbox#sharePermissions} shares.
     *
     * @param shares true for a license login to share everything
     * @return this builder
     */
    public Builder loginSharesAllVehicles(boolean shares) {
      this.loginSharesAllVehicles = shares;
      return this;
    }

    /**
     * Binds the server and returns the running sandbox.
     *
     * @return the running sandbox
     * @throws UncheckedIOException if the port cannot be bound
     */
    public DimoSandbox start() {
      SandboxConfig config = new SandboxConfig(chainId, registry, vehicleNftContract, clientId, domain,
          accessTokenLifetime, privilegeTokenLifetime, pendingReads, refreshRateLimit, clock,
          SMARTCAR_CODE, strictDeveloperLicenses, loginSharesAllVehicles);
      try {
        return new DimoSandbox(SandboxServer.start(config, port), this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
      }
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero() || d.getSeconds() == 0) {
        throw new IllegalArgumentException(name + " must be at least one second, was " + d);
      }
      return d;
    }

    private static String defaultClientId() {
      PrivateKey key = PrivateKey.fromBytes(
          Keccak256.hash("dimo-sandbox client".getBytes(StandardCharsets.UTF_8)));
      String id = key.address().toChecksumHex();
      key.destroy();
      return id;
    }
  }
}
