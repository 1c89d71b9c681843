package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static zone.dimo.sdk.TestSupport.USER_TOKEN;
import static zone.dimo.sdk.TestSupport.clientFor;
import static zone.dimo.sdk.TestSupport.json;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import zone.dimo.sdk.errors.BadRequestException;
import zone.dimo.sdk.errors.DimoAuthenticationException;
import zone.dimo.sdk.errors.DimoServiceException;
import zone.dimo.sdk.errors.PermissionDeniedException;
import zone.dimo.sdk.errors.UnauthorizedException;
import zone.dimo.sdk.signing.Address;

/** The Token Exchange's current contract: asset DIDs, permission names, claims, its refusals. */
class ExchangeContractTest {
  static final String LICENSE = "0x469a5356156c1A6c9018aF54329ac68C053315f3";
  static final String VEHICLE = "did:erc721:80002:0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8:21000";

  private final MockWebServer server = new MockWebServer();
  private DimoClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = clientFor(server, new TestSupport.RecordingSleeper())
        .userToken(TokenProvider.of(USER_TOKEN)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void assetDidsAreBuiltFromTheEnvironmentAndReadBack() {
    AssetDid vehicle = AssetDid.vehicle(Environment.DEV, 21000);
    assertEquals(VEHICLE, vehicle.toString());
    assertEquals(vehicle, AssetDid.parse(VEHICLE.toLowerCase()));
    assertEquals("did:ethr:137:" + LICENSE,
        AssetDid.ethr(137, Address.fromHex(LICENSE)).toString());
    assertEquals("Not an asset DID; expected did:erc721:<chainId>:<contract>:<tokenId> or"
        + " did:ethr:<chainId>:<address>: did:web:example.com",
        assertThrows(IllegalArgumentException.class, () -> AssetDid.parse("did:web:example.com"))
            .getMessage());
  }

  @Test
  void permissionNamesAndPrivilegeIdsMapBothWays() {
    for (Permission permission : Permission.values()) {
      assertEquals(permission, Permission.fromWireName(permission.wireName()));
      assertEquals(permission, Permission.fromPrivilegeId(permission.privilegeId()));
    }
    assertEquals("privilege:ExecuteCommands", Permission.fromPrivilegeId(2).wireName());
    assertEquals("Unknown privilege id 9; DIMO's privilege ids are 1 to 8",
        assertThrows(IllegalArgumentException.class, () -> Permission.fromPrivilegeId(9))
            .getMessage());
  }

  @Test
  void theIssuedTokensClaimsAreReadableWithoutTheToken() {
    long exp = Instant.now().getEpochSecond() + 600;
    String token = TestSupport.jwtWithClaims("{\"sub\":\"" + LICENSE + "\",\"exp\":" + exp
        + ",\"aud\":[\"dimo.zone\"],\"asset\":\"" + VEHICLE + "\",\"permissions\":"
        + "[\"privilege:ExecuteCommands\",\"privilege:GetLiveData\"],\"token_id\":\"21000\"}");
    server.enqueue(json(200, "{\"token\":\"" + token + "\"}"));

    VehicleTokenClaims claims = client.vehicleTokens().claims(21000,
        EnumSet.of(Permission.EXECUTE_COMMANDS, Permission.GET_LIVE_DATA));

    assertEquals(VEHICLE, claims.asset());
    assertEquals(Arrays.asList("privilege:ExecuteCommands", "privilege:GetLiveData"),
        claims.permissions());
    assertEquals(Collections.singletonList("dimo.zone"), claims.audience());
    assertEquals(LICENSE, claims.subject());
    assertEquals(Instant.ofEpochSecond(exp), claims.expiresAt());
    assertEquals("VehicleTokenClaims{asset=" + VEHICLE + ", permissions=[privilege:ExecuteCommands,"
        + " privilege:GetLiveData], audience=[dimo.zone], subject=" + LICENSE + ", expiresAt="
        + Instant.ofEpochSecond(exp) + "}", claims.toString());
    assertEquals("Not a readable JWT (6 characters; not shown)", assertThrows(
        IllegalArgumentException.class, () -> VehicleTokenClaims.read("secret")).getMessage());
  }

  @Test
  void missingGrantsNameTheVehicleThePermissionsAndHowToGrantThem() {
    server.enqueue(json(403, "{\"code\":403,\"message\":\"Address " + LICENSE
        + " lacks permissions [2 1] for asset " + VEHICLE + ".\"}"));

    DimoAuthenticationException e = assertThrows(DimoAuthenticationException.class,
        () -> client.vehicleCommands().lockDoors(21000L).execute());

    String denied = "the owner of " + VEHICLE + " has not granted " + LICENSE
        + " privilege:ExecuteCommands, privilege:GetNonLocationHistory; an owner grants"
        + " permissions by sharing the vehicle with the developer license (Login with DIMO, or"
        + " sharing in the DIMO app)";
    assertEquals("lockDoors(21000): could not get a vehicle token: " + denied, e.getMessage());
    PermissionDeniedException cause = assertInstanceOf(PermissionDeniedException.class,
        e.getCause());
    assertEquals(VEHICLE, cause.asset());
    assertEquals(LICENSE, cause.grantee());
    assertEquals(Arrays.asList("privilege:ExecuteCommands", "privilege:GetNonLocationHistory"),
        cause.missingPermissions());
    assertEquals(403, ((DimoServiceException) cause.getCause()).statusCode());
  }

  @Test
  void aUserTokenRefusedAsNoLicenseSaysToLogInAsOne() {
    server.enqueue(json(403, "{\"code\":403,\"message\":\"not a dev license: 0xAbC\"}"));

    DimoAuthenticationException e = assertThrows(DimoAuthenticationException.class,
        () -> client.vehicleCommands().lockDoors(21000L).execute());

    assertEquals("lockDoors(21000): could not get a vehicle token: the Token Exchange issues"
        + " vehicle tokens for " + VEHICLE + " only to developer licenses and refused the caller"
        + " (not a dev license: 0xAbC); log in as your license with"
        + " DimoClient.builder().developerLicense(license, redirectUri, apiKey)", e.getMessage());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "400|missing or malformed JWT|BadRequestException",
      "400|Couldn't parse request body.|BadRequestException",
      "400|Invalid asset DID \"did:x\": bad|BadRequestException",
      "400|unknown privileges [9]|BadRequestException",
      "400|Please provide at least one privilege or cloudevent|BadRequestException",
      "400|failed to fetch source document from IPFS|BadRequestException",
      "401|No Ethereum address claim found.|UnauthorizedException"})
  void theServicesOtherRefusalsKeepTheirStatusAndText(int status, String text, String type) {
    server.enqueue(new MockResponse.Builder().code(status).body(text).build());

    DimoAuthenticationException e = assertThrows(DimoAuthenticationException.class,
        () -> client.vehicleCommands().lockDoors(21000L).execute());

    DimoServiceException cause = (DimoServiceException) e.getCause();
    assertEquals(type, cause.getClass().getSimpleName());
    assertEquals(status, cause.statusCode());
    assertEquals(text, cause.errorMessage());
    assertEquals("lockDoors(21000): could not get a vehicle token: exchangeToken failed: HTTP "
        + status + ": " + text, e.getMessage());
    assertNull(status == 401 ? null : assertInstanceOf(BadRequestException.class, cause)
        .header("x-none"));
    if (status == 401) {
      assertInstanceOf(UnauthorizedException.class, cause);
    }
  }
}
