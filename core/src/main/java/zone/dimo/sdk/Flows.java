package zone.dimo.sdk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import zone.dimo.sdk.devices.api.AftermarketDevicesApi;
import zone.dimo.sdk.devices.api.UserDevicesApi;
import zone.dimo.sdk.devices.model.AftermarketDeviceClaimRequest;
import zone.dimo.sdk.devices.model.AftermarketDevicePairRequest;
import zone.dimo.sdk.devices.model.MetaTransactionStatus;
import zone.dimo.sdk.devices.model.MyDevicesResponse;
import zone.dimo.sdk.devices.model.UpdateVinRequest;
import zone.dimo.sdk.devices.model.UserDevice;
import zone.dimo.sdk.devices.model.VehicleMintRequest;
import zone.dimo.sdk.devices.model.VehicleNftData;
import zone.dimo.sdk.errors.DimoDecodingException;
import zone.dimo.sdk.errors.DimoException;
import zone.dimo.sdk.errors.DimoServiceException;
import zone.dimo.sdk.errors.DimoTimeoutException;
import zone.dimo.sdk.errors.ErrorResponse;
import zone.dimo.sdk.errors.MintFailedException;
import zone.dimo.sdk.errors.NotFoundException;
import zone.dimo.sdk.errors.PayloadMismatchException;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.EthSigner;
import zone.dimo.sdk.signing.Keccak256;
import zone.dimo.sdk.signing.eip712.Eip712;
import zone.dimo.sdk.signing.eip712.TypedData;
import zone.dimo.sdk.spec.DimoCall;

/**
 * The signing flows behind {@link DimoClient}: fetch a payload as raw bytes, parse it exactly,
 * check it against the environment, sign, submit.
 */
final class Flows {
  static final List<String> MINT_TYPES =
      Arrays.asList("MintVehicleSign", "MintVehicleWithDeviceDefinitionSign");
  static final List<String> CLAIM_TYPES = Collections.singletonList("ClaimAftermarketDeviceSign");
  static final List<String> PAIR_TYPES = Collections.singletonList("PairAftermarketDeviceSign");
  static final List<String> UNPAIR_TYPES =
      Collections.singletonList("UnPairAftermarketDeviceSign");

  private static final int MAX_POLL_MULTIPLIER = 8;

  private static final java.util.regex.Pattern VIN = java.util.regex.Pattern.compile("[A-Z0-9]{17}");

  private final UserDevicesApi userDevices;
  private final AftermarketDevicesApi aftermarketDevices;
  private final Environment environment;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollInterval;

  Flows(UserDevicesApi userDevices, AftermarketDevicesApi aftermarketDevices,
      Environment environment, Clock clock, Sleeper sleeper, Duration pollInterval) {
    this.userDevices = userDevices;
    this.aftermarketDevices = aftermarketDevices;
    this.environment = environment;
    this.clock = clock;
    this.sleeper = sleeper;
    this.pollInterval = pollInterval;
  }

  void confirmVin(String userDeviceId, String vin, EthSigner aftermarketDevice) {
    Arguments.pathValue("confirmVin", "userDeviceId", userDeviceId);
    Arguments.present("confirmVin", "vin", vin);
    Arguments.present("confirmVin", "aftermarketDevice", aftermarketDevice);
    if (!VIN.matcher(vin).matches()) {
      // The service's own rule (UpdateVINReq): refuse here rather than spend a device signature.
      throw new IllegalArgumentException("confirmVin: vin must be 17 upper-case letters or"
          + " digits, was " + vin.length() + " characters: " + Arguments.shorten(vin));
    }
    // The service recovers the signer of keccak256(VIN) and accepts it when that is the paired
    // aftermarket device: a raw digest signature, not personal_sign.
    EthSignature signature =
        aftermarketDevice.signDigest(Keccak256.hash(vin.getBytes(StandardCharsets.US_ASCII)));
    userDevices.updateVin(userDeviceId,
        UpdateVinRequest.builder().vin(vin).signature(signature.toHex()).build()).execute();
  }

  // The service's swagger marks the payload GETs deprecated; they are still the only source of
  // the payloads the registry contract verifies.
  @SuppressWarnings("deprecation")
  void mint(String userDeviceId, EthSigner signer, byte[] png, byte[] transparentPng) {
    Arguments.pathValue("mintVehicle", "userDeviceId", userDeviceId);
    Arguments.present("mintVehicle", "signer", signer);
    Arguments.present("mintVehicle", "png", png);
    TypedData payload = payload(userDevices.getMintPayload(userDeviceId), MINT_TYPES);
    EthSignature signature = Eip712.sign(payload, signer);
    VehicleMintRequest request = VehicleMintRequest.builder()
        .imageData(Base64.getEncoder().encodeToString(png))
        .imageDataTransparent(transparentPng == null ? null : Base64.getEncoder().encodeToString(transparentPng))
        .signature(signature.toHex())
        .build();
    userDevices.submitMint(userDeviceId, request).execute();
  }

