package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;
import static zone.dimo.sdk.TestSupport.clientFor;
import static zone.dimo.sdk.TestSupport.json;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import zone.dimo.sdk.devices.model.CreateVehicleRequest;
import zone.dimo.sdk.errors.DimoAuthenticationException;
import zone.dimo.sdk.errors.DimoDecodingException;
import zone.dimo.sdk.errors.ServerErrorException;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;

/**
 * The rule at the public boundary: what the client can check before sending is refused with an
 * {@link IllegalArgumentException} naming the call and the parameter, and nothing is sent;
 * everything after sending is a typed DimoException that names the call the caller made.
 */
class ArgumentsTest {
  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
  private DimoClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN))
        .vehicleTokens(VehicleTokenProvider.of(USER_TOKEN)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> badArguments() {
    char[] huge = new char[100 * 1024];
    Arrays.fill(huge, 'a');
    Secp256k1Signer signer = Secp256k1Signer.of(PrivateKey.fromHex(TestSupport.PRIVATE_KEY_HEX));
    return Stream.of(
        bad("getMintPayload: userDeviceId is null",
            c -> c.userDevices().getMintPayload(null)),
        bad("getMintPayload: userDeviceId is empty",
            c -> c.userDevices().getMintPayload("")),
        bad("getMintPayload: userDeviceId is empty",
            c -> c.userDevices().getMintPayload("   ")),
        bad("getAftermarketDevice: serial is 102400 characters long; at most 1024 are accepted",
            c -> c.aftermarketDevices().getAftermarketDevice(new String(huge))),
        bad("optIn: userDeviceId contains a control character at index 2",
            c -> c.userDevices().optIn("ab\ncd")),
        bad("lockDoors: tokenId is null", c -> c.vehicleCommands().lockDoors(null)),
        bad("lockDoors: tokenId is negative: -1", c -> c.vehicleCommands().lockDoors(-1L)),
        bad("createVehicle: the request body is null", c -> c.userDevices().createVehicle(null)),
        bad("mintVehicle: userDeviceId is empty",
            c -> {
              c.mintVehicle("", signer, new byte[] {1});
              return null;
            }),
        bad("mintVehicle: signer is null", c -> {
          c.mintVehicle("ud1", null, new byte[] {1});
          return null;
        }),
        bad("pairAftermarketDevice: serial is null",
            c -> {
              c.pairAftermarketDevice("ud1", null, signer);
              return null;
            }),
        bad("confirmVin: vin must be 17 upper-case letters or digits, was 102400 characters: "
            + new String(huge, 0, 64) + "… (102336 more characters)",
            c -> {
              c.confirmVin("ud1", new String(huge), signer);
              return null;
            }));
  }

  interface Use {
    Object on(DimoClient client);
  }

  private static org.junit.jupiter.params.provider.Arguments bad(String message, Use use) {
    return org.junit.jupiter.params.provider.Arguments.of(message, use);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badArguments")
  void badArgumentsAreRefusedBeforeAnythingIsSent(String message, Use use) {
    Executable run = () -> {
      Object result = use.on(client);
      if (result instanceof zone.dimo.sdk.spec.DimoCall) {
        ((zone.dimo.sdk.spec.DimoCall<?>) result).execute();
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, run);

    assertEquals(message, e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void serialsAreSentTrimmedAndInLowerCase() throws Exception {
    server.enqueue(json(200, "{}"));

    client.aftermarketDevices().getAftermarketDevice(" AP09C31A65 ").execute();

    assertEquals("/v1/aftermarket/device/by-serial/ap09c31a65",
        server.takeRequest().getUrl().encodedPath());
  }

  @Test
  void anUndecodableAnswerReportsItsRealStatus() {
    server.enqueue(json(201, "{\"userDevice\":"));

    DimoDecodingException e = assertThrows(DimoDecodingException.class,
        () -> client.userDevices().createVehicle(CreateVehicleRequest.builder()
            .countryCode("USA").deviceDefinitionId("dd1").build()).execute());

    assertEquals(201, e.statusCode());
    assertEquals("createVehicle: could not decode the answer (HTTP 201)", e.getMessage()
        .substring(0, "createVehicle: could not decode the answer (HTTP 201)".length()));
  }

  @Test
  void aRefusedTokenExchangeIsReportedAsTheCallTheCallerMade() {
    server.enqueue(json(500, "{\"code\":500,\"message\":\"exchange down\"}"));
    server.enqueue(json(500, "{\"code\":500,\"message\":\"exchange down\"}"));
    server.enqueue(json(500, "{\"code\":500,\"message\":\"exchange down\"}"));
    DimoClient owner = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN)).build();

    DimoAuthenticationException e = assertThrows(DimoAuthenticationException.class,
        () -> owner.vehicleCommands().lockDoors(21000L).execute());

    // Not the exchange's 5xx: the caller made lockDoors, and nothing of it was sent.
    assertEquals("lockDoors(21000): could not get a vehicle token: exchangeToken failed: HTTP 500:"
        + " exchange down (code 500)", e.getMessage());
    ServerErrorException cause = assertInstanceOf(ServerErrorException.class, e.getCause());
    assertEquals("exchangeToken", cause.operationId());
    assertEquals(3, server.getRequestCount(), "the exchange is retried; the command never sent");
  }

  @Test
  void aVehicleTokenThatIsNotAJwtIsNeverSent() throws Exception {
    server.enqueue(json(200, "{\"token\":\"\"}"));
    server.enqueue(json(200, "{\"token\":\"" + TestSupport.jwt("v", Instant.now()
        .getEpochSecond() - 5) + "\"}"));
    DimoClient owner = clientFor(server, sleeper).userToken(TokenProvider.of(USER_TOKEN)).build();

    DimoAuthenticationException empty = assertThrows(DimoAuthenticationException.class,
        () -> owner.vehicleCommands().lockDoors(7L).execute());
    DimoAuthenticationException expired = assertThrows(DimoAuthenticationException.class,
        () -> owner.vehicleCommands().lockDoors(7L).execute());

    assertEquals("lockDoors(7): could not get a vehicle token: VehicleTokenProvider(tokenExchange)"
        + " was issued an unusable token (it is empty); it was neither cached nor sent",
        empty.getMessage());
    assertEquals(true, expired.getMessage().contains("it expired at"));
    // Two exchanges, no command: nothing unusable was cached or sent.
    assertEquals("/v1/tokens/exchange", server.takeRequest().getUrl().encodedPath());
    assertEquals("/v1/tokens/exchange", server.takeRequest().getUrl().encodedPath());
    assertEquals(2, server.getRequestCount());
  }
}
