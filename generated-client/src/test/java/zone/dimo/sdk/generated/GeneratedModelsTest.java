package zone.dimo.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import zone.dimo.sdk.auth.model.ChallengeResponse;
import zone.dimo.sdk.auth.model.TokenResponse;
import zone.dimo.sdk.devices.model.GeofenceRequest;
import zone.dimo.sdk.devices.model.GeofenceType;
import zone.dimo.sdk.devices.model.MetaTransactionStatus;
import zone.dimo.sdk.devices.model.VehicleMintRequest;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeRequest;
import zone.dimo.sdk.tokenexchange.model.TokenExchangeResponse;

/** The style promised by the model templates, on generated models and across all of them. */
class GeneratedModelsTest {

  private static final Path GENERATED =
      Paths.get(System.getProperty("dimo.generatedSources", "target/generated-sources"));
  private static final Path OPENAPI = Paths.get(System.getProperty("dimo.openapi.dir", "../openapi"));

  /** Properties that hold credentials by their name; each must be marked x-dimo-secret: true. */
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(token|signature)");

  /** A plain Moshi, as a user would build it: no adapter registered for our types. */
  private final Moshi moshi = new Moshi.Builder().build();

  @Test
  void toStringPrintsValuesButRedactsSecrets() {
    TokenResponse token = TokenResponse.builder()
        .accessToken("secret-access")
        .tokenType("bearer")
        .idToken("secret-id")
        .expiresIn(3600L)
        .build();

    assertEquals("TokenResponse{accessToken=[redacted], tokenType=bearer, expiresIn=3600, idToken=[redacted]}",
        token.toString());
    assertEquals("TokenExchangeResponse{token=[redacted]}",
        TokenExchangeResponse.builder().token("eyJhbGciOi.secret").build().toString());
    VehicleMintRequest mint = VehicleMintRequest.builder().imageData("data:image/png;base64,AA==").signature("0xsecretsignature").build();
    assertFalse(mint.toString().contains("secret"), mint.toString());
    // an unset secret prints nothing, not a redaction marker
    assertEquals("ChallengeResponse{state=s, challenge=c}",
        ChallengeResponse.builder().state("s").challenge("c").build().toString());
  }

  @Test
  void everyCredentialNamedPropertyIsMarkedSecretAndRedacted() throws IOException {
    Map<String, String> marked = new TreeMap<>();
    List<String> unmarked = new ArrayList<>();
    for (String spec : List.of("devices-api.yaml", "auth.yaml", "token-exchange.yaml")) {
      OpenAPI api = new OpenAPIV3Parser().read(OPENAPI.resolve(spec).toString());
      for (Map.Entry<String, Schema> schema : api.getComponents().getSchemas().entrySet()) {
        Map<String, Schema> properties = schema.getValue().getProperties();
        if (properties == null) {
          continue;
        }
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
          Map<String, Object> ext = property.getValue().getExtensions();
          boolean secret = ext != null && Boolean.TRUE.equals(ext.get("x-dimo-secret"));
          if (secret) {
            marked.put(schema.getKey() + "." + property.getKey(), spec);
          } else if (SECRET_NAME.matcher(property.getKey()).matches()) {
            unmarked.add(spec + ": " + schema.getKey() + "." + property.getKey());
          }
        }
      }
    }
    assertEquals(List.of(), unmarked, "credential-named properties without x-dimo-secret: true");
    assertTrue(marked.size() >= 10, "expected the spec's tokens and signatures, got " + marked);

