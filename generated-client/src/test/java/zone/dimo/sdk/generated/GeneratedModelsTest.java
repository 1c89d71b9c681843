package zone.dimo.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.auth.model.ChallengeResponse;
import zone.dimo.sdk.auth.model.TokenResponse;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeRequest;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeResponse;

/** The style promised by the model templates, checked on a few generated models. */
class GeneratedModelsTest {

  private final Moshi moshi = new Moshi.Builder().build();

  @Test
  void toStringNamesSetPropertiesButNeverPrintsValues() {
    TokenResponse token = new TokenResponse()
        .accessToken("secret-access")
        .idToken("secret-id")
        .expiresIn(3600L);

    String text = token.toString();

    assertEquals("TokenResponse{access_token, expires_in, id_token}", text);
    assertFalse(text.contains("secret"));
    assertFalse(text.contains("3600"));
    assertEquals("TokenExchangeResponse{}", new TokenExchangeResponse().toString());
  }

  @Test
  void moshiReadsAndWritesTheWireNames() throws IOException {
    TokenResponse token = moshi.adapter(TokenResponse.class).fromJson(
        "{\"access_token\":\"a\",\"token_type\":\"bearer\",\"expires_in\":3600,\"id_token\":\"i\"}");

    assertEquals("a", token.getAccessToken());
    assertEquals("bearer", token.getTokenType());
    assertEquals(3600L, token.getExpiresIn());
    assertEquals("i", token.getIdToken());

    String json = moshi.adapter(TokenExchangeRequest.class).toJson(new TokenExchangeRequest()
        .nftContractAddress("0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF")
        .privileges(List.of(1, 2))
        .tokenId(7L));
    // Unset properties (audience) are absent, not null or [].
    assertEquals("{\"nftContractAddress\":\"0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF\",\"privileges\":[1,2],\"tokenId\":7}", json);
  }

  @Test
  void equalsAndHashCodeCompareAllProperties() {
    ChallengeResponse a = new ChallengeResponse().state("s").challenge("c");
    ChallengeResponse b = new ChallengeResponse();
    b.setState("s");
    b.setChallenge("c");

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, b.challenge("other"));
  }
}
