package zone.dimo.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import zone.dimo.sdk.auth.api.Web3AuthApi;
import zone.dimo.sdk.devices.api.AftermarketDevicesApi;
import zone.dimo.sdk.devices.api.DcnApi;
import zone.dimo.sdk.devices.api.ErrorCodesApi;
import zone.dimo.sdk.devices.api.GeofencesApi;
import zone.dimo.sdk.devices.api.NftMetadataApi;
import zone.dimo.sdk.devices.api.UserDevicesApi;
import zone.dimo.sdk.devices.api.VehicleCommandsApi;
import zone.dimo.sdk.errors.ConflictException;
import zone.dimo.sdk.errors.DimoConfigurationException;
import zone.dimo.sdk.errors.DimoException;
import zone.dimo.sdk.errors.DimoTimeoutException;
import zone.dimo.sdk.errors.MintFailedException;
import zone.dimo.sdk.errors.PayloadMismatchException;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.EthSigner;
import zone.dimo.sdk.spec.DimoCall;
import zone.dimo.sdk.tokenexchange.api.TokenExchangeApi;

/**
 * The entry point: a configured client for the DIMO Devices API, the Web3 login and the Token
 * Exchange API.
 *
 * <pre>{@code
 * DimoClient client = DimoClient.builder()
 *     .environment(Environment.DEV)
 *     .web3Login(clientId, redirectUri, signer)
 *     .build();
 * MyDevicesResponse mine = client.userDevices().listMyVehicles().execute();
 * client.vehicleCommands().lockDoors(tokenId).execute();
 * }</pre>
 *
 * <p>Every operation of the specs is reachable as {@code client.<api>().<operation>(...)}, which
 * returns a {@link DimoCall}: {@code execute()} runs it, {@code executeAsync()} runs it on the
 * HTTP dispatcher, {@code withResponse()} adds status and headers. Each call carries the
 * credential its spec names (user token, vehicle token for the vehicle in the path, or none),
 * follows {@link RetryPolicy}, and reports every failure as a
 * {@link zone.dimo.sdk.errors.DimoException}. The signing flows ({@link #mintVehicle},
 * {@link #claimAftermarketDevice}, {@link #pairAftermarketDevice},
 * {@link #unpairAftermarketDevice}) fetch a payload, check it against this client's
 * environment, sign it and submit it.
 *
 * <p>Thread-safe; build one and share it.
 */
public final class DimoClient {
  /** The default {@code User-Agent}: {@code dimo-sdk-java/<version>}. */
  public static final String DEFAULT_USER_AGENT = "dimo-sdk-java/" + version();
  /** Default {@link Builder#callTimeout}. */
  static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  /** Default {@link Builder#maxResponseBytes}: DIMO's largest JSON answers are far smaller. */
  static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;
  /** Upper bound of {@link Builder#maxResponseBytes}: an answer is held in one byte array. */
  static final long MAX_MAX_RESPONSE_BYTES = 1L << 30;

  private final Builder settings;
  private final Environment environment;
  private final UserDevicesApi userDevices;
  private final AftermarketDevicesApi aftermarketDevices;
  private final VehicleCommandsApi vehicleCommands;
  private final ErrorCodesApi errorCodes;
  private final GeofencesApi geofences;
  private final NftMetadataApi nftMetadata;
  private final DcnApi dcn;
  private final Web3AuthApi web3Auth;
  private final TokenExchangeApi tokenExchange;
  private final @Nullable TokenProvider userTokens;
  private final @Nullable TokenProvider licenseTokens;
  private final @Nullable VehicleTokenProvider vehicleTokens;
  private final Flows flows;

