package org.dialogkarta.web;

import org.dialogkarta.kernel.DialogkartaProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser-side defences on every answer. The content security policy allows scripts only from
 * this service, so even text that slipped past escaping could not run; images may also come
 * from the configured tile server. No referrer leaves the site.
 */
@Component
class SecurityHeadersFilter extends OncePerRequestFilter {

  private final String policy;

  SecurityHeadersFilter(DialogkartaProperties properties) {
    this.policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:" + tileOrigin(properties.basemap().url()) + "; "
        // The walk mode's service worker fetches tiles to keep them for offline use: connect-src.
        + "connect-src 'self'" + tileOrigin(properties.basemap().url()) + "; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";
  }

  /** The origin of a tile URL template, with Leaflet's {s} subdomain as a wildcard. */
  static String tileOrigin(String template) {
    if (template == null || template.isBlank()) {
      return "";
    }
    try {
      URI uri = URI.create(template.replace("{s}", "tiles-s").replaceAll("\\{[a-z]+}", "0"));
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "";
      }
      String host = uri.getHost().replace("tiles-s", "*");
      return " " + uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", policy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", "geolocation=(self), camera=(self), microphone=()");
    chain.doFilter(request, response);
  }
}
