package zone.dimo.sdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.signing.Address;
import zone.dimo.sdk.signing.PrivateKey;

class DimoSandboxTest {
  @Test
  void startsOnAnEphemeralLoopbackPortWithThreeBaseUrls() {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      assertTrue(sandbox.port() > 0);
      assertEquals("http://127.0.0.1:" + sandbox.port(), sandbox.devicesUrl());
      assertEquals(sandbox.devicesUrl() + "/auth-server", sandbox.authUrl());
      assertEquals(sandbox.devicesUrl() + "/token-exchange", sandbox.tokenExchangeUrl());
      SandboxHttp http = new SandboxHttp(sandbox);
      assertEquals(200, http.get("/v1/synthetic/device/512", null).status());
    }
  }

  @Test
  void defaultsAreTheDevelopmentChain() {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      assertEquals(80002, sandbox.chainId());
      assertEquals(Address.fromHex("0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c"), sandbox.registryAddress());
      assertEquals(Address.fromHex("0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8"), sandbox.vehicleNftContract());
      assertEquals("http://localhost:8080/callback", sandbox.domain());
      assertEquals(Address.fromHex(sandbox.clientId()).toChecksumHex(), sandbox.clientId());
      assertEquals("sandbox-smartcar-code", sandbox.smartcarCode());
    }
  }

  @Test
  void builderOptionsAreApplied() {
    Address registry = Address.fromHex("0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC");
    Address nft = Address.fromHex("0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF");
    try (DimoSandbox sandbox = DimoSandbox.builder().chainId(137).registryAddress(registry)
        .vehicleNftContract(nft).clientId("my-client").domain("https://example.com/cb").start()) {
      assertEquals(137, sandbox.chainId());
      assertEquals(registry, sandbox.registryAddress());
      assertEquals(nft, sandbox.vehicleNftContract());
      assertEquals("my-client", sandbox.clientId());
      assertEquals("https://example.com/cb", sandbox.domain());
      SandboxHttp.Answer challenge = new SandboxHttp(sandbox).generateChallenge(
          PrivateKey.generate(new java.security.SecureRandom()).address().toChecksumHex());
      assertEquals(200, challenge.status());
    }
  }

  @Test
  void builderRefusesBadValues() {
    assertThrows(IllegalArgumentException.class, () -> DimoSandbox.builder().port(-1));
    assertThrows(IllegalArgumentException.class, () -> DimoSandbox.builder().port(65536));
    assertThrows(IllegalArgumentException.class, () -> DimoSandbox.builder().chainId(0));
    assertThrows(IllegalArgumentException.class, () -> DimoSandbox.builder().pendingReads(-1));
    assertThrows(IllegalArgumentException.class, () -> DimoSandbox.builder().accessTokenLifetime(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> DimoSandbox.builder().registryAddress(null));
    assertThrows(NullPointerException.class, () -> DimoSandbox.builder().clock(null));
  }

  @Test
  void aFixedPortThatIsTakenFails() {
    try (DimoSandbox first = DimoSandbox.start()) {
      assertThrows(UncheckedIOException.class, () -> DimoSandbox.start(first.port()));
    }
  }

  @Test
  void provisionsThreeDevicesAndThreeDefinitions() {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      assertEquals(3, sandbox.aftermarketDevices().size());
      Set<Long> tokenIds = new HashSet<>();
      for (AftermarketDevice d : sandbox.aftermarketDevices()) {
        PrivateKey key = d.privateKey();
        assertEquals(d.address(), key.address());
        key.destroy();
        assertTrue(!d.privateKey().isDestroyed(), "each call returns a fresh copy");
        tokenIds.add(d.tokenId());
        assertTrue(!d.toString().contains(d.privateKey().exportHex().substring(2)));
      }
      assertEquals(Set.of(1337L, 1338L, 1339L), tokenIds);
      assertEquals(3, sandbox.deviceDefinitions().size());
      Set<String> wmis = new HashSet<>();
      for (DeviceDefinition d : sandbox.deviceDefinitions()) {
        wmis.add(d.wmi());
        assertTrue(d.sampleVin().startsWith(d.wmi()));
        assertEquals(17, d.sampleVin().length());
        assertNotEquals(d.sampleVin(), d.vin(7));
      }
      assertEquals(Set.of("1FM", "5YJ", "JTM"), wmis);
      assertEquals(java.util.List.of(512L, 513L), sandbox.syntheticDeviceTokenIds());
    }
  }

  @Test
  void closeIsIdempotentAndReleasesAwaitClose() throws Exception {
    DimoSandbox sandbox = DimoSandbox.start();
    Thread waiter = new Thread(() -> {
      try {
        sandbox.awaitClose();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    sandbox.close();
    sandbox.close();
    waiter.join(TimeUnit.SECONDS.toMillis(5));
    assertTrue(!waiter.isAlive());
  }

  @Test
  void twoSandboxesAreIndependent() {
    try (DimoSandbox a = DimoSandbox.start(); DimoSandbox b = DimoSandbox.start()) {
      assertNotEquals(a.port(), b.port());
      PrivateKey user = PrivateKey.generate(new java.security.SecureRandom());
      String tokenA = new SandboxHttp(a).login(user);
      assertEquals(401, new SandboxHttp(b).get("/v1/user/devices/me", tokenA).status(),
          "each sandbox signs with its own secret");
    }
  }

  @Test
  void toStringShowsUrlsOnly() {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      assertTrue(sandbox.toString().contains(sandbox.devicesUrl()));
    }
  }

  @Test
  void provisionsTwoDeveloperLicenses() {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      assertEquals(2, sandbox.developerLicenses().size());
      DeveloperLicense one = sandbox.developerLicenses().get(0);
      DeveloperLicense two = sandbox.developerLicenses().get(1);
      assertEquals(Address.fromHex("0x469a5356156c1A6c9018aF54329ac68C053315f3"), one.address());
      assertEquals("http://localhost:8080/license-1/callback", one.redirectUri());
      assertEquals(Address.fromHex("0x785E4086515754f939C21b917EfE356F9cCCa4D7"), two.address());
      assertEquals("http://localhost:8080/license-2/callback", two.redirectUri());
      PrivateKey key = one.apiKey();
      assertEquals(Address.fromHex("0xD2e21912B32968a5153EC750E9eA24c7C9dF5C1d"), key.address());
      key.destroy();
      assertTrue(!one.apiKey().isDestroyed(), "each call is a new copy");
      assertEquals("DeveloperLicense[address=" + one.address() + ", redirectUri=http://localhost:8080/license-1/callback]",
          one.toString());
      assertEquals(false, sandbox.strictDeveloperLicenses());
      assertEquals(true, sandbox.loginSharesAllVehicles());
    }
    try (DimoSandbox sandbox = DimoSandbox.builder().strictDeveloperLicenses(true).loginSharesAllVehicles(false).start()) {
      assertEquals(true, sandbox.strictDeveloperLicenses());
      assertEquals(false, sandbox.loginSharesAllVehicles());
    }
  }

  @Test
  void sharePermissionsChecksItsArguments() {
    try (DimoSandbox sandbox = DimoSandbox.start()) {
      Address grantee = sandbox.developerLicenses().get(0).address();
      IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
          () -> sandbox.sharePermissions(21000, grantee, "privilege:Nope"));
      assertEquals("unknown permission privilege:Nope; known: [privilege:GetNonLocationHistory, privilege:ExecuteCommands,"
          + " privilege:GetCurrentLocation, privilege:GetLocationHistory, privilege:GetVINCredential, privilege:GetLiveData,"
          + " privilege:GetRawData, privilege:GetApproximateLocation]", unknown.getMessage());
      assertEquals("no permissions",
          assertThrows(IllegalArgumentException.class, () -> sandbox.sharePermissions(21000, grantee)).getMessage());
      assertEquals("no minted vehicle with token id 21000", assertThrows(IllegalStateException.class,
          () -> sandbox.sharePermissions(21000, grantee, "privilege:ExecuteCommands")).getMessage());
      assertEquals("grantee == null", assertThrows(NullPointerException.class,
          () -> sandbox.sharePermissions(21000, null, "privilege:ExecuteCommands")).getMessage());
    }
  }
}
