package zone.dimo.sdk.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import zone.dimo.sdk.sandbox.internal.Json;
import zone.dimo.sdk.signing.EthSignature;
import zone.dimo.sdk.signing.Keccak256;
import zone.dimo.sdk.signing.PersonalSign;
import zone.dimo.sdk.signing.PrivateKey;
import zone.dimo.sdk.signing.Secp256k1Signer;
import zone.dimo.sdk.signing.eip712.Eip712;
import zone.dimo.sdk.signing.eip712.TypedData;

/** A raw OkHttp client for the sandbox's tests, with helpers for the usual flows. */
public final class SandboxHttp {
  public static final MediaType JSON = MediaType.get("application/json");
  private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .callTimeout(10, TimeUnit.SECONDS)
      .build();
  /** A 1x1 PNG, base64. */
  public static final String PNG_BASE64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
  private static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  private final DimoSandbox sandbox;

  public SandboxHttp(DimoSandbox sandbox) {
    this.sandbox = sandbox;
  }

  public DimoSandbox sandbox() {
    return sandbox;
  }

  /** An answer: status, content type, body text, headers. */
  public record Answer(int status, String contentType, String body, byte[] bytes, okhttp3.Headers headers) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
      try {
        return (Map<String, Object>) Json.parse(bytes);
      } catch (Json.ParseException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  public Answer send(Request request) {
    try (Response response = CLIENT.newCall(request).execute()) {
      byte[] bytes = response.body().bytes();
      return new Answer(response.code(), response.header("Content-Type"),
          new String(bytes, StandardCharsets.UTF_8), bytes, response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request to the Devices API: {@code path} below {@link DimoSandbox#devicesUrl()}. */
  public Answer devices(String method, String path, String token, String jsonBody) {
    return send(request(sandbox.devicesUrl() + path, method, token,
        jsonBody == null ? null : RequestBody.create(jsonBody, JSON)));
  }

  public Answer get(String path, String token) {
    return devices("GET", path, token, null);
  }

  public Answer post(String path, String token, String jsonBody) {
    return devices("POST", path, token, jsonBody == null ? "" : jsonBody);
  }

  public static Request request(String url, String method, String token, RequestBody body) {
    Request.Builder b = new Request.Builder().url(url);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body == null && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
      body = RequestBody.create(new byte[0], null);
    }
    return b.method(method, body).build();
  }

  // ---- login and token exchange

  public Answer generateChallenge(String address) {
    return generateChallenge(sandbox.clientId(), sandbox.domain(), address);
  }

  public Answer generateChallenge(String clientId, String domain, String address) {
    return send(new Request.Builder()
        .url(sandbox.authUrl() + "/auth/web3/generate_challenge")
        .post(new FormBody.Builder()
            .add("client_id", clientId)
            .add("domain", domain)
            .add("scope", "openid email")
            .add("response_type", "code")
            .add("address", address)
            .build())
        .build());
  }

  public Answer submitChallenge(String state, String signature) {
    return submitChallenge(sandbox.clientId(), sandbox.domain(), state, signature);
  }

  public Answer submitChallenge(String clientId, String domain, String state, String signature) {
    return send(new Request.Builder()
        .url(sandbox.authUrl() + "/auth/web3/submit_challenge")
        .post(new FormBody.Builder()
            .add("client_id", clientId)
            .add("domain", domain)
            .add("state", state)
            .add("signature", signature)
            .add("grant_type", "authorization_code")
            .build())
        .build());
  }

  /** The full Web3 login; returns the access token. */
  public String login(PrivateKey key) {
    Answer challenge = generateChallenge(key.address().toChecksumHex());
    if (challenge.status() != 200) {
      throw new AssertionError("generate_challenge: " + challenge);
    }
    Map<String, Object> c = challenge.json();
    EthSignature signature = PersonalSign.signText(Secp256k1Signer.of(key), (String) c.get("challenge"));
    Answer tokens = submitChallenge((String) c.get("state"), signature.toHex());
    if (tokens.status() != 200) {
      throw new AssertionError("submit_challenge: " + tokens);
    }
    return (String) tokens.json().get("access_token");
  }

  /**
   * A Web3 login with any client: {@code address} is the login address, {@code signer} signs the
   * challenge (the same key for a user; a license's API key for a license login).
   */
  public String login(String clientId, String domain, String address, PrivateKey signer) {
    Answer challenge = generateChallenge(clientId, domain, address);
    if (challenge.status() != 200) {
      throw new AssertionError("generate_challenge: " + challenge);
    }
    Map<String, Object> c = challenge.json();
    EthSignature signature = PersonalSign.signText(Secp256k1Signer.of(signer), (String) c.get("challenge"));
    Answer tokens = submitChallenge(clientId, domain, (String) c.get("state"), signature.toHex());
    if (tokens.status() != 200) {
      throw new AssertionError("submit_challenge: " + tokens);
    }
    return (String) tokens.json().get("access_token");
  }

  /** A developer license's login: client id = address = the license, signed by its API key. */
  public String loginLicense(DeveloperLicense license) {
    PrivateKey apiKey = license.apiKey();
    try {
      String address = license.address().toChecksumHex();
      return login(address, license.redirectUri(), address, apiKey);
    } finally {
      apiKey.destroy();
    }
  }

  public Answer exchange(String accessToken, String body) {
    return send(request(sandbox.tokenExchangeUrl() + "/v1/tokens/exchange", "POST", accessToken,
        RequestBody.create(body, JSON)));
  }

  public String privilegeToken(String accessToken, long tokenId, int... privileges) {
    StringBuilder p = new StringBuilder();
    for (int i : privileges) {
      p.append(p.length() == 0 ? "" : ",").append(i);
    }
    Answer a = exchange(accessToken, "{\"nftContractAddress\":\"" + sandbox.vehicleNftContract()
        + "\",\"privileges\":[" + p + "],\"tokenId\":" + tokenId + "}");
    if (a.status() != 200) {
      throw new AssertionError("exchange: " + a);
    }
    return (String) a.json().get("token");
  }

  // ---- signing

  public static EthSignature signPayload(String payloadJson, PrivateKey key) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> root = (Map<String, Object>) Json.parse(payloadJson.getBytes(StandardCharsets.UTF_8));
      return Eip712.sign(TypedData.fromMap(root), Secp256k1Signer.of(key));
    } catch (Json.ParseException e) {
      throw new AssertionError(e);
    }
  }

  /** The same signature with s replaced by n - s and v flipped: valid but high-s. */
  public static String highS(EthSignature sig) {
    byte[] b = sig.toBytes();
    byte[] s = to32(N.subtract(sig.s()));
    System.arraycopy(s, 0, b, 32, 32);
    b[64] = (byte) (sig.v() == 27 ? 28 : 27);
    return hex(b);
  }

  /** The same signature with v = 0 or 1. */
  public static String rawV(EthSignature sig) {
    byte[] b = sig.toBytes();
    b[64] = (byte) (b[64] - 27);
    return hex(b);
  }

  /** A JSON array of the signature's bytes, the shape the published docs show. */
  public static String intArray(EthSignature sig) {
    StringBuilder sb = new StringBuilder("[");
    for (byte x : sig.toBytes()) {
      sb.append(sb.length() == 1 ? "" : ",").append(x & 0xff);
    }
    return sb.append(']').toString();
  }

  static byte[] to32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  public static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder("0x");
    for (byte b : bytes) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }

  // ---- flows

  /** Creates a vehicle from a VIN; returns its user device id. */
  public String createFromVin(String token, String vin) {
    Answer a = post("/v1/user/devices/fromvin", token, "{\"countryCode\":\"USA\",\"vin\":\"" + vin + "\"}");
    if (a.status() != 201) {
      throw new AssertionError("fromvin: " + a);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> ud = (Map<String, Object>) a.json().get("userDevice");
    return (String) ud.get("id");
  }

  /** Confirms the VIN with a provisioned device's signature of keccak256(vin). */
  public void confirmVin(String token, String userDeviceId, String vin) {
    PrivateKey deviceKey = sandbox.aftermarketDevices().get(0).privateKey();
    EthSignature sig = Secp256k1Signer.of(deviceKey)
        .signDigest(Keccak256.hash(vin.getBytes(StandardCharsets.US_ASCII)));
    Answer a = devices("PATCH", "/v1/user/devices/" + userDeviceId + "/vin", token,
        "{\"vin\":\"" + vin + "\",\"signature\":\"" + sig.toHex() + "\"}");
    if (a.status() != 204) {
      throw new AssertionError("vin: " + a);
    }
  }

  /** Fetches, signs and submits the mint; returns the submission's answer. */
  public Answer mint(String token, String userDeviceId, PrivateKey owner) {
    Answer payload = get("/v1/user/devices/" + userDeviceId + "/commands/mint", token);
    if (payload.status() != 200) {
      throw new AssertionError("mint payload: " + payload);
    }
    EthSignature sig = signPayload(payload.body(), owner);
    return post("/v1/user/devices/" + userDeviceId + "/commands/mint", token,
        "{\"imageData\":\"" + PNG_BASE64 + "\",\"signature\":\"" + sig.toHex() + "\"}");
  }

  /** A minted vehicle of {@code owner}: created, VIN confirmed, minted; returns the user device id. */
  public String mintedVehicle(String token, PrivateKey owner, String vin) {
    String id = createFromVin(token, vin);
    confirmVin(token, id, vin);
    Answer a = mint(token, id, owner);
    if (a.status() != 200) {
      throw new AssertionError("mint: " + a);
    }
    return id;
  }

  /** The user's vehicle with that id from /me. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> myVehicle(String token, String userDeviceId) {
    Answer me = get("/v1/user/devices/me", token);
    for (Object o : (List<Object>) me.json().get("userDevices")) {
      Map<String, Object> v = (Map<String, Object>) o;
      if (userDeviceId.equals(v.get("id"))) {
        return v;
      }
    }
    throw new AssertionError("no vehicle " + userDeviceId + " in " + me.body());
  }

  @SuppressWarnings("unchecked")
  public long tokenIdOf(String token, String userDeviceId) {
    Map<String, Object> nft = (Map<String, Object>) myVehicle(token, userDeviceId).get("nft");
    return ((Number) nft.get("tokenId")).longValue();
  }

  /** Claims {@code device} for {@code owner}; returns the submission's answer. */
  public Answer claim(String token, AftermarketDevice device, PrivateKey owner) {
    Answer payload = get("/v1/aftermarket/device/by-serial/" + device.serial() + "/commands/claim", token);
    if (payload.status() != 200) {
      throw new AssertionError("claim payload: " + payload);
    }
    EthSignature user = signPayload(payload.body(), owner);
    EthSignature dev = signPayload(payload.body(), device.privateKey());
    return post("/v1/aftermarket/device/by-serial/" + device.serial() + "/commands/claim", token,
        "{\"aftermarketDeviceSignature\":\"" + dev.toHex() + "\",\"userSignature\":\"" + user.toHex() + "\"}");
  }

  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
