package zone.dimo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import zone.dimo.sdk.internal.Redactor;

class RedactorTest {
  @Test
  void masksJwts() {
    String jwt = TestSupport.jwt("u", 1);
    assertEquals("token [redacted] expired", Redactor.redact("token " + jwt + " expired"));
  }

  @Test
  void masksBearerCredentialsOfAnyShape() {
    assertEquals("Authorization: Bearer [redacted]", Redactor.redact("Authorization: Bearer abc.def"));
  }

  @Test
  void masksLongHexWithOrWithoutPrefix() {
    String key = TestSupport.PRIVATE_KEY_HEX;
    assertEquals("key [redacted]", Redactor.redact("key " + key));
    assertEquals("key [redacted]", Redactor.redact("key " + key.substring(2)));
    // addresses (40 hex digits) are public and stay readable
    assertEquals("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826",
        Redactor.redact("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
  }

  @Test
  void masksTokenAndSignatureFieldsInJsonAndForms() {
    assertEquals("{\"access_token\":\"[redacted]\",\"token_type\":\"bearer\"}",
        Redactor.redact("{\"access_token\":\"opaque\",\"token_type\":\"bearer\"}"));
    assertEquals("{\"token\": \"[redacted]\"}", Redactor.redact("{\"token\": \"abc\"}"));
    assertEquals("{\"userSignature\":\"[redacted]\"}", Redactor.redact("{\"userSignature\":\"0x12\"}"));
    assertEquals("client_id=0xabc&state=s1&signature=[redacted]&grant_type=authorization_code",
        Redactor.redact("client_id=0xabc&state=s1&signature=0x1234&grant_type=authorization_code"));
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertEquals("Device not found.", Redactor.redact("Device not found."));
    assertEquals("", Redactor.redact(""));
    assertNull(Redactor.redact(null));
  }
}
