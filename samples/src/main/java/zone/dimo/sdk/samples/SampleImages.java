package zone.dimo.sdk.samples;

import java.util.Base64;

/** The image minted with the vehicle NFT in the samples. */
final class SampleImages {
  // A valid 1x1 transparent PNG: the mint needs an image, and the samples should not ship files.
  private static final String PNG_BASE64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

  private SampleImages() {}

  /** A new copy of the PNG bytes on each call. */
  static byte[] vehiclePng() {
    return Base64.getDecoder().decode(PNG_BASE64);
  }
}
