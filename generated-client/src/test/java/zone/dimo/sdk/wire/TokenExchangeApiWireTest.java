package zone.dimo.sdk.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import zone.dimo.sdk.tokenexchange.api.TokenExchangeApi;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeErrorResponse;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeRequest;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeResponse;

class TokenExchangeApiWireTest extends WireTestSupport {

  private static final String VEHICLE_CONTRACT = "0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF";
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJ0b2tlbl9pZCI6MjE5NTd9.c2ln";

  private TokenExchangeApi api() {
    return api(TokenExchangeApi.class);
  }

  @Test
  @WireContract("exchangeToken")
  void exchangeTokenSendsNumbersForPrivilegesAndTokenId() throws Exception {
    enqueueJson(200, "{\"token\":\"" + TOKEN + "\"}");

    Response<TokenExchangeResponse> response = execute(api().exchangeToken(TokenExchangeRequest.builder()
        .nftContractAddress(VEHICLE_CONTRACT)
        .privileges(List.of(1, 2))
        .tokenId(21957L).build()), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/tokens/exchange");
    assertJsonBody(request, "{\"nftContractAddress\":\"" + VEHICLE_CONTRACT + "\","
        + "\"privileges\":[1,2],\"tokenId\":21957}");
    assertEquals(TOKEN, response.body().token());
  }

  @Test
  @WireContract("exchangeToken")
  void exchangeTokenSendsAnAudienceOnlyWhenSet() throws Exception {
    enqueueJson(200, "{\"token\":\"" + TOKEN + "\"}");

    execute(api().exchangeToken(TokenExchangeRequest.builder()
        .nftContractAddress(VEHICLE_CONTRACT)
        .privileges(List.of(2))
        .tokenId(9_007_199_254_740_993L)
        .audience(List.of("dimo.zone")).build()), 200);

    RecordedRequest request = takeRequest();
    assertRequestLine(request, "POST", "/v1/tokens/exchange");
    // 2^53 + 1: a long must reach the wire exactly, not through a double.
    assertJsonBody(request, "{\"nftContractAddress\":\"" + VEHICLE_CONTRACT + "\","
        + "\"privileges\":[2],\"tokenId\":9007199254740993,\"audience\":[\"dimo.zone\"]}");
  }

  @Test
  @WireContract("exchangeToken")
  void exchangeTokenWithoutPrivilegesDecodesTheErrorBody() throws Exception {
    enqueueJson(403, "{\"code\":403,\"message\":\"Subject lacks privileges 2 on token 21957.\"}");

    TokenExchangeErrorResponse error = executeError(api().exchangeToken(TokenExchangeRequest.builder()
        .nftContractAddress(VEHICLE_CONTRACT).privileges(List.of(2)).tokenId(21957L).build()), 403,
        TokenExchangeErrorResponse.class);

    assertRequestLine(takeRequest(), "POST", "/v1/tokens/exchange");
    assertEquals(403, error.code());
    assertEquals("Subject lacks privileges 2 on token 21957.", error.message());
  }
}
