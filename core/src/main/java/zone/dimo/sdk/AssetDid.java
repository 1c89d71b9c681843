package zone.dimo.sdk;

import java.util.Objects;
import zone.dimo.sdk.signing.Address;

/**
 * A DIMO asset as the Token Exchange API names it: a vehicle NFT
 * ({@code did:erc721:<chainId>:<contract>:<tokenId>}) or an account
 * ({@code did:ethr:<chainId>:<address>}). Values compare by content; {@link #toString()} is the
 * DID text, with checksummed addresses.
 */
public final class AssetDid {
  private final String text;

  private AssetDid(String text) {
    this.text = text;
  }

  /**
   * The vehicle NFT {@code tokenId} of {@code environment}'s vehicle contract and chain.
   *
   * @param environment gives the chain id and the vehicle NFT contract
   * @param tokenId the vehicle's token id; not negative
   * @return {@code did:erc721:<chainId>:<vehicle contract>:<tokenId>}
   */
  public static AssetDid vehicle(Environment environment, long tokenId) {
    Objects.requireNonNull(environment, "environment == null");
    return erc721(environment.chainId(), environment.vehicleNftContract(), tokenId);
  }

  /**
   * An NFT of any ERC-721 contract.
   *
   * @param chainId the chain, positive
   * @param contract the NFT contract
   * @param tokenId the token id; not negative
   * @return {@code did:erc721:<chainId>:<contract>:<tokenId>}
   */
  public static AssetDid erc721(long chainId, Address contract, long tokenId) {
    Objects.requireNonNull(contract, "contract == null");
    requirePositive(chainId);
    if (tokenId < 0) {
      throw new IllegalArgumentException("tokenId is negative: " + tokenId);
    }
    return new AssetDid("did:erc721:" + chainId + ":" + contract.toChecksumHex() + ":" + tokenId);
  }

  /**
   * An account.
   *
   * @param chainId the chain, positive
   * @param address the account
   * @return {@code did:ethr:<chainId>:<address>}
   */
  public static AssetDid ethr(long chainId, Address address) {
    Objects.requireNonNull(address, "address == null");
    requirePositive(chainId);
    return new AssetDid("did:ethr:" + chainId + ":" + address.toChecksumHex());
  }

  /**
   * Reads a DID as the Token Exchange writes it (in a vehicle token's {@code asset} claim).
   *
   * @param did {@code did:erc721:…} or {@code did:ethr:…}
   * @return the asset
   * @throws IllegalArgumentException when {@code did} is neither, naming what is wrong
   */
  public static AssetDid parse(String did) {
    Objects.requireNonNull(did, "did == null");
    String[] parts = did.split(":", -1);
    try {
      if (parts.length == 5 && parts[0].equals("did") && parts[1].equals("erc721")) {
        return erc721(Long.parseLong(parts[2]), Address.fromHex(parts[3]),
            // Long.parseLong, not BigInteger.longValueExact() (Android API 31; our floor is 26):
            // same numbers accepted, out of range is a NumberFormatException
            Long.parseLong(parts[4]));
      }
      if (parts.length == 4 && parts[0].equals("did") && parts[1].equals("ethr")) {
        return ethr(Long.parseLong(parts[2]), Address.fromHex(parts[3]));
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("Not an asset DID (a number is not a 64-bit integer): "
          + Arguments.shorten(did), e);
    }
    throw new IllegalArgumentException("Not an asset DID; expected did:erc721:<chainId>:"
        + "<contract>:<tokenId> or did:ethr:<chainId>:<address>: " + Arguments.shorten(did));
  }

  private static void requirePositive(long chainId) {
    if (chainId <= 0) {
      throw new IllegalArgumentException("chainId must be positive: " + chainId);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AssetDid && ((AssetDid) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
