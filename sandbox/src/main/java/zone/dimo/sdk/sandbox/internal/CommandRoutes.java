package zone.dimo.sdk.sandbox.internal;

import java.util.List;
import zone.dimo.sdk.signing.Address;

/**
 * Vehicle commands. The bearer must be a privilege token from the sandbox's token exchange for
 * this {@code tokenId}, the configured vehicle NFT contract, with privilege 2 (execute
 * commands); otherwise {@code 401 {code, message}} as the service's privilege middleware answers.
 * A user access token is such a wrong token. Every accepted command answers {@code 200 {requestId}}.
 */
final class CommandRoutes {
  static final long EXECUTE_COMMANDS = 2;

  private final SandboxState state;

  CommandRoutes(SandboxState state) {
    this.state = state;
  }

  void register(Router router) {
    String base = "/v1/vehicle/{tokenId}/commands/";
    for (String command : new String[] {"doors/lock", "doors/unlock", "frunk/open", "trunk/open"}) {
      router.add("POST", base + command, Router.Security.VEHICLE, this::command);
    }
  }

  private SandboxResponse command(SandboxRequest request) {
    Principal p = request.principal();
    Object tokenId = p.claim("token_id");
    if (!request.param("tokenId").equals(tokenId)) {
      throw ApiException.of(401, "Unauthorized! mismatch token Id provided");
    }
    Object contract = p.claim("contract_address");
    Address contractAddress = contract instanceof String
        ? TokenExchangeRoutes.lenientAddress((String) contract) : null;
    if (!state.config.vehicleNftContract.equals(contractAddress)) {
      throw ApiException.of(401, "Provided token is for the wrong contract: " + contract);
    }
    Object privileges = p.claim("privilege_ids");
    boolean allowed = false;
    if (privileges instanceof List) {
      for (Object id : (List<?>) privileges) {
        allowed |= id instanceof Number && ((Number) id).longValue() == EXECUTE_COMMANDS;
      }
    }
    if (!allowed) {
      throw ApiException.of(401, "Unauthorized! Token does not contain required privileges");
    }
    return SandboxResponse.json(200, UserDeviceRoutes.single("requestId", Ids.ksuid()));
  }
}
