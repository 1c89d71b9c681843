package zone.dimo.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.logging.HttpLoggingInterceptor;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import zone.dimo.sdk.auth.api.Web3AuthApi;
import zone.dimo.sdk.devices.api.AftermarketDevicesApi;
import zone.dimo.sdk.devices.api.DcnApi;
import zone.dimo.sdk.devices.api.ErrorCodesApi;
import zone.dimo.sdk.devices.api.GeofencesApi;
import zone.dimo.sdk.devices.api.NftMetadataApi;
import zone.dimo.sdk.devices.api.UserDevicesApi;
import zone.dimo.sdk.devices.api.VehicleCommandsApi;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.EthSigner;
import zone.dimo.sdk.tokenexchange.api.TokenExchangeApi;

/**
 * The entry point: a configured client for the DIMO Devices API, the Web3 login and the Token
 * Exchange API.
 *
 * <pre>{@code
 * DimoClient client = DimoClient.builder()
 *     .environment(Environment.DEV)
 *     .userToken(TokenProvider.web3Login(clientId, redirectUri, signer))
 *     .vehicleTokens(VehicleTokenProvider.tokenExchange())
 *     .build();
 * MyDevicesResponse mine = client.execute(client.userDevices().listMyVehicles());
 * }</pre>
 *
 * <p>Every generated operation is reachable through one accessor per API
 * ({@link #userDevices()}, {@link #aftermarketDevices()}, ...); run its {@code Call} with
 * {@link #execute(Call)} or {@link #executeAsync(Call)}, which add the right credential (from the
 * operation's security in the spec), apply {@link RetryPolicy}, and turn every failure into a
 * {@link DimoException}. The signing flows ({@link #mintVehicle}, {@link #claimAftermarketDevice},
 * {@link #pairAftermarketDevice}, {@link #unpairAftermarketDevice}) fetch a payload, check it
 * against this client's environment, sign it and submit it.
 *
 * <p>Thread-safe; build one and share it. Calls made directly with {@code Call.execute()} also go
 * through the credential and retry interceptors but may throw Retrofit's and OkHttp's own
 * exceptions — prefer {@link #execute(Call)}.
 */
public final class DimoClient {
  /** The default {@code User-Agent}: {@code dimo-sdk-java/<version>}. */
  public static final String DEFAULT_USER_AGENT = "dimo-sdk-java/" + version();

  private final Builder settings;
  private final Environment environment;
  private final Clock clock;
  private final Sleeper sleeper;
  private final OkHttpClient safeHttp;
  private final OkHttpClient unsafeHttp;
  private final okhttp3.Call.Factory callFactory;
  private final Failures failures;
  private final UserDevicesApi userDevices;
  private final AftermarketDevicesApi aftermarketDevices;
  private final VehicleCommandsApi vehicleCommands;
  private final ErrorCodesApi errorCodes;
  private final GeofencesApi geofences;
  private final NftMetadataApi nftMetadata;
  private final DcnApi dcn;
  private final Web3AuthApi web3Auth;
  private final TokenExchangeApi tokenExchange;
  private final TokenProvider userTokens;
  private final VehicleTokenProvider vehicleTokens;
  private final Flows flows;

