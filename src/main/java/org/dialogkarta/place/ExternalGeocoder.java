package org.dialogkarta.place;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dialogkarta.geo.BoundingBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The municipality's own geocoder, when it has one ({@code DIALOGKARTA_GEOCODER_URL}): a
 * Nominatim-compatible search address ({@code /search}, asked for {@code format=jsonv2}). Called
 * from the server, so the citizen's browser talks to nobody else, with a short timeout; whatever
 * goes wrong (no answer in 2 s, an error status, a body that is not Nominatim's JSON) gives no
 * suggestions, and the local ones come as always. Results are limited to the study area's box
 * (with a margin), both by asking for it ({@code viewbox}, {@code bounded=1}) and by checking.
 */
@Component
class ExternalGeocoder {

  static final Duration TIMEOUT = Duration.ofSeconds(2);
  /** About 5 km around the study area's box: the next village over is still worth showing. */
  private static final double MARGIN = 0.05;
  /** One or two letters are not worth a call to someone else's service on every keystroke. */
  private static final int MIN_LENGTH = 3;
  private static final Logger log = LoggerFactory.getLogger(ExternalGeocoder.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();

  ExternalGeocoder(@Value("${dialogkarta.geocoder.url:}") String url) {
    this.url = url == null ? "" : url.strip();
  }

  boolean configured() {
    return !url.isEmpty();
  }

  List<Suggestion> search(String text, BoundingBox box, int limit) {
    if (!configured() || limit <= 0 || text.codePointCount(0, text.length()) < MIN_LENGTH) {
      return List.of();
    }
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(address(text, box, limit)))
          .timeout(TIMEOUT).header("Accept", "application/json").header("User-Agent", "Dialogkarta")
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        log.warn("The geocoder answered {}; only local places are suggested", r.statusCode());
        return List.of();
      }
      return read(JSON.readTree(r.body()), box, limit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (Exception e) {
      // The class only: a message could carry the remote body into the log.
      log.warn("The geocoder could not be used ({}); only local places are suggested", e.getClass().getSimpleName());
      return List.of();
    }
  }

  private String address(String text, BoundingBox box, int limit) {
    StringBuilder s = new StringBuilder(url).append(url.contains("?") ? '&' : '?')
        .append("format=jsonv2&addressdetails=0&accept-language=sv&limit=").append(limit)
        .append("&q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
    if (box != null) {
      s.append("&bounded=1&viewbox=").append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f",
          box.minLon() - MARGIN, box.maxLat() + MARGIN, box.maxLon() + MARGIN, box.minLat() - MARGIN));
    }
    return s.toString();
  }

  private static List<Suggestion> read(JsonNode results, BoundingBox box, int limit) {
    List<Suggestion> out = new ArrayList<>();
    if (results == null || !results.isArray()) {
      return out;
    }
    for (JsonNode r : results) {
      double lon = number(r.get("lon"));
      double lat = number(r.get("lat"));
      String display = text(r.get("display_name"));
      if (Double.isNaN(lon) || Double.isNaN(lat) || display == null || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        continue;
      }
      if (box != null && (lon < box.minLon() - MARGIN || lon > box.maxLon() + MARGIN
          || lat < box.minLat() - MARGIN || lat > box.maxLat() + MARGIN)) {
        continue;
      }
      String[] parts = display.split(",\\s*");
      String name = text(r.get("name"));
      PlaceKind kind = kind(text(r.get("addresstype")), text(r.get("type")));
      int used = 1;
      if (name == null) {
        // A house has no name: "12, Storgatan, Skärblacka, ..." becomes "Storgatan 12".
        name = parts.length > 1 && parts[0].matches("\\d+\\s*[A-Za-z]?") ? parts[1] + " " + parts[0] : parts[0];
        used = parts.length > 1 && parts[0].matches("\\d+\\s*[A-Za-z]?") ? 2 : 1;
      }
      String where = parts.length > used ? parts[used] : null;
      out.add(new Suggestion(shorten(name), kind, null, shorten(where), lon, lat, "external"));
      if (out.size() == limit) {
        break;
      }
    }
    return out;
  }

  /** By Nominatim's address type, or its type when that says more ("place" / "house" is an address). */
  private static PlaceKind kind(String addressType, String type) {
    PlaceKind byAddressType = kind(addressType == null ? "" : addressType);
    return byAddressType != PlaceKind.LANDMARK ? byAddressType : kind(type == null ? "" : type);
  }

  private static PlaceKind kind(String t) {
    return switch (t) {
      case "house", "building", "house_number" -> PlaceKind.ADDRESS;
      case "road", "street", "pedestrian", "residential" -> PlaceKind.STREET;
      case "square" -> PlaceKind.SQUARE;
      case "village", "hamlet", "isolated_dwelling" -> PlaceKind.VILLAGE;
      case "suburb", "quarter", "neighbourhood", "city_district" -> PlaceKind.DISTRICT;
      case "town", "city", "municipality", "locality" -> PlaceKind.LOCALITY;
      default -> PlaceKind.LANDMARK;
    };
  }

  private static double number(JsonNode n) {
    if (n == null || n.isNull()) {
      return Double.NaN;
    }
    try {
      return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asString());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String text(JsonNode n) {
    return n == null || !n.isString() || n.asString().isBlank() ? null : n.asString().strip();
  }

  private static String shorten(String s) {
    return s == null || s.length() <= 200 ? s : s.substring(0, 200);
  }
}
