package zone.dimo.sdk;

import java.util.Objects;
import okhttp3.HttpUrl;
import zone.dimo.sdk.signing.Address;

/**
 * Where a DIMO deployment lives and which chain it signs for: the base URLs of the Devices API,
 * the Web3 login (auth) server and the Token Exchange API, the chain id and registry contract of
 * its EIP-712 signing domain, and the vehicle NFT contract used for privilege tokens.
 *
 * <p>{@link #PRODUCTION} and {@link #DEV} describe DIMO's deployments; {@link #newBuilder()}
 * derives others (a sandbox, a proxy).
 */
public final class Environment {
  /**
   * DIMO production: {@code https://devices-api.dimo.zone}, {@code https://auth.dimo.zone},
   * {@code https://token-exchange-api.dimo.zone}; Polygon (chain id 137), registry
   * {@code 0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC}, vehicle NFT
   * {@code 0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF}.
   */
  public static final Environment PRODUCTION = new Builder()
      .name("production")
      .devicesUrl("https://devices-api.dimo.zone")
      .authUrl("https://auth.dimo.zone")
      .tokenExchangeUrl("https://token-exchange-api.dimo.zone")
      .chainId(137)
      .registryAddress(Address.fromHex("0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC"))
      .vehicleNftContract(Address.fromHex("0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF"))
      .build();

  /**
   * DIMO dev: {@code https://devices-api.dev.dimo.zone}, {@code https://auth.dev.dimo.zone},
   * {@code https://token-exchange-api.dev.dimo.zone}; Polygon Amoy (chain id 80002), registry
   * {@code 0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c}, vehicle NFT
   * {@code 0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8}.
   */
  public static final Environment DEV = new Builder()
      .name("dev")
      .devicesUrl("https://devices-api.dev.dimo.zone")
      .authUrl("https://auth.dev.dimo.zone")
      .tokenExchangeUrl("https://token-exchange-api.dev.dimo.zone")
      .chainId(80002)
      .registryAddress(Address.fromHex("0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c"))
      .vehicleNftContract(Address.fromHex("0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8"))
      .build();

  private final String name;
  private final HttpUrl devicesUrl;
  private final HttpUrl authUrl;
  private final HttpUrl tokenExchangeUrl;
  private final long chainId;
  private final Address registryAddress;
  private final Address vehicleNftContract;

  private Environment(Builder builder) {
    this.name = builder.name;
    this.devicesUrl = builder.devicesUrl;
    this.authUrl = builder.authUrl;
    this.tokenExchangeUrl = builder.tokenExchangeUrl;
    this.chainId = builder.chainId;
    this.registryAddress = builder.registryAddress;
    this.vehicleNftContract = builder.vehicleNftContract;
  }

  /** {@return a builder with nothing set; all fields are required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder starting from this environment's values} */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** {@return a short label used in messages, e.g. {@code production}} */
  public String name() {
    return name;
  }

  /** {@return base URL of the Devices API (ends with {@code /})} */
  public String devicesUrl() {
    return devicesUrl.toString();
  }

  /** {@return base URL of the Web3 login server (ends with {@code /})} */
  public String authUrl() {
    return authUrl.toString();
  }

  /** {@return base URL of the Token Exchange API (ends with {@code /})} */
  public String tokenExchangeUrl() {
    return tokenExchangeUrl.toString();
  }

  /** {@return chain id of the EIP-712 signing domain (137 production, 80002 dev)} */
  public long chainId() {
    return chainId;
  }

  /** {@return the DIMO registry contract: the signing domain's {@code verifyingContract}} */
  public Address registryAddress() {
    return registryAddress;
  }

  /** {@return the vehicle NFT contract that privilege tokens are exchanged for} */
  public Address vehicleNftContract() {
    return vehicleNftContract;
  }

  HttpUrl devicesHttpUrl() {
    return devicesUrl;
  }

  HttpUrl authHttpUrl() {
    return authUrl;
  }