  private DimoClient(Builder builder) {
    this.settings = new Builder(builder);
    this.environment = builder.effectiveEnvironment();
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.failures = new Failures(clock);

    TrustedHosts hosts = new TrustedHosts(environment.devicesHttpUrl(),
        environment.authHttpUrl(), environment.tokenExchangeHttpUrl());
    AuthInterceptor auth = new AuthInterceptor(hosts, builder.userAgent);
    OkHttpClient.Builder http = builder.okHttpClient != null
        ? builder.okHttpClient.newBuilder() : new OkHttpClient.Builder();
    http.connectTimeout(builder.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(builder.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(builder.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(builder.callTimeout.toMillis(), TimeUnit.MILLISECONDS)
        // Repeats are decided in one place (RetryPolicy); OkHttp's own silent connection retries
        // would make them unbounded and could re-send state-changing requests.
        .retryOnConnectionFailure(false)
        .addInterceptor(new RetryInterceptor(builder.retryPolicy, clock, sleeper, builder.random))
        .addInterceptor(auth)
        .addNetworkInterceptor(new NetworkGuardInterceptor(hosts));
    if (builder.loggingLevel != HttpLoggingInterceptor.Level.NONE) {
      http.addNetworkInterceptor(RedactingLogger.interceptor(builder.loggingLevel, builder.logger));
    }
    this.safeHttp = http.build();
    // State-changing calls must not be followed to a redirect target either.
    this.unsafeHttp = safeHttp.newBuilder()
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
    this.callFactory = request -> {
      Operation operation = Operation.lookup(request);
      return operation != null && operation.safe
          ? safeHttp.newCall(request) : unsafeHttp.newCall(request);
    };

    Json.ConverterFactory converters = new Json.ConverterFactory(Json.moshi());
    Retrofit devices = retrofit(environment.devicesHttpUrl(), converters);
    Retrofit authServer = retrofit(environment.authHttpUrl(), converters);
    Retrofit exchange = retrofit(environment.tokenExchangeHttpUrl(), converters);
    this.userDevices = devices.create(UserDevicesApi.class);
    this.aftermarketDevices = devices.create(AftermarketDevicesApi.class);
    this.vehicleCommands = devices.create(VehicleCommandsApi.class);
    this.errorCodes = devices.create(ErrorCodesApi.class);
    this.geofences = devices.create(GeofencesApi.class);
    this.nftMetadata = devices.create(NftMetadataApi.class);
    this.dcn = devices.create(DcnApi.class);
    this.web3Auth = authServer.create(Web3AuthApi.class);
    this.tokenExchange = exchange.create(TokenExchangeApi.class);

    this.userTokens = bind(builder.userTokens);
    this.vehicleTokens = bind(builder.vehicleTokens);
    auth.providers(userTokens, vehicleTokens);
    this.flows = new Flows(this, builder.pollInterval);
  }

  /** A builder with every option at its documented default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this client's settings, to derive a differently configured client. Token
   * providers created by {@link TokenProvider#web3Login} and
   * {@link VehicleTokenProvider#tokenExchange()} are bound anew, so the new client starts with
   * empty token caches.
   */
  public Builder newBuilder() {
    return new Builder(settings);
  }

  /** The environment this client talks to, with any overrides from the builder applied. */
  public Environment environment() {
    return environment;
  }

  /**
   * The user token provider this client uses — for a {@link TokenProvider#web3Login} recipe,
   * the instance bound to this client with its cache, so {@code userTokens().token()} logs in
   * ahead of time (e.g. to fail fast at startup).
   *
   * @throws DimoConfigurationException when no user token provider was configured
   */
  public TokenProvider userTokens() {
    if (userTokens == null) {
      throw new DimoConfigurationException(
          "No user token provider: configure DimoClient.builder().userToken(...)");
    }
    return userTokens;
  }

  /**
   * The vehicle token provider this client uses (bound to this client, with its cache);
   * {@code token(tokenId, privileges)} fetches a privilege token ahead of a command.
   *
   * @throws DimoConfigurationException when no vehicle token provider was configured
   */
  public VehicleTokenProvider vehicleTokens() {
    if (vehicleTokens == null) {
      throw new DimoConfigurationException(
          "No vehicle token provider: configure DimoClient.builder().vehicleTokens(...)");
    }
    return vehicleTokens;
  }

  /** Vehicles of the user: create, list, VIN, mint payload and submission, opt-in, refresh. */
  public UserDevicesApi userDevices() {
    return userDevices;
  }

  /** Aftermarket devices: read, claim, pair and unpair (payloads and submissions). */
  public AftermarketDevicesApi aftermarketDevices() {
    return aftermarketDevices;
  }

  /** Remote commands (doors, frunk, trunk); each needs a vehicle privilege token. */
  public VehicleCommandsApi vehicleCommands() {
    return vehicleCommands;
  }

  /** Diagnostic error codes of a vehicle: list, submit, clear. */
  public ErrorCodesApi errorCodes() {
    return errorCodes;
  }

  /** The user's geofences: list, create, update, delete. */
  public GeofencesApi geofences() {
    return geofences;
  }

  /** Public on-chain NFT metadata of synthetic and aftermarket devices. */
  public NftMetadataApi nftMetadata() {
    return nftMetadata;
  }

  /** Public DIMO Canonical Name metadata. */
  public DcnApi dcn() {
    return dcn;
  }

  /** The Web3 challenge login (public operations; normally used by the token provider). */
  public Web3AuthApi web3Auth() {
    return web3Auth;
  }

  /** The Token Exchange API (normally used by the vehicle token provider). */
  public TokenExchangeApi tokenExchange() {
    return tokenExchange;
  }

  /**
   * Runs {@code call} (made by one of this client's APIs) and returns its body — null for
   * operations without one (204, or an empty 200 declared {@code Void}).
   *
   * @throws DimoServiceException (a subclass by status) when the service answers an error
   * @throws DimoIoException when the call failed on the network and may be repeated
   * @throws OutcomeUnknownException when a state-changing call failed after it may have reached
   *     the server
   * @throws DimoDecodingException when a successful answer cannot be decoded
   * @throws DimoConfigurationException when the client lacks what the operation needs
   */
  public <T> T execute(Call<T> call) {
    Objects.requireNonNull(call, "call == null");
    Operation operation = operation(call);
    try {
      Response<T> response = call.execute();
      if (response.isSuccessful()) {
        return response.body();
      }
      throw failures.fromStatus(operation, response.raw(), response.errorBody());
    } catch (IOException e) {
      throw failures.fromIo(operation, e);
    } catch (Json.UndecodableBody e) {
      throw new DimoDecodingException(operation.id + ": could not decode the answer: "
          + Failures.describe(e.getCause()), 200, e.raw, e.getCause());
    } catch (DimoException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DimoException(operation.id + " failed: " + Failures.describe(e), e);
    }
  }

  /**
   * Runs {@code call} on OkHttp's dispatcher threads; the future completes with the body or
   * with the exception {@link #execute(Call)} would throw. Cancelling the future cancels the call.
   */
  public <T> CompletableFuture<T> executeAsync(Call<T> call) {
    Objects.requireNonNull(call, "call == null");
    CompletableFuture<T> future = new CompletableFuture<T>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        call.cancel();
        return super.cancel(mayInterruptIfRunning);
      }
    };
    safeHttp.dispatcher().executorService().execute(() -> {
      try {
        future.complete(execute(call));
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
      }
    });
    return future;
  }

  /**
   * Confirms vehicle {@code userDeviceId}'s VIN, which minting requires: the aftermarket device
   * paired with the vehicle signs keccak256 of the VIN's ASCII bytes, and the signed VIN is sent
   * with {@code PATCH /v1/user/devices/{userDeviceId}/vin}. (Vehicles connected through Smartcar
   * or Tesla get their VIN confirmed on DIMO's side.)
   *
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
   * @throws PayloadMismatchException before signing, when the payload is not as expected
   */
  public void mintVehicle(String userDeviceId, EthSigner signer, byte[] png) {
    flows.mint(userDeviceId, signer, png, null);
  }

  /** As {@link #mintVehicle(String, EthSigner, byte[])}, also submitting a transparent image. */
  public void mintVehicle(String userDeviceId, EthSigner signer, byte[] png,
      byte[] transparentPng) {
    Objects.requireNonNull(transparentPng, "transparentPng == null");
    flows.mint(userDeviceId, signer, png, transparentPng);
  }

  /**
   * Polls the user's vehicles until {@code userDeviceId}'s NFT is {@code Confirmed} and returns
   * its token id. Waits (through the builder's {@link Sleeper}) from the poll interval, doubling
   * up to eight times it.
   *
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
   */
  public void claimAftermarketDevice(String serial, EthSigner userSigner,
      EthSignature deviceSignature) {
    Objects.requireNonNull(deviceSignature, "deviceSignature == null");
    flows.claim(serial, userSigner, null, deviceSignature);
  }

  /** As above, signing the payload with the device's key too. */
  public void claimAftermarketDevice(String serial, EthSigner userSigner,
      EthSigner deviceSigner) {
    Objects.requireNonNull(deviceSigner, "deviceSigner == null");
    flows.claim(serial, userSigner, deviceSigner, null);
  }

  /**
   * Pairs aftermarket device {@code serial} with vehicle {@code userDeviceId}: fetches the pair
   * payload ({@code PairAftermarketDeviceSign}), checks and signs it with {@code userSigner},
   * and submits it.
   */
  public void pairAftermarketDevice(String userDeviceId, String serial, EthSigner userSigner) {
    flows.pair(userDeviceId, serial, userSigner, null);
  }

  /** As above, also signing with the device's key (when the device is not yet owned by the user). */
  public void pairAftermarketDevice(String userDeviceId, String serial, EthSigner userSigner,
      EthSigner deviceSigner) {
    Objects.requireNonNull(deviceSigner, "deviceSigner == null");
    flows.pair(userDeviceId, serial, userSigner, deviceSigner);
  }

  /**
   * Unpairs the aftermarket device {@code serial} from vehicle {@code userDeviceId}: fetches the
   * unpair payload ({@code UnPairAftermarketDeviceSign}), checks and signs it with
   * {@code userSigner}, and submits it.
   */
  public void unpairAftermarketDevice(String userDeviceId, String serial, EthSigner userSigner) {
    flows.unpair(userDeviceId, serial, userSigner, null);
  }

  /** As above, also signing with the device's key. */
  public void unpairAftermarketDevice(String userDeviceId, String serial, EthSigner userSigner,
      EthSigner deviceSigner) {
    Objects.requireNonNull(deviceSigner, "deviceSigner == null");
    flows.unpair(userDeviceId, serial, userSigner, deviceSigner);
  }

  @Override
  public String toString() {
    return "DimoClient{" + environment.name() + ", devices=" + environment.devicesUrl() + "}";
  }

  /** Runs {@code call} and returns the body bytes exactly as received (for signing payloads). */
  byte[] executeRaw(Call<?> call) {
    Operation operation = operation(call);
    Request request = call.request();
    try (okhttp3.Response response = callFactory.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw failures.fromStatus(operation, response, response.body());
      }
      return response.body().bytes();
    } catch (IOException e) {
      throw failures.fromIo(operation, e);
    }
  }

