package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Converter;
import retrofit2.Retrofit;
import zone.dimo.sdk.auth.model.ChallengeResponse;
import zone.dimo.sdk.devices.model.MetaTransactionStatus;
import zone.dimo.sdk.devices.model.VehicleNftData;

class JsonTest {
  private final Moshi moshi = Json.moshi();

  @Test
  void freeFormValuesKeepExactNumbers() throws Exception {
    JsonAdapter<Map<String, Object>> adapter =
        moshi.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    Map<String, Object> map = adapter.fromJson("{\"big\":115792089237316195423570985008687907853269984665640564039457584007913129639935,\"f\":0.1}");
    assertEquals(new BigInteger("115792089237316195423570985008687907853269984665640564039457584007913129639935"), map.get("big"));
    assertEquals(new BigDecimal("0.1"), map.get("f"));
    assertEquals("{\"big\":115792089237316195423570985008687907853269984665640564039457584007913129639935,\"f\":0.1}",
        adapter.toJson(map));
  }

  @Test
  void bigNumbersAndDatesRoundTrip() throws Exception {
    assertEquals(new BigDecimal("12.50"), moshi.adapter(BigDecimal.class).fromJson("12.50"));
    assertEquals("12.50", moshi.adapter(BigDecimal.class).toJson(new BigDecimal("12.50")));
    assertEquals(BigInteger.TEN, moshi.adapter(BigInteger.class).fromJson("\"10\""));
    OffsetDateTime at = OffsetDateTime.parse("2024-05-01T12:00:00.5+02:00");
    assertEquals(at, moshi.adapter(OffsetDateTime.class).fromJson("\"2024-05-01T12:00:00.5+02:00\""));
    assertEquals("\"2024-05-01T12:00:00.500+02:00\"", moshi.adapter(OffsetDateTime.class).toJson(at));
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> moshi.adapter(OffsetDateTime.class).fromJson("\"yesterday\""));
    assertEquals("Expected an RFC 3339 date-time but was yesterday at path $", e.getMessage());
  }

  @Test
  void unknownEnumValuesKeepTheirTextAndAreSentBackUnchanged() throws Exception {
    String json = "{\"status\":\"Teleported\",\"tokenId\":5}";
    VehicleNftData nft = moshi.adapter(VehicleNftData.class).fromJson(json);
    assertEquals("Teleported", nft.status().value());
    assertFalse(nft.status().isKnown());
    assertEquals(json, moshi.adapter(VehicleNftData.class).toJson(nft));
    assertSame(MetaTransactionStatus.CONFIRMED,
        moshi.adapter(VehicleNftData.class).fromJson("{\"status\":\"Confirmed\"}").status());
  }

  @Test
  void converterIgnoresContentTypeAndKeepsUndecodableBodies() throws Exception {
    Json.ConverterFactory factory = new Json.ConverterFactory(moshi);
    Retrofit retrofit = new Retrofit.Builder().baseUrl("http://localhost/").build();
    @SuppressWarnings("unchecked")
    Converter<ResponseBody, ChallengeResponse> converter = (Converter<ResponseBody, ChallengeResponse>)
        factory.responseBodyConverter(ChallengeResponse.class, new Annotation[0], retrofit);

    ChallengeResponse challenge = converter.convert(ResponseBody.create(
        "{\"state\":\"s\",\"challenge\":\"c\"}", MediaType.get("text/plain")));
    assertEquals("s", challenge.state());

    Json.UndecodableBody e = assertThrows(Json.UndecodableBody.class,
        () -> converter.convert(ResponseBody.create("[1,2]", MediaType.get("application/json"))));
    assertEquals("[1,2]", e.raw);
  }
}