    // And each marked property that became a model prints as [redacted] (the template's rule).
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path model : modelSources()) {
      String text = Files.readString(model, StandardCharsets.UTF_8);
      for (String key : marked.keySet()) {
        String schema = key.substring(0, key.indexOf('.'));
        String wire = key.substring(key.indexOf('.') + 1);
        if (!text.contains("Generated from the OpenAPI schema {@code " + schema + "};")) {
          continue;
        }
        checked++;
        java.util.regex.Matcher field = Pattern.compile("@Json\\(name = \"" + Pattern.quote(wire)
            + "\"\\)\\n  private (?:@Nullable )?\\S+ (\\w+);").matcher(text);
        if (!field.find()) {
          problems.add(key + ": no field in " + model.getFileName());
          continue;
        }
        String name = field.group(1);
        if (!text.contains("append(sb, \"" + name + "\", " + name + " == null ? null : \"[redacted]\");")) {
          problems.add(key + ": not redacted in " + model.getFileName());
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(checked >= 8, "checked only " + checked + " secret properties");
  }

  @Test
  void moshiReadsAndWritesTheWireNames() throws IOException {
    TokenResponse token = moshi.adapter(TokenResponse.class).fromJson(
        "{\"access_token\":\"a\",\"token_type\":\"bearer\",\"expires_in\":3600,\"id_token\":\"i\"}");

    assertEquals("a", token.accessToken());
    assertEquals("bearer", token.tokenType());
    assertEquals(3600L, token.expiresIn());
    assertEquals("i", token.idToken());
    assertNull(token.refreshToken());

    String json = moshi.adapter(TokenExchangeRequest.class).toJson(TokenExchangeRequest.builder()
        .nftContractAddress("0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF")
        .privileges(List.of(1, 2))
        .tokenId(7L)
        .build());
    // Unset properties (audience) are absent, not null or [].
    assertEquals("{\"nftContractAddress\":\"0xbA5738a18d83D41847dfFbDC6101d37C69c9B0cF\",\"privileges\":[1,2],\"tokenId\":7}", json);
  }

  @Test
  void equalsHashCodeAndNewBuilder() {
    ChallengeResponse a = ChallengeResponse.builder().state("s").challenge("c").build();
    ChallengeResponse b = ChallengeResponse.builder().challenge("c").state("s").build();

    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    ChallengeResponse changed = b.newBuilder().challenge("other").build();
    assertNotEquals(a, changed);
    assertEquals("other", changed.challenge());
    assertEquals("s", changed.state());
    assertEquals("c", b.challenge(), "newBuilder() must not change the original");
  }

  @Test
  void buildRefusesMissingRequiredProperties() {
    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> ChallengeResponse.builder().state("s").build());
    assertEquals("challenge is required", missing.getMessage());
    NullPointerException nullValue =
        assertThrows(NullPointerException.class, () -> ChallengeResponse.builder().state(null));
    assertEquals("state == null", nullValue.getMessage());
  }

  @Test
  void collectionsAreCopiedInAndHandedOutUnmodifiable() throws IOException {
    List<String> cells = new ArrayList<>(List.of("8a2a1072b59ffff"));
    GeofenceRequest request = GeofenceRequest.builder()
        .name("Home").type(GeofenceType.PRIVACY_FENCE).h3Indexes(cells).build();
    cells.add("changed after build");

    assertEquals(List.of("8a2a1072b59ffff"), request.h3Indexes());
    assertThrows(UnsupportedOperationException.class, () -> request.h3Indexes().add("x"));

    // also for an instance Moshi created (its list is Moshi's ArrayList)
    GeofenceRequest decoded = moshi.adapter(GeofenceRequest.class)
        .fromJson("{\"name\":\"Home\",\"type\":\"PrivacyFence\",\"h3Indexes\":[\"a\"]}");
    assertThrows(UnsupportedOperationException.class, () -> decoded.h3Indexes().clear());
    assertEquals(request.newBuilder().h3Indexes(List.of("a")).build(), decoded);
  }

  @Test
  void modelsHaveOneAccessorStyleAndNoWayToChangeThem() throws Exception {
    List<Class<?>> models = modelClasses();
    assertTrue(models.size() > 40, "found only " + models.size() + " models");
    List<String> problems = new ArrayList<>();
    for (Class<?> model : models) {
      if (!Modifier.isFinal(model.getModifiers())) {
        problems.add(model.getSimpleName() + " is not final");
      }
      for (Method m : model.getDeclaredMethods()) {
        // a property may itself be called isX (AftermarketDeviceInfo.isUpdated); its accessor is
        // then isX() like any other
        if (Modifier.isPublic(m.getModifiers()) && m.getName().matches("(get|set|is)[A-Z].*")
            && !m.getName().equals("isKnown") && !hasField(model, m.getName())) {
          problems.add(model.getSimpleName() + "." + m.getName());
        }
      }
      for (Field f : model.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isPrivate(f.getModifiers())) {
          problems.add(model.getSimpleName() + "." + f.getName() + " is not private");
        }
      }
      if (model.getDeclaredConstructors().length > 0
          && Stream.of(model.getDeclaredConstructors()).anyMatch(c -> Modifier.isPublic(c.getModifiers()))) {
        problems.add(model.getSimpleName() + " has a public constructor");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void unknownEnumValuesKeepTheirTextBothWays() throws IOException {
    JsonAdapter<List<MetaTransactionStatus>> adapter =
        moshi.adapter(Types.newParameterizedType(List.class, MetaTransactionStatus.class));

    List<MetaTransactionStatus> read = adapter.fromJson("[\"Confirmed\",\"Reverted\",null]");

    assertSame(MetaTransactionStatus.CONFIRMED, read.get(0));
    assertTrue(read.get(0).isKnown());
    assertEquals("Reverted", read.get(1).value());
    assertFalse(read.get(1).isKnown());
    assertNull(read.get(2));
    assertEquals("[\"Confirmed\",\"Reverted\",null]", adapter.serializeNulls().toJson(read));
    assertEquals(MetaTransactionStatus.of("Reverted"), read.get(1));
    assertEquals("Reverted", read.get(1).toString());
    assertEquals(List.of("Unsubmitted", "Submitted", "Mined", "Confirmed", "Failed"),
        MetaTransactionStatus.knownValues().stream().map(MetaTransactionStatus::value).collect(Collectors.toList()));

    // inside a model, an unknown value goes back to the service exactly as it came
    String geofence = "{\"name\":\"Home\",\"type\":\"PolygonOfTheFuture\"}";
    JsonAdapter<GeofenceRequest> geofences = moshi.adapter(GeofenceRequest.class);
    assertEquals(geofence, geofences.toJson(geofences.fromJson(geofence)));
    assertThrows(NullPointerException.class, () -> GeofenceType.of(null));
  }

  @Test
  void noPlaceholderForUnknownEnumValuesIsGenerated() throws IOException {
    for (Path source : allSources()) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("unknown_default_open_api"), source.toString());
    }
  }

  private static boolean hasField(Class<?> type, String name) {
    try {
      type.getDeclaredField(name);
      return true;
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  static List<Path> allSources() throws IOException {
    try (Stream<Path> walk = Files.walk(GENERATED)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
  }

  static List<Path> modelSources() throws IOException {
    return allSources().stream()
        .filter(p -> p.getParent().endsWith("model") && !p.getFileName().toString().equals("package-info.java"))
        .collect(Collectors.toList());
  }

  static List<Class<?>> modelClasses() throws Exception {
    List<Class<?>> classes = new ArrayList<>();
    for (Path source : modelSources()) {
      String pkg = null;
      for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
        if (line.startsWith("package ")) {
          pkg = line.substring("package ".length(), line.length() - 1);
          break;
        }
      }
      String name = source.getFileName().toString().replace(".java", "");
      classes.add(Class.forName(pkg + "." + name));
    }
    return classes;
  }
}