  void claim(String serial, EthSigner userSigner, EthSigner deviceSigner,
      EthSignature deviceSignature) {
    Arguments.pathValue("claimAftermarketDevice", "serial", serial);
    Arguments.present("claimAftermarketDevice", "userSigner", userSigner);
    TypedData payload = payload(aftermarketDevices.getClaimPayload(serial), CLAIM_TYPES);
    EthSignature user = Eip712.sign(payload, userSigner);
    EthSignature device = deviceSignature != null ? deviceSignature : Eip712.sign(payload, deviceSigner);
    AftermarketDeviceClaimRequest request = AftermarketDeviceClaimRequest.builder()
        .userSignature(user.toHex())
        .aftermarketDeviceSignature(device.toHex()).build();
    aftermarketDevices.submitClaim(serial, request).execute();
  }

  // The service's swagger marks the payload GETs deprecated; they are still the only source of
  // the payloads the registry contract verifies.
  @SuppressWarnings("deprecation")
  void pair(String userDeviceId, String serial, EthSigner userSigner, EthSigner deviceSigner) {
    Arguments.pathValue("pairAftermarketDevice", "userDeviceId", userDeviceId);
    Arguments.pathValue("pairAftermarketDevice", "serial", serial);
    Arguments.present("pairAftermarketDevice", "userSigner", userSigner);
    TypedData payload = payload(
        aftermarketDevices.getPairPayload(userDeviceId, serial), PAIR_TYPES);
    aftermarketDevices.submitPair(userDeviceId,
        pairRequest(payload, serial, userSigner, deviceSigner)).execute();
  }

  // The service's swagger marks the payload GETs deprecated; they are still the only source of
  // the payloads the registry contract verifies.
  @SuppressWarnings("deprecation")
  void unpair(String userDeviceId, String serial, EthSigner userSigner, EthSigner deviceSigner) {
    Arguments.pathValue("unpairAftermarketDevice", "userDeviceId", userDeviceId);
    Arguments.pathValue("unpairAftermarketDevice", "serial", serial);
    Arguments.present("unpairAftermarketDevice", "userSigner", userSigner);
    TypedData payload = payload(
        aftermarketDevices.getUnpairPayload(userDeviceId), UNPAIR_TYPES);
    aftermarketDevices.submitUnpair(userDeviceId,
        pairRequest(payload, serial, userSigner, deviceSigner)).execute();
  }