  private DimoClient(Builder builder) {
    this.settings = new Builder(builder);
    this.environment = builder.environment;
    Clock clock = builder.clock;
    Duration refreshMargin = builder.tokenRefreshMargin;

    TrustedHosts hosts = new TrustedHosts(environment.devicesHttpUrl(),
        environment.authHttpUrl(), environment.tokenExchangeHttpUrl());
    OkHttpClient.Builder http = builder.okHttpClient != null
        ? builder.okHttpClient.newBuilder() : new OkHttpClient.Builder();
    http.connectTimeout(builder.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(builder.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(builder.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(builder.callTimeout.toMillis(), TimeUnit.MILLISECONDS)
        // Repeats are decided in one place (RetryPolicy); OkHttp's own silent connection retries
        // would make them unbounded and could re-send state-changing requests.
        .retryOnConnectionFailure(false)
        .addInterceptor(new RetryInterceptor(builder.retryPolicy, clock, builder.sleeper,
            builder.random, builder.callTimeout, builder.maxResponseBytes))
        // Tells the RetryInterceptor when writing a request failed; the caller's own listeners
        // (from okHttpClient(...)) keep getting every event.
        .eventListenerFactory(SendState.listeners(builder.okHttpClient != null
            ? builder.okHttpClient.eventListenerFactory() : call -> EventListener.NONE))
        .addNetworkInterceptor(new NetworkGuardInterceptor(hosts))
        .addNetworkInterceptor(new AbortUnreadBodies());
    if (builder.logLevel != HttpLogLevel.NONE) {
      http.addNetworkInterceptor(new RedactingLogger(builder.logLevel, builder.logger));
    }
    OkHttpClient base = http.build();
    Failures failures = new Failures(clock);
    Stack stack = new Stack(base, hosts, builder.userAgent,
        new Json.ConverterFactory(Json.moshi()), new RealDimoCall.Factory(failures));

    // Built in layers so that every provider is complete when it is made: the logins use only
    // public operations, the exchange authenticates with a login's token, and the Devices API
    // with all of them. All layers share one connection pool, dispatcher and interceptor chain.
    Web3AuthApi loginApi = stack.layer(environment.authHttpUrl(), null, null)
        .create(Web3AuthApi.class);
    this.userTokens = builder.userTokens != null ? builder.userTokens
        : builder.userLogin == null ? null
        : builder.userLogin.provider(loginApi, clock, refreshMargin);
    this.licenseTokens = builder.licenseLogin == null ? null
        : builder.licenseLogin.provider(loginApi, clock, refreshMargin);
    TokenProvider exchangeCaller = licenseTokens != null ? licenseTokens : userTokens;
    TokenExchangeApi exchangeApi = stack.layer(environment.tokenExchangeHttpUrl(),
        exchangeCaller, null).create(TokenExchangeApi.class);
    this.vehicleTokens = builder.vehicleTokens != null ? builder.vehicleTokens
        : exchangeCaller == null ? null
        : new TokenExchangeVehicleTokenProvider(exchangeApi, environment, clock, refreshMargin,
            builder.tokenCacheSize);

    Retrofit devices = stack.layer(environment.devicesHttpUrl(), userTokens, vehicleTokens);
    this.userDevices = api(devices, UserDevicesApi.class);
    this.aftermarketDevices = api(devices, AftermarketDevicesApi.class);
    this.vehicleCommands = api(devices, VehicleCommandsApi.class);
    this.errorCodes = api(devices, ErrorCodesApi.class);
    this.geofences = api(devices, GeofencesApi.class);
    this.nftMetadata = api(devices, NftMetadataApi.class);
    this.dcn = api(devices, DcnApi.class);
    this.web3Auth = api(stack.layer(environment.authHttpUrl(), userTokens, vehicleTokens),
        Web3AuthApi.class);
    this.tokenExchange = Arguments.checked(TokenExchangeApi.class, exchangeApi);
    this.flows = new Flows(userDevices, aftermarketDevices, environment, clock,
        builder.sleeper, builder.pollInterval);
  }

  /** {@return a builder with every option at its documented default} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this client's settings, to derive a differently configured client. Logins
   * configured with {@link Builder#web3Login} or {@link Builder#developerLicense} get new
   * providers, so the new client starts with empty token caches.
   *
   * @return a builder with this client's settings
   */
  public Builder newBuilder() {
    return new Builder(settings);
  }

  /**
   * The environment this client talks to.
   *
   * @return the environment
   */
  public Environment environment() {
    return environment;
  }

  /**
   * The user token provider this client uses: the one given to {@link Builder#userToken}, or the
   * login configured with {@link Builder#web3Login} with its cache, so {@code userTokens().token()}
   * logs in ahead of time (e.g. to fail fast at startup).
   *
   * @return the provider
   * @throws DimoConfigurationException when no user token source was configured
   */
  public TokenProvider userTokens() {
    if (userTokens == null) {
      throw new DimoConfigurationException("No user token source: configure"
          + " DimoClient.builder().web3Login(...) or .userToken(...)");
    }
    return userTokens;
  }

  /**
   * The developer license's token provider ({@link Builder#developerLicense}), with its cache.
   *
   * @return the provider
   * @throws DimoConfigurationException when no developer license was configured
   */
  public TokenProvider licenseTokens() {
    if (licenseTokens == null) {
      throw new DimoConfigurationException(
          "No developer license: configure DimoClient.builder().developerLicense(...)");
    }
    return licenseTokens;
  }

  /**
   * The vehicle token provider this client uses, with its cache;
   * {@code token(tokenId, permissions)} fetches a vehicle token ahead of a command.
   *
   * @return the provider
   * @throws DimoConfigurationException when the client has no vehicle token source
   */
  public VehicleTokenProvider vehicleTokens() {
    if (vehicleTokens == null) {
      throw new DimoConfigurationException("No vehicle token source: configure a login"
          + " (DimoClient.builder().web3Login(...) or .developerLicense(...)) or"
          + " DimoClient.builder().vehicleTokens(...)");
    }
    return vehicleTokens;
  }

  /**
   * {@return the API for the user's vehicles: create, list, VIN, mint payload and submission,
   * opt-in, refresh}
   */
  public UserDevicesApi userDevices() {
    return userDevices;
  }

  /**
   * {@return the API for aftermarket devices: read, claim, pair and unpair (payloads and
   * submissions)}
   */
  public AftermarketDevicesApi aftermarketDevices() {
    return aftermarketDevices;
  }

  /**
   * {@return the API for remote commands (doors, frunk, trunk); each needs a vehicle
   * privilege token}
   */
  public VehicleCommandsApi vehicleCommands() {
    return vehicleCommands;
  }

  /** {@return the API for a vehicle's diagnostic error codes: list, submit, clear} */
  public ErrorCodesApi errorCodes() {
    return errorCodes;
  }

  /** {@return the API for the user's geofences: list, create, update, delete} */
  public GeofencesApi geofences() {
    return geofences;
  }

  /** {@return the API for public on-chain NFT metadata of synthetic and aftermarket devices} */
  public NftMetadataApi nftMetadata() {
    return nftMetadata;
  }

  /** {@return the API for public DIMO Canonical Name metadata} */
  public DcnApi dcn() {
    return dcn;
  }

  /**
   * {@return the API for the Web3 challenge login (public operations; normally used by the
   * token provider)}
   */
  public Web3AuthApi web3Auth() {
    return web3Auth;
  }

  /** {@return the Token Exchange API (normally used by the vehicle token provider)} */
  public TokenExchangeApi tokenExchange() {
    return tokenExchange;
  }

  /**
   * Confirms vehicle {@code userDeviceId}'s VIN, which minting requires: the aftermarket device
   * paired with the vehicle signs keccak256 of the VIN's ASCII bytes, and the signed VIN is sent
   * with {@code PATCH /v1/user/devices/{userDeviceId}/vin}. (Vehicles connected through Smartcar
   * or Tesla get their VIN confirmed on DIMO's side.)
   *
   * @param userDeviceId the vehicle's Devices API id
   * @param vin the VIN: 17 upper-case letters or digits
   * @param aftermarketDevice signs with the key of the aftermarket device paired with the vehicle
   * @throws IllegalArgumentException when {@code vin} is not 17 upper-case letters or digits
   * @throws ConflictException when the VIN is in use by another vehicle
   */
  public void confirmVin(String userDeviceId, String vin, EthSigner aftermarketDevice) {
    flows.confirmVin(userDeviceId, vin, aftermarketDevice);
  }

  /**
   * Mints vehicle {@code userDeviceId} as an NFT: fetches the mint payload, checks it (domain
   * name "DIMO", version "1", this environment's chain id and registry; primary type
   * {@code MintVehicleSign} or {@code MintVehicleWithDeviceDefinitionSign}), signs it with
   * {@code signer} and submits it with {@code png} as the image. The mint is then pending; see
   * {@link #waitForMint}.
   *
   * @param userDeviceId the vehicle's Devices API id
   * @param signer signs the mint payload for the user
   * @param png the vehicle's image, PNG bytes
   * @throws PayloadMismatchException before signing, when the payload is not as expected
   */
  public void mintVehicle(String userDeviceId, EthSigner signer, byte[] png) {
    flows.mint(userDeviceId, signer, png, null);
  }

  /**
   * As {@link #mintVehicle(String, EthSigner, byte[])}, also submitting a transparent image.
   *
   * @param userDeviceId the vehicle's Devices API id
   * @param signer signs the mint payload for the user
   * @param png the vehicle's image, PNG bytes
   * @param transparentPng the vehicle's image with a transparent background, PNG bytes
   * @throws PayloadMismatchException before signing, when the payload is not as expected
   */
  public void mintVehicle(String userDeviceId, EthSigner signer, byte[] png,
      byte[] transparentPng) {
    Arguments.present("mintVehicle", "transparentPng", transparentPng);
    flows.mint(userDeviceId, signer, png, transparentPng);
  }

  /**
   * Polls the user's vehicles until {@code userDeviceId}'s NFT is {@code Confirmed} and returns
   * its token id. Waits (through the builder's {@link Sleeper}) from the poll interval, doubling
   * up to eight times it.
   *
   * @param userDeviceId the vehicle's Devices API id
   * @param timeout how long to poll before giving up
   * @return the vehicle's NFT token id
   * @throws MintFailedException when the mint ends {@code Failed}
   * @throws DimoTimeoutException when {@code timeout} passes first
   */
  public long waitForMint(String userDeviceId, Duration timeout) {
    return flows.waitForMint(userDeviceId, timeout);
  }

  /**
   * Claims aftermarket device {@code serial} for the user: fetches the claim payload, checks it
   * ({@code ClaimAftermarketDeviceSign}), signs it with {@code userSigner} and submits it with
   * {@code deviceSignature}, the device's own signature of the same payload.
   *
   * @param serial the aftermarket device's serial
   * @param userSigner signs for the user who owns the vehicle
   * @param deviceSignature the device's signature of the claim payload
   * @throws PayloadMismatchException before signing, when the payload is not as expected
   */
  public void claimAftermarketDevice(String serial, EthSigner userSigner,
      EthSignature deviceSignature) {
    Arguments.present("claimAftermarketDevice", "deviceSignature", deviceSignature);
    flows.claim(serial, userSigner, null, deviceSignature);
  }

  /**
   * As {@link #claimAftermarketDevice(String, EthSigner, EthSignature)}, signing the payload
   * with the device's key too.
   *
   * @param serial the aftermarket device's serial
   * @param userSigner signs for the user who owns the vehicle
   * @param deviceSigner signs with the aftermarket device's own key
   * @throws PayloadMismatchException before signing, when the payload is not as expected
   */
  public void claimAftermarketDevice(String serial, EthSigner userSigner,
      EthSigner deviceSigner) {
    Arguments.present("claimAftermarketDevice", "deviceSigner", deviceSigner);
    flows.claim(serial, userSigner, deviceSigner, null);
  }

  /**
   * Pairs aftermarket device {@code serial} with vehicle {@code userDeviceId}: fetches the pair
   * payload ({@code PairAftermarketDeviceSign}), checks and signs it with {@code userSigner},
   * and submits it.
   *
   * @param userDeviceId the vehicle's Devices API id
   * @param serial the aftermarket device's serial
   * @param userSigner signs for the user who owns the vehicle
   * @throws PayloadMismatchException before signing, when the payload is not as expected
   */
  public void pairAftermarketDevice(String userDeviceId, String serial, EthSigner userSigner) {
    flows.pair(userDeviceId, serial, userSigner, null);
  }

  /**
   * As {@link #pairAftermarketDevice(String, String, EthSigner)}, also signing with the device's
   * key (when the device is not yet owned by the user).
   *
   * @param userDeviceId the vehicle's Devices API id
   * @param serial the aftermarket device's serial
   * @param userSigner signs for the user who owns the vehicle
   * @param deviceSigner signs with the aftermarket device's own key
   * @throws PayloadMismatchException before signing, when the payload is not as expected
   */
  public void pairAftermarketDevice(String userDeviceId, String serial, EthSigner userSigner,
      EthSigner deviceSigner) {
    Arguments.present("pairAftermarketDevice", "deviceSigner", deviceSigner);
    flows.pair(userDeviceId, serial, userSigner, deviceSigner);
  }

  /**
   * Unpairs the aftermarket device {@code serial} from vehicle {@code userDeviceId}: fetches the
   * unpair payload ({@code UnPairAftermarketDeviceSign}), checks and signs it with
   * {@code userSigner}, and submits it.
   *
   * @param userDeviceId the vehicle's Devices API id
   * @param serial the aftermarket device's serial
   * @param userSigner signs for the user who owns the vehicle
   * @throws PayloadMismatchException before signing, when the payload is not as expected
   */
  public void unpairAftermarketDevice(String userDeviceId, String serial, EthSigner userSigner) {
    flows.unpair(userDeviceId, serial, userSigner, null);
  }

  /**
   * As {@link #unpairAftermarketDevice(String, String, EthSigner)}, also signing with the
   * device's key.
   *
   * @param userDeviceId the vehicle's Devices API id
   * @param serial the aftermarket device's serial
   * @param userSigner signs for the user who owns the vehicle
   * @param deviceSigner signs with the aftermarket device's own key
   * @throws PayloadMismatchException before signing, when the payload is not as expected
   */
  public void unpairAftermarketDevice(String userDeviceId, String serial, EthSigner userSigner,
      EthSigner deviceSigner) {
    Arguments.present("unpairAftermarketDevice", "deviceSigner", deviceSigner);
    flows.unpair(userDeviceId, serial, userSigner, deviceSigner);
  }

  @Override
  public String toString() {
    return "DimoClient{" + environment.name() + ", devices=" + environment.devicesUrl() + "}";
  }


  /** The generated interface {@code type} on {@code retrofit}, behind the argument checks. */
  private static <T> T api(Retrofit retrofit, Class<T> type) {
    return Arguments.checked(type, retrofit.create(type));
  }

  private static String version() {
    Properties properties = new Properties();
    try (InputStream in = DimoClient.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Fall through to "unknown": a missing version must not stop the client from working.
    }
    String version = properties.getProperty("version");
    return version == null || version.startsWith("${") ? "unknown" : version;
  }

  /** Configures a {@link DimoClient}. Every option has a default; see each method. */
  public static final class Builder {
    private Environment environment = Environment.PRODUCTION;
    private @Nullable OkHttpClient okHttpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private int tokenCacheSize = TokenCache.DEFAULT_MAX_SIZE;
    private String userAgent = DEFAULT_USER_AGENT;
    private @Nullable TokenProvider userTokens;
    private @Nullable Login userLogin;
    private @Nullable Login licenseLogin;
    private @Nullable VehicleTokenProvider vehicleTokens;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Duration tokenRefreshMargin = Duration.ofSeconds(60);
    private Duration pollInterval = Duration.ofSeconds(2);
    private HttpLogLevel logLevel = HttpLogLevel.NONE;
    private Consumer<String> logger = line -> { };
    private boolean allowCleartextHttp;

    Builder() {
    }

    Builder(Builder other) {
      this.environment = other.environment;
      this.okHttpClient = other.okHttpClient;
      this.connectTimeout = other.connectTimeout;
      this.readTimeout = other.readTimeout;
      this.writeTimeout = other.writeTimeout;
      this.callTimeout = other.callTimeout;
      this.maxResponseBytes = other.maxResponseBytes;
      this.tokenCacheSize = other.tokenCacheSize;
      this.userAgent = other.userAgent;
      this.userTokens = other.userTokens;
      this.userLogin = other.userLogin;
      this.licenseLogin = other.licenseLogin;
      this.vehicleTokens = other.vehicleTokens;
      this.retryPolicy = other.retryPolicy;
      this.clock = other.clock;
      this.sleeper = other.sleeper;
      this.random = other.random;
      this.tokenRefreshMargin = other.tokenRefreshMargin;
      this.pollInterval = other.pollInterval;
      this.logLevel = other.logLevel;
      this.logger = other.logger;
      this.allowCleartextHttp = other.allowCleartextHttp;
    }

    /**
     * The DIMO deployment — base URLs, chain id, registry and vehicle NFT contract:
     * {@link Environment#PRODUCTION} (the default), {@link Environment#DEV}, one derived with
     * {@link Environment#newBuilder()}, or a sandbox's.
     *
     * @param environment the deployment
     * @return this builder
     */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /**
     * An OkHttp client to share its connection pool, dispatcher, proxy, TLS and interceptors.
     * The SDK derives its own clients with {@code newBuilder()} and never changes this one; its
     * own event listener (which tells a request whose write failed from one the server may have
     * received) is added next to this client's, which keeps getting every event. Default: a new
     * {@code OkHttpClient}.
     *
     * @param okHttpClient the client to derive from
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /**
     * TCP/TLS connect timeout; default 10 s. {@code Duration.ZERO} means none.
     *
     * @param connectTimeout the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = timeout(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Timeout between bytes while reading an answer; default 30 s. Zero means none.
     *
     * @param readTimeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = timeout(readTimeout, "readTimeout");
      return this;
    }

    /**
     * Timeout between bytes while writing a request; default 30 s. Zero means none.
     *
     * @param writeTimeout the timeout
     * @return this builder
     */
    public Builder writeTimeout(Duration writeTimeout) {
      this.writeTimeout = timeout(writeTimeout, "writeTimeout");
      return this;
    }

    /**
     * The deadline of one whole call: {@code execute()} or {@code executeAsync()} fails with a
     * {@link DimoTimeoutException} once it passes, whatever the call is doing — connecting,
     * sending, waiting for or reading the answer (a server dripping bytes included), getting
     * the token it needs, all its retries and their backoff and {@code Retry-After} waits. A
     * retry or wait that could not end before the deadline is not started: the last answer
     * (e.g. a 429 with its {@link zone.dimo.sdk.errors.RateLimitedException#retryAfter()}) or
     * failure is reported at once. The body of a streamed answer (images) is read within the
     * same deadline.
     *
     * <p>A state-changing call whose deadline passes after its request may have reached the
     * server fails with {@link zone.dimo.sdk.errors.OutcomeUnknownException} whose cause is the
     * {@link DimoTimeoutException}, like every other state-changing call that fails with an
     * unknown outcome; when its request was provably not sent it fails with the
     * {@code DimoTimeoutException} itself.
     *
     * <p>Default 60 s. {@code Duration.ZERO} means no deadline (then only the per-step
     * timeouts and {@link RetryPolicy} bound a call).
     *
     * @param callTimeout the deadline
     * @return this builder
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = timeout(callTimeout, "callTimeout");
      return this;
    }

    /**
     * The most bytes of one answer the client reads; default 8 MiB (DIMO's JSON answers are far
     * smaller). Counted after decompression, so a small compressed answer that inflates beyond
     * it stops there too. A larger successful answer fails the call with
     * {@link zone.dimo.sdk.errors.ResponseTooLargeException} (it is not retried) and its
     * connection is closed without reading the rest. Error answers are read only up to the
     * 64 KiB kept in the exception, whatever this limit. Streamed answers (operations that
     * return an {@code okhttp3.ResponseBody}, such as NFT images) are not limited or buffered:
     * you read them as a stream.
     *
     * @param maxResponseBytes the limit, 1 byte to 1 GiB
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1 || maxResponseBytes > MAX_MAX_RESPONSE_BYTES) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be in 1.." + MAX_MAX_RESPONSE_BYTES + ": " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * How many vehicle tokens the default vehicle token provider keeps (one per vehicle and
     * permission set); default 10,000. Expired tokens are dropped as new ones are stored (at
     * least once a minute), and beyond this bound the least recently used token goes, so a
     * backend that commands many vehicles holds a bounded cache (a token is about 1 KiB).
     * Concurrent calls for one vehicle still share one token exchange.
     *
     * @param tokenCacheSize the bound, at least 1
     * @return this builder
     */
    public Builder tokenCacheSize(int tokenCacheSize) {
      if (tokenCacheSize < 1) {
        throw new IllegalArgumentException("tokenCacheSize < 1: " + tokenCacheSize);
      }
      this.tokenCacheSize = tokenCacheSize;
      return this;
    }

    /**
     * The {@code User-Agent} header; default {@link #DEFAULT_USER_AGENT}.
     *
     * @param userAgent the header value
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent == null");
      // Fails here, not on the first request, for characters a header cannot carry.
      new okhttp3.Headers.Builder().add("User-Agent", userAgent);
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Logs in as a user with DIMO's Web3 challenge login of the environment: asks the auth
     * server for a challenge for {@code signer}'s address, signs it with EIP-191
     * {@code personal_sign} and submits it. The access token serves the {@code userToken}
     * operations (and the token exchange when no developer license is configured); it is cached
     * until shortly before its JWT {@code exp} (or its {@code expires_in} when the token is not
     * a readable JWT), concurrent callers share one login, and a token refused with 401 is
     * dropped so the next call logs in again. Replaces {@link #userToken}. Default: no login.
     *
     * @param clientId the client id (a developer license address) the login is for
     * @param domain a redirect URI registered for the client id
     * @param signer the user's key; its address logs in
     * @return this builder
     */
    public Builder web3Login(String clientId, String domain, EthSigner signer) {
      Objects.requireNonNull(clientId, "clientId == null");
      Objects.requireNonNull(domain, "domain == null");
      Objects.requireNonNull(signer, "signer == null");
      this.userLogin = new Login("web3Login", clientId, domain, signer.address(), signer);
      this.userTokens = null;
      return this;
    }

    /**
     * A fixed or custom source of the user access token for {@code userToken} operations (and the
     * token exchange when no developer license is configured), e.g. {@link TokenProvider#of}.
     * Replaces {@link #web3Login}. Default: none — such operations then fail before sending with
     * a {@link DimoConfigurationException}.
     *
     * @param userTokens the provider
     * @return this builder
     */
    public Builder userToken(TokenProvider userTokens) {
      this.userTokens = Objects.requireNonNull(userTokens, "userTokens == null");
      this.userLogin = null;
      return this;
    }

    /**
     * Logs in as a developer license, the way a backend authenticates to DIMO today: the Web3
     * challenge login with {@code client_id} and {@code address} both the license's address,
     * the challenge signed (EIP-191) by {@code apiKey}, a key registered as a signer of the
     * license (the auth server checks it with ERC-1271). The license's token is what the token
     * exchange is called with; it is cached and renewed like {@link #web3Login}'s. Default: none.
     *
     * @param license the developer license's address (its client id)
     * @param redirectUri a redirect URI registered on the license
     * @param apiKey one of the license's API keys
     * @return this builder
     */
    public Builder developerLicense(Address license, String redirectUri, EthSigner apiKey) {
      Objects.requireNonNull(license, "license == null");
      Objects.requireNonNull(redirectUri, "redirectUri == null");
      Objects.requireNonNull(apiKey, "apiKey == null");
      this.licenseLogin = new Login("developerLicense", license.toChecksumHex(), redirectUri,
          license, apiKey);
      return this;
    }

    /**
     * Source of vehicle tokens for {@code vehicleToken} operations (vehicle commands). Default:
     * the environment's Token Exchange API, called with the developer license's token when one is
     * configured, else with the user's; none when neither is.
     *
     * @param vehicleTokens the provider
     * @return this builder
     */
    public Builder vehicleTokens(VehicleTokenProvider vehicleTokens) {
      this.vehicleTokens = Objects.requireNonNull(vehicleTokens, "vehicleTokens == null");
      return this;
    }

    /**
     * When safe calls are repeated; default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Time source for token expiry and Retry-After dates; default {@code Clock.systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * How retry backoffs and mint polls wait; default {@link Sleeper#system()}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Randomness for backoff jitter; default {@code ThreadLocalRandom}.
     *
     * @param random the source
     * @return this builder
     */
    public Builder random(Random random) {
      Objects.requireNonNull(random, "random == null");
      this.random = random::nextDouble;
      return this;
    }

    /**
     * How long before expiry cached tokens are renewed; default 60 s (halfway through the life
     * of a token that lives less than twice this).
     *
     * @param tokenRefreshMargin the margin
     * @return this builder
     */
    public Builder tokenRefreshMargin(Duration tokenRefreshMargin) {
      this.tokenRefreshMargin = timeout(tokenRefreshMargin, "tokenRefreshMargin");
      return this;
    }

    /**
     * First wait between {@link DimoClient#waitForMint} polls; default 2 s.
     *
     * @param pollInterval the wait
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      Objects.requireNonNull(pollInterval, "pollInterval == null");
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * Logs HTTP traffic at {@code level} to {@code logger}, one line per call of
     * {@code logger}. The Authorization and cookie headers are redacted, and JWTs, long hex
     * strings (keys, signatures) and token or signature fields are masked in every line.
     * One-shot bodies (state-changing calls) are not logged. Default: {@link HttpLogLevel#NONE}.
     *
     * @param level how much to log
     * @param logger where the lines go, e.g. {@code System.err::println}
     * @return this builder
     */
    public Builder httpLogging(HttpLogLevel level, Consumer<String> logger) {
      this.logLevel = Objects.requireNonNull(level, "level == null");
      this.logger = Objects.requireNonNull(logger, "logger == null");
      return this;
    }

    /**
     * Whether plain {@code http://} base URLs are accepted for hosts other than this machine.
     * Default {@code false}: such a URL would send bearer tokens and signatures in clear, so
     * {@link #build()} refuses it; loopback hosts ({@code localhost}, {@code 127.0.0.0/8},
     * {@code [::1]} — the sandbox) are always accepted. Set {@code true} only behind a trusted
     * network boundary (e.g. a TLS-terminating proxy on the same host network).
     *
     * @param allowCleartextHttp true to accept http to other hosts
     * @return this builder
     */
    public Builder allowCleartextHttp(boolean allowCleartextHttp) {
      this.allowCleartextHttp = allowCleartextHttp;
      return this;
    }

    /**
     * A client with these settings.
     *
     * @return the client
     * @throws DimoConfigurationException when a base URL is plain http to a host other than this
     *     machine and {@link #allowCleartextHttp} was not set
     */
    public DimoClient build() {
      if (!allowCleartextHttp) {
        refuseCleartext("devicesUrl", environment.devicesHttpUrl());
        refuseCleartext("authUrl", environment.authHttpUrl());
        refuseCleartext("tokenExchangeUrl", environment.tokenExchangeHttpUrl());
      }
      return new DimoClient(this);
    }

    private void refuseCleartext(String name, HttpUrl url) {
      if (url.isHttps() || isLoopback(url.host())) {
        return;
      }
      throw new DimoConfigurationException("Environment " + environment.name() + ": " + name
          + " " + url + " is plain http to another host, which would send tokens in clear; use"
          + " https, or DimoClient.builder().allowCleartextHttp(true) on a trusted network");
    }

    private static boolean isLoopback(String host) {
      return host.equals("localhost") || host.equals("::1")
          || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static Duration timeout(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " == null");
      if (duration.isNegative()) {
        throw new IllegalArgumentException(name + " < 0: " + duration);
      }
      return duration;
    }
  }

  /** A configured Web3 challenge login; each built client makes its own provider from it. */
  private static final class Login {
    final String kind;
    final String clientId;
    final String domain;
    final Address address;
    final EthSigner signer;

    Login(String kind, String clientId, String domain, Address address, EthSigner signer) {
      this.kind = kind;
      this.clientId = clientId;
      this.domain = domain;
      this.address = address;
      this.signer = signer;
    }

    TokenProvider provider(Web3AuthApi api, Clock clock, Duration refreshMargin) {
      return new Web3LoginTokenProvider(api, kind, clientId, domain, address, signer, clock,
          refreshMargin);
    }
  }

  /**
   * The shared HTTP stack, and Retrofits over it that send the tokens of given providers. Safe
   * and state-changing calls go to two OkHttp clients that differ only in following redirects.
   */
  private static final class Stack {
    private final OkHttpClient base;
    private final TrustedHosts hosts;
    private final String userAgent;
    private final Json.ConverterFactory converters;
    private final RealDimoCall.Factory calls;

    Stack(OkHttpClient base, TrustedHosts hosts, String userAgent,
        Json.ConverterFactory converters, RealDimoCall.Factory calls) {
      this.base = base;
      this.hosts = hosts;
      this.userAgent = userAgent;
      this.converters = converters;
      this.calls = calls;
    }

    Retrofit layer(HttpUrl baseUrl, @Nullable TokenProvider userTokens,
        @Nullable VehicleTokenProvider vehicleTokens) {
      OkHttpClient safe = base.newBuilder()
          .addInterceptor(new AuthInterceptor(hosts, userAgent, userTokens, vehicleTokens))
          .build();
      // State-changing calls must not be followed to a redirect target.
      OkHttpClient unsafe = safe.newBuilder()
          .followRedirects(false)
          .followSslRedirects(false)
          .build();
      okhttp3.Call.Factory router = request -> {
        Operation operation = Operation.lookup(request);
        if (operation != null && operation.safe) {
          return safe.newCall(request);
        }
        // Each state-changing call records how far its request got (see RetryInterceptor).
        return unsafe.newCall(request.newBuilder().tag(SendState.class, new SendState()).build());
      };
      return new Retrofit.Builder()
          .baseUrl(baseUrl)
          .callFactory(router)
          .addCallAdapterFactory(calls)
          .addConverterFactory(new Serials.ConverterFactory())
          .addConverterFactory(converters)
          .build();
    }
  }
}
