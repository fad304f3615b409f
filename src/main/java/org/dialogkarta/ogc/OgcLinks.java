package org.dialogkarta.ogc;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the OGC documents' links point. With {@code dialogkarta.public-url} set (as it should be in
 * production) every link starts with it, whatever Host header a client sends, so nobody can make
 * the service hand out links to another site. Without it, links follow the request as Spring sees
 * it: the Host header, or X-Forwarded-* only when {@code server.forward-headers-strategy} trusts
 * the proxy that sent them.
 */
@Component
class OgcLinks {

  private final URI publicUrl;

  OgcLinks(@Value("${dialogkarta.public-url:}") String publicUrl) {
    this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : URI.create(publicUrl.strip().replaceAll("/+$", ""));
  }

  /** The OGC API's landing page URL. */
  String base() {
    return origin(ServletUriComponentsBuilder.fromCurrentContextPath()).path("/ogc").build().toUriString();
  }

  /** The current request's URL on the public origin, to change parameters of. */
  UriComponentsBuilder current() {
    return origin(ServletUriComponentsBuilder.fromCurrentRequest());
  }

  private UriComponentsBuilder origin(UriComponentsBuilder builder) {
    if (publicUrl == null) {
      return builder;
    }
    String prefix = publicUrl.getPath() == null ? "" : publicUrl.getPath();
    String path = builder.build().getPath();
    return builder.scheme(publicUrl.getScheme()).host(publicUrl.getHost()).port(publicUrl.getPort())
        .replacePath(prefix + (path == null ? "" : path));
  }
}
