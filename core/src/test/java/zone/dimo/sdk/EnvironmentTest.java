package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import zone.dimo.sdk.signing.Address;

class EnvironmentTest {
  @Test
  void production() {
    Environment env = Environment.PRODUCTION;
    assertEquals("https://devices-api.dimo.zone/", env.devicesUrl());
    assertEquals("https://auth.dimo.zone/", env.authUrl());
    assertEquals("https://token-exchange-api.dimo.zone/", env.tokenExchangeUrl());
    assertEquals(137, env.chainId());
    assertEquals("0xFA8beC73cebB9D88FF88a2f75E7D7312f2Fd39EC", env.registryAddress().toChecksumHex());
    assertEquals("0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF", env.vehicleNftContract().toChecksumHex());
    assertEquals("production", env.name());
  }

  @Test
  void dev() {
    Environment env = Environment.DEV;
    assertEquals("https://devices-api.dev.dimo.zone/", env.devicesUrl());
    assertEquals("https://auth.dev.dimo.zone/", env.authUrl());
    assertEquals("https://token-exchange-api.dev.dimo.zone/", env.tokenExchangeUrl());
    assertEquals(80002, env.chainId());
    assertEquals("0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c", env.registryAddress().toChecksumHex());
    assertEquals("0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8", env.vehicleNftContract().toChecksumHex());
  }

  @Test
  void newBuilderDerivesAndComparesByValue() {
    Environment local = Environment.DEV.newBuilder().name("local")
        .devicesUrl("http://localhost:8080").build();
    assertEquals("http://localhost:8080/", local.devicesUrl());
    assertEquals(Environment.DEV.authUrl(), local.authUrl());
    assertNotEquals(Environment.DEV, local);
    assertEquals(local, local.newBuilder().build());
    assertEquals(local.hashCode(), local.newBuilder().build().hashCode());
    assertEquals("Environment{local, devices=http://localhost:8080/, auth=https://auth.dev.dimo.zone/, "
        + "tokenExchange=https://token-exchange-api.dev.dimo.zone/, chainId=80002, "
        + "registry=0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c, "
        + "vehicleNft=0x45fbCD3ef7361d156e8b16F5538AE36DEdf61Da8}", local.toString());
  }

  @Test
  void builderRequiresEverything() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Environment.builder().devicesUrl("http://a").authUrl("http://b")
            .tokenExchangeUrl("http://c").chainId(1)
            .registryAddress(Address.fromHex("0x5eAA326fB2fc97fAcCe6A79A304876daD0F2e96c")).build());
    assertEquals("vehicleNftContract not set", e.getMessage());
    assertEquals("devicesUrl not set",
        assertThrows(IllegalStateException.class, () -> Environment.builder().build()).getMessage());
  }

  @Test
  void rejectsBadValues() {
    assertEquals("devicesUrl is not an http(s) URL: ftp://x",
        assertThrows(IllegalArgumentException.class,
            () -> Environment.builder().devicesUrl("ftp://x")).getMessage());
    assertEquals("chainId must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> Environment.builder().chainId(0)).getMessage());
    assertEquals("authUrl == null",
        assertThrows(NullPointerException.class, () -> Environment.builder().authUrl(null)).getMessage());
  }
}