  Clock clock() {
    return clock;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  Duration tokenRefreshMargin() {
    return settings.tokenRefreshMargin;
  }

  private static Operation operation(Call<?> call) {
    try {
      return Operation.of(call.request());
    } catch (DimoException e) {
      throw e;
    } catch (RuntimeException e) {
      // Retrofit builds the request here and rejects bad arguments (e.g. a null path value).
      throw new IllegalArgumentException(Failures.describe(e), e);
    }
  }

  private Retrofit retrofit(HttpUrl baseUrl, Json.ConverterFactory converters) {
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .callFactory(callFactory)
        .addConverterFactory(converters)
        .build();
  }

  @SuppressWarnings("unchecked")
  private <T> T bind(T provider) {
    if (provider instanceof ClientBound) {
      return ((ClientBound<T>) provider).bind(this);
    }
    return provider;
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
    private String devicesUrl;
    private String authUrl;
    private String tokenExchangeUrl;
    private Long chainId;
    private Address registryAddress;
    private Address vehicleNftContract;
    private OkHttpClient okHttpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ZERO;
    private String userAgent = DEFAULT_USER_AGENT;
    private TokenProvider userTokens;
    private VehicleTokenProvider vehicleTokens;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Duration tokenRefreshMargin = Duration.ofSeconds(60);
    private Duration pollInterval = Duration.ofSeconds(2);
    private HttpLoggingInterceptor.Level loggingLevel = HttpLoggingInterceptor.Level.NONE;
    private HttpLoggingInterceptor.Logger logger = HttpLoggingInterceptor.Logger.DEFAULT;

    Builder() {
    }

    Builder(Builder other) {
      this.environment = other.environment;
      this.devicesUrl = other.devicesUrl;
      this.authUrl = other.authUrl;
      this.tokenExchangeUrl = other.tokenExchangeUrl;
      this.chainId = other.chainId;
      this.registryAddress = other.registryAddress;
      this.vehicleNftContract = other.vehicleNftContract;
      this.okHttpClient = other.okHttpClient;
      this.connectTimeout = other.connectTimeout;
      this.readTimeout = other.readTimeout;
      this.writeTimeout = other.writeTimeout;
      this.callTimeout = other.callTimeout;
      this.userAgent = other.userAgent;
      this.userTokens = other.userTokens;
      this.vehicleTokens = other.vehicleTokens;
      this.retryPolicy = other.retryPolicy;
      this.clock = other.clock;
      this.sleeper = other.sleeper;
      this.random = other.random;
      this.tokenRefreshMargin = other.tokenRefreshMargin;
      this.pollInterval = other.pollInterval;
      this.loggingLevel = other.loggingLevel;
      this.logger = other.logger;
    }

    /**
     * The DIMO deployment: {@link Environment#PRODUCTION} (the default) or
     * {@link Environment#DEV}, or one derived with {@link Environment#newBuilder()}. The URL and
     * chain overrides below take precedence over it.
     */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /** Overrides the environment's Devices API base URL. Default: the environment's. */
    public Builder devicesUrl(String devicesUrl) {
      this.devicesUrl = Objects.requireNonNull(devicesUrl, "devicesUrl == null");
      return this;
    }

    /** Overrides the environment's Web3 login base URL. Default: the environment's. */
    public Builder authUrl(String authUrl) {
      this.authUrl = Objects.requireNonNull(authUrl, "authUrl == null");
      return this;
    }

    /** Overrides the environment's Token Exchange base URL. Default: the environment's. */
    public Builder tokenExchangeUrl(String tokenExchangeUrl) {
      this.tokenExchangeUrl = Objects.requireNonNull(tokenExchangeUrl, "tokenExchangeUrl == null");
      return this;
    }

    /** Overrides the chain id payloads must be signed for. Default: the environment's. */
    public Builder chainId(long chainId) {
      if (chainId <= 0) {
        throw new IllegalArgumentException("chainId must be positive: " + chainId);
      }
      this.chainId = chainId;
      return this;
    }

    /** Overrides the registry (verifyingContract) payloads must name. Default: the environment's. */
    public Builder registryAddress(Address registryAddress) {
      this.registryAddress = Objects.requireNonNull(registryAddress, "registryAddress == null");
      return this;
    }

    /** Overrides the vehicle NFT contract used for token exchange. Default: the environment's. */
    public Builder vehicleNftContract(Address vehicleNftContract) {
      this.vehicleNftContract =
          Objects.requireNonNull(vehicleNftContract, "vehicleNftContract == null");
      return this;
    }

    /**
     * An OkHttp client to share its connection pool, dispatcher, proxy, TLS and interceptors.
     * The SDK derives its own clients with {@code newBuilder()} and never changes this one.
     * Default: a new {@code OkHttpClient}.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /** TCP/TLS connect timeout; default 10 s. {@code Duration.ZERO} means none. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = timeout(connectTimeout, "connectTimeout");
      return this;
    }

    /** Timeout between bytes while reading an answer; default 30 s. Zero means none. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = timeout(readTimeout, "readTimeout");
      return this;
    }

    /** Timeout between bytes while writing a request; default 30 s. Zero means none. */
    public Builder writeTimeout(Duration writeTimeout) {
      this.writeTimeout = timeout(writeTimeout, "writeTimeout");
      return this;
    }

    /**
     * Limit for one whole call, retries and their waits included; default none
     * ({@code Duration.ZERO}) — retries are bounded by {@link RetryPolicy}.
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = timeout(callTimeout, "callTimeout");
      return this;
    }

    /** The {@code User-Agent} header; default {@link #DEFAULT_USER_AGENT}. */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent == null");
      // Fails here, not on the first request, for characters a header cannot carry.
      new okhttp3.Headers.Builder().add("User-Agent", userAgent);
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Source of the user access token for {@code userToken} operations (most of the Devices API
     * and the token exchange): {@link TokenProvider#of(String)} or
     * {@link TokenProvider#web3Login}. Default: none — such operations then fail before
     * sending with a {@link DimoConfigurationException}.
     */
    public Builder userToken(TokenProvider userTokens) {
      this.userTokens = Objects.requireNonNull(userTokens, "userTokens == null");
      return this;
    }

    /**
     * Source of vehicle privilege tokens for {@code vehicleToken} operations (vehicle commands),
     * typically {@link VehicleTokenProvider#tokenExchange()}. Default: none — commands then fail
     * before sending with a {@link DimoConfigurationException}.
     */
    public Builder vehicleTokens(VehicleTokenProvider vehicleTokens) {
      this.vehicleTokens = Objects.requireNonNull(vehicleTokens, "vehicleTokens == null");
      return this;
    }

    /** When safe calls are repeated; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** Time source for token expiry and Retry-After dates; default {@code Clock.systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How retry backoffs and mint polls wait; default {@link Sleeper#system()}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Randomness for backoff jitter; default {@code ThreadLocalRandom}. */
    public Builder random(Random random) {
      Objects.requireNonNull(random, "random == null");
      this.random = random::nextDouble;
      return this;
    }

    /**
     * How long before expiry cached tokens are renewed; default 60 s (halfway through the life
     * of a token that lives less than twice this).
     */
    public Builder tokenRefreshMargin(Duration tokenRefreshMargin) {
      this.tokenRefreshMargin = timeout(tokenRefreshMargin, "tokenRefreshMargin");
      return this;
    }

    /** First wait between {@link DimoClient#waitForMint} polls; default 2 s. */
    public Builder pollInterval(Duration pollInterval) {
      Objects.requireNonNull(pollInterval, "pollInterval == null");
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * Logs HTTP traffic at {@code level} to {@code logger}. The Authorization and cookie headers
     * are redacted, and JWTs, long hex strings (keys, signatures) and token or signature fields
     * are masked in every line. One-shot bodies (state-changing calls) are not logged. Default:
     * no logging.
     */
    public Builder httpLogging(HttpLoggingInterceptor.Level level,
        HttpLoggingInterceptor.Logger logger) {
      this.loggingLevel = Objects.requireNonNull(level, "level == null");
      this.logger = Objects.requireNonNull(logger, "logger == null");
      return this;
    }

    public DimoClient build() {
      return new DimoClient(this);
    }

    Environment effectiveEnvironment() {
      Environment.Builder env = environment.newBuilder();
      if (devicesUrl != null) {
        env.devicesUrl(devicesUrl);
      }
      if (authUrl != null) {
        env.authUrl(authUrl);
      }
      if (tokenExchangeUrl != null) {
        env.tokenExchangeUrl(tokenExchangeUrl);
      }
      if (chainId != null) {
        env.chainId(chainId);
      }
      if (registryAddress != null) {
        env.registryAddress(registryAddress);
      }
      if (vehicleNftContract != null) {
        env.vehicleNftContract(vehicleNftContract);
      }
      return env.build();
    }

    private static Duration timeout(Duration duration, String name) {
      Objects.requireNonNull(duration, name + " == null");
      if (duration.isNegative()) {
        throw new IllegalArgumentException(name + " < 0: " + duration);
      }
      return duration;
    }
  }
}
