package zone.dimo.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.HttpUrl;

/** The origins (scheme, host, port) of the configured DIMO services: the only token recipients. */
final class TrustedHosts {
  private final List<HttpUrl> origins;

  TrustedHosts(HttpUrl... baseUrls) {
    List<HttpUrl> list = new ArrayList<>();
    Collections.addAll(list, baseUrls);
    this.origins = Collections.unmodifiableList(list);
  }

  boolean trusts(HttpUrl url) {
    for (HttpUrl origin : origins) {
      if (origin.scheme().equals(url.scheme())
          && origin.host().equalsIgnoreCase(url.host())
          && origin.port() == url.port()) {
        return true;
      }
    }
    return false;
  }
}