  long waitForMint(String userDeviceId, Duration timeout) {
    Arguments.pathValue("waitForMint", "userDeviceId", userDeviceId);
    Arguments.present("waitForMint", "timeout", timeout);
    Instant deadline = clock.instant().plus(timeout);
    Duration wait = pollInterval;
    Duration maxWait = pollInterval.multipliedBy(MAX_POLL_MULTIPLIER);
    MetaTransactionStatus last = null;
    while (true) {
      VehicleNftData nft = nftOf(userDeviceId);
      last = nft == null ? null : nft.status();
      if (last == MetaTransactionStatus.CONFIRMED) {
        if (nft.tokenId() == null) {
          throw new DimoDecodingException("listMyVehicles: vehicle " + userDeviceId
              + " is Confirmed but has no tokenId", 200, "", null);
        }
        return nft.tokenId();
      }
      if (last == MetaTransactionStatus.FAILED) {
        throw new MintFailedException(userDeviceId, nft.failureReason());
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw new DimoTimeoutException("Vehicle " + userDeviceId + " was not minted within "
            + timeout + " (last status: " + (last == null ? "none" : last.value()) + ")");
      }
      Duration left = Duration.between(now, deadline);
      try {
        sleeper.sleep(wait.compareTo(left) < 0 ? wait : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DimoException("Interrupted while waiting for the mint of " + userDeviceId, e);
      }
      wait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
    }
  }

  private VehicleNftData nftOf(String userDeviceId) {
    MyDevicesResponse mine = userDevices.listMyVehicles().execute();
    if (mine == null || mine.userDevices() == null) {
      throw new NotFoundException(notFound(userDeviceId));
    }
    for (UserDevice device : mine.userDevices()) {
      if (userDeviceId.equals(device.id())) {
        return device.nft();
      }
    }
    throw new NotFoundException(notFound(userDeviceId));
  }

  private static ErrorResponse notFound(String userDeviceId) {
    return ErrorResponse.of("waitForMint", 404, Collections.<String, List<String>>emptyMap(),
        null, "vehicle " + userDeviceId + " is not among the user's vehicles", "");
  }

  private static AftermarketDevicePairRequest pairRequest(TypedData payload, String serial,
      EthSigner userSigner, EthSigner deviceSigner) {
    return AftermarketDevicePairRequest.builder()
        .externalId(Serials.normalize(serial))
        .signature(Eip712.sign(payload, userSigner).toHex())
        .aftermarketDeviceSignature(deviceSigner == null ? null : Eip712.sign(payload, deviceSigner).toHex())
        .build();
  }

  /** Fetches a payload's exact bytes, parses them and checks them; never signs on mismatch. */
  private TypedData payload(DimoCall<?> call, List<String> primaryTypes) {
    byte[] raw = ((RealDimoCall<?, ?>) call).executeBytes();
    TypedData typedData;
    try {
      typedData = TypedDataJson.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new DimoDecodingException("The signing payload is not valid typed data: "
          + Failures.describe(e), 200, new String(raw, StandardCharsets.UTF_8),
          e);
    }
    check(typedData, primaryTypes, environment);
    return typedData;
  }

  /** Refuses a payload whose domain or primary type is not this environment's. */
  static void check(TypedData payload, List<String> primaryTypes, Environment environment) {
    if (!primaryTypes.contains(payload.primaryType())) {
      throw new PayloadMismatchException("primaryType", String.join(" or ", primaryTypes),
          String.valueOf(payload.primaryType()));
    }
    Map<String, Object> domain = payload.domain();
    expectEqual("domain.name", "DIMO", domain.get("name"));
    expectEqual("domain.version", "1", domain.get("version"));
    Object chainId = domain.get("chainId");
    BigInteger actualChain = chainIdOf(chainId);
    if (actualChain == null || !actualChain.equals(BigInteger.valueOf(environment.chainId()))) {
      // Both in decimal, and the environment that would match, if DIMO has one.
      Environment match = known(env -> actualChain != null
          && actualChain.equals(BigInteger.valueOf(env.chainId())));
      throw new PayloadMismatchException("domain.chainId",
          environment.chainId() + " (" + describe(environment) + ")",
          actualChain != null ? actualChain.toString() : describe(chainId), advice(match));
    }
    Object contract = domain.get("verifyingContract");
    Address actualContract = addressOf(contract);
    if (actualContract == null || !actualContract.equals(environment.registryAddress())) {
      Environment match = known(env -> env.registryAddress().equals(actualContract));
      throw new PayloadMismatchException("domain.verifyingContract",
          environment.registryAddress().toChecksumHex() + " (" + describe(environment) + ")",
          actualContract != null ? actualContract.toChecksumHex() : describe(contract),
          advice(match));
    }
  }

  private static final List<Environment> KNOWN =
      Arrays.asList(Environment.PRODUCTION, Environment.DEV);

  /** DIMO's deployment that {@code test} picks, or null. */
  private static @Nullable Environment known(Predicate<Environment> test) {
    for (Environment known : KNOWN) {
      if (test.test(known)) {
        return known;
      }
    }
    return null;
  }

  private static String constant(Environment known) {
    return known == Environment.PRODUCTION ? "Environment.PRODUCTION" : "Environment.DEV";
  }

  private static String describe(Environment environment) {
    // URLs aside: PRODUCTION.newBuilder() behind a proxy still signs for production's chain.
    Environment known = known(env -> env.name().equals(environment.name())
        && env.chainId() == environment.chainId()
        && env.registryAddress().equals(environment.registryAddress()));
    return known != null ? constant(known)
        : "the client's Environment \"" + environment.name() + "\"";
  }

  private static String advice(@Nullable Environment match) {
    if (match == null) {
      return "check the service URL and the Environment given to DimoClient.builder()";
    }
    return "for " + match.name().toUpperCase(Locale.ROOT) + " use " + constant(match);
  }


  private static void expectEqual(String field, String expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new PayloadMismatchException(field, expected, describe(actual));
    }
  }

  private static String describe(Object value) {
    return value == null ? "<missing>" : value.toString();
  }

  private static BigInteger chainIdOf(Object value) {
    try {
      if (value instanceof BigInteger) {
        return (BigInteger) value;
      }
      if (value instanceof Number) {
        return new BigDecimal(value.toString()).toBigIntegerExact();
      }
      if (value instanceof String) {
        String text = (String) value;
        if (text.startsWith("0x") || text.startsWith("0X")) {
          return new BigInteger(text.substring(2), 16);
        }
        return new BigInteger(text);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
    return null;
  }

  private static Address addressOf(Object value) {
    if (!(value instanceof String)) {
      return null;
    }
    try {
      return Address.fromHex((String) value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