  HttpUrl tokenExchangeHttpUrl() {
    return tokenExchangeUrl;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Environment)) {
      return false;
    }
    Environment that = (Environment) o;
    return name.equals(that.name)
        && devicesUrl.equals(that.devicesUrl)
        && authUrl.equals(that.authUrl)
        && tokenExchangeUrl.equals(that.tokenExchangeUrl)
        && chainId == that.chainId
        && registryAddress.equals(that.registryAddress)
        && vehicleNftContract.equals(that.vehicleNftContract);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, devicesUrl, authUrl, tokenExchangeUrl, chainId, registryAddress,
        vehicleNftContract);
  }

  @Override
  public String toString() {
    return "Environment{" + name + ", devices=" + devicesUrl + ", auth=" + authUrl
        + ", tokenExchange=" + tokenExchangeUrl + ", chainId=" + chainId
        + ", registry=" + registryAddress + ", vehicleNft=" + vehicleNftContract + "}";
  }

  /** Builds a custom {@link Environment}, e.g. for a local or staging deployment. */
  public static final class Builder {
    private String name = "custom";
    private HttpUrl devicesUrl;
    private HttpUrl authUrl;
    private HttpUrl tokenExchangeUrl;
    private long chainId = -1;
    private Address registryAddress;
    private Address vehicleNftContract;

    Builder() {
    }

    Builder(Environment env) {
      this.name = env.name;
      this.devicesUrl = env.devicesUrl;
      this.authUrl = env.authUrl;
      this.tokenExchangeUrl = env.tokenExchangeUrl;
      this.chainId = env.chainId;
      this.registryAddress = env.registryAddress;
      this.vehicleNftContract = env.vehicleNftContract;
    }

    /**
     * Sets the label used in messages.
     *
     * @param name the label; default {@code custom}
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets the base URL of the Devices API.
     *
     * @param url http or https; a trailing {@code /} is added
     * @return this builder
     * @throws IllegalArgumentException if {@code url} is not an http(s) URL or carries a user
     *     name or password
     */
    public Builder devicesUrl(String url) {
      this.devicesUrl = baseUrl(url, "devicesUrl");
      return this;
    }

    /**
     * Sets the base URL of the Web3 login server.
     *
     * @param url http or https; a trailing {@code /} is added
     * @return this builder
     * @throws IllegalArgumentException if {@code url} is not an http(s) URL or carries a user
     *     name or password
     */
    public Builder authUrl(String url) {
      this.authUrl = baseUrl(url, "authUrl");
      return this;
    }

    /**
     * Sets the base URL of the Token Exchange API.
     *
     * @param url http or https; a trailing {@code /} is added
     * @return this builder
     * @throws IllegalArgumentException if {@code url} is not an http(s) URL or carries a user
     *     name or password
     */
    public Builder tokenExchangeUrl(String url) {
      this.tokenExchangeUrl = baseUrl(url, "tokenExchangeUrl");
      return this;
    }

    /**
     * Sets the chain id of the EIP-712 signing domain.
     *
     * @param chainId must be positive
     * @return this builder
     * @throws IllegalArgumentException if {@code chainId} is not positive
     */
    public Builder chainId(long chainId) {
      if (chainId <= 0) {
        throw new IllegalArgumentException("chainId must be positive: " + chainId);
      }
      this.chainId = chainId;
      return this;
    }

    /**
     * Sets the registry contract (the signing domain's {@code verifyingContract}).
     *
     * @param registryAddress the contract's address
     * @return this builder
     */
    public Builder registryAddress(Address registryAddress) {
      this.registryAddress = Objects.requireNonNull(registryAddress, "registryAddress == null");
      return this;
    }

    /**
     * Sets the vehicle NFT contract used in token exchanges.
     *
     * @param vehicleNftContract the contract's address
     * @return this builder
     */
    public Builder vehicleNftContract(Address vehicleNftContract) {
      this.vehicleNftContract =
          Objects.requireNonNull(vehicleNftContract, "vehicleNftContract == null");
      return this;
    }

    /**
     * Builds the environment; every field but {@code name} must be set.
     *
     * @return the environment
     * @throws IllegalStateException naming the first field that is not set
     */
    public Environment build() {
      if (devicesUrl == null) {
        throw new IllegalStateException("devicesUrl not set");
      }
      if (authUrl == null) {
        throw new IllegalStateException("authUrl not set");
      }
      if (tokenExchangeUrl == null) {
        throw new IllegalStateException("tokenExchangeUrl not set");
      }
      if (chainId <= 0) {
        throw new IllegalStateException("chainId not set");
      }
      if (registryAddress == null) {
        throw new IllegalStateException("registryAddress not set");
      }
      if (vehicleNftContract == null) {
        throw new IllegalStateException("vehicleNftContract not set");
      }
      return new Environment(this);
    }

    private static HttpUrl baseUrl(String url, String name) {
      Objects.requireNonNull(url, name + " == null");
      HttpUrl parsed = HttpUrl.parse(url.endsWith("/") ? url : url + "/");
      if (parsed == null) {
        throw new IllegalArgumentException(name + " is not an http(s) URL: " + url);
      }
      if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
        // Not echoed: the URL holds a password. DIMO authenticates with tokens, never userinfo.
        throw new IllegalArgumentException(name + " must not carry a user name or password"
            + " (user:password@host); DIMO's services authenticate with tokens");
      }
      return parsed;
    }
  }
}
