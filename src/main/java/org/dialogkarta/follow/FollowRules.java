package org.dialogkarta.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.mail.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks what a citizen sends to follow something, naming every wrong field at once: the address
 * (one plain address, no name, no line break: {@link Outbox#isAddress}), the language, the
 * frequency, and for an area subscription exactly one of a known dialogue, a known neighbourhood
 * or a drawn area that PostGIS finds valid and not too large.
 */
@Component
class FollowRules {

  /** The largest area one may follow, square metres (50 km²). */
  static final double MAX_AREA_SQUARE_METRES = 50_000_000;
  static final double MIN_AREA_SQUARE_METRES = 100;
  static final int MAX_VERTICES = 200;

  /** What an area subscription follows, once checked. */
  record Target(String kind, Long dialogueId, Long neighbourhoodId, String areaWkt) {}

  private final JdbcClient jdbc;

  FollowRules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The address and language of a request, or the faults added. */
  static String address(String email, List<FieldViolation> faults) {
    if (email == null || email.isBlank()) {
      faults.add(FieldViolation.of("email", "follow.email_missing", "Give an e-mail address"));
      return null;
    }
    if (!Outbox.isAddress(email)) {
      faults.add(FieldViolation.of("email", "follow.email_invalid",
          "Not an e-mail address of the form name@example.se (one address, no name, no line break)"));
      return null;
    }
    return email.strip();
  }

  static String language(String language, List<FieldViolation> faults) {
    if (language == null || language.isBlank()) {
      return "sv";
    }
    String lang = language.strip().toLowerCase(Locale.ROOT);
    if (!FollowRequests.languages().contains(lang)) {
      faults.add(FieldViolation.of("language", "follow.language_unknown", "The language is sv or en"));
    }
    return lang;
  }

  static void throwIfAny(List<FieldViolation> faults) {
    if (!faults.isEmpty()) {
      throw new InvalidInputException(List.copyOf(faults));
    }
  }

  /** The checked address and language of a plain address request. */
  static String[] checkAddress(FollowRequests.AddressRequest body) {
    List<FieldViolation> faults = new ArrayList<>();
    String address = address(body == null ? null : body.email(), faults);
    String language = language(body == null ? null : body.language(), faults);
    throwIfAny(faults);
    return new String[] {address, language};
  }

  Target target(FollowRequests.SubscriptionRequest body, List<FieldViolation> faults) {
    if (body.frequency() == null || !List.of("daily", "weekly").contains(body.frequency())) {
      faults.add(FieldViolation.of("frequency", "follow.frequency_unknown", "The frequency is daily or weekly"));
    }
    int given = (body.dialogue() == null || body.dialogue().isBlank() ? 0 : 1)
        + (body.neighbourhoodId() == null ? 0 : 1) + (body.area() == null ? 0 : 1);
    if (given != 1) {
      faults.add(FieldViolation.of("target", "follow.target_one",
          "Follow exactly one of: a dialogue, a neighbourhood (neighbourhoodId) or an area you draw (area)"));
      return null;
    }
    if (body.dialogue() != null && !body.dialogue().isBlank()) {
      Long id = dialogueId(body.dialogue().strip());
      if (id == null) {
        faults.add(FieldViolation.of("dialogue", "follow.dialogue_unknown", "No dialogue " + body.dialogue()));
        return null;
      }
      return new Target("dialogue", id, null, null);
    }
    if (body.neighbourhoodId() != null) {
      boolean known = jdbc.sql("SELECT count(*) FROM neighbourhood WHERE id = :id")
          .param("id", body.neighbourhoodId()).query(Long.class).single() > 0;
      if (!known) {
        faults.add(FieldViolation.of("neighbourhoodId", "follow.neighbourhood_unknown",
            "No neighbourhood " + body.neighbourhoodId()));
        return null;
      }
      return new Target("neighbourhood", null, body.neighbourhoodId(), null);
    }
    String wkt = area(body.area(), faults);
    return wkt == null ? null : new Target("area", null, null, wkt);
  }

  private Long dialogueId(String ref) {
    return jdbc.sql("SELECT id FROM dialogue WHERE slug = :ref OR CAST(id AS text) = :ref")
        .param("ref", ref).query(Long.class).optional().orElse(null);
  }

  /** The drawn area as WKT after PostGIS has checked it, or null with the fault added. */
  private String area(FollowRequests.Area area, List<FieldViolation> faults) {
    if (!"Polygon".equals(area.type())) {
      faults.add(FieldViolation.of("area.type", "follow.area_type", "The area is a GeoJSON Polygon"));
      return null;
    }
    if (!(area.coordinates() instanceof List<?> rings) || rings.size() != 1 || !(rings.getFirst() instanceof List<?> ring)
        || ring.size() < 3) {
      faults.add(FieldViolation.of("area.coordinates", "follow.area_malformed",
          "The area's coordinates are one ring without holes: [[[lon, lat], ...]]"));
      return null;
    }
    if (ring.size() > MAX_VERTICES + 1) {
      faults.add(FieldViolation.of("area.coordinates", "follow.area_too_many_vertices",
          "The area has " + ring.size() + " corners; at most " + MAX_VERTICES));
      return null;
    }
    StringBuilder wkt = new StringBuilder("POLYGON((");
    String first = null;
    String last = null;
    for (Object p : ring) {
      if (!(p instanceof List<?> pos) || pos.size() < 2 || !(pos.get(0) instanceof Number lon)
          || !(pos.get(1) instanceof Number lat) || !Double.isFinite(lon.doubleValue()) || !Double.isFinite(lat.doubleValue())
          || Math.abs(lon.doubleValue()) > 180 || Math.abs(lat.doubleValue()) > 90) {
        faults.add(FieldViolation.of("area.coordinates", "follow.area_malformed",
            "Each corner is [longitude, latitude] in WGS84 numbers"));
        return null;
      }
      last = lon.doubleValue() + " " + lat.doubleValue();
      if (first == null) {
        first = last;
      } else {
        wkt.append(", ");
      }
      wkt.append(last);
    }
    if (!first.equals(last)) {
      wkt.append(", ").append(first);
    }
    wkt.append("))");
    String polygon = wkt.toString();
    var checked = jdbc.sql("""
            SELECT ST_IsValid(g) AS valid, ST_Area(CAST(g AS geography)) AS m2
            FROM (SELECT ST_GeomFromText(:wkt, 4326) AS g) x""")
        .param("wkt", polygon)
        .query((rs, i) -> new double[] {rs.getBoolean("valid") ? 1 : 0, rs.getDouble("m2")}).single();
    if (checked[0] == 0) {
      faults.add(FieldViolation.of("area", "follow.area_invalid",
          "The area's edges cross each other; draw it again without crossing lines"));
      return null;
    }
    if (checked[1] > MAX_AREA_SQUARE_METRES) {
      faults.add(FieldViolation.of("area", "follow.area_too_large", String.format(Locale.ROOT,
          "The area is %.1f km²; at most %.0f km²", checked[1] / 1e6, MAX_AREA_SQUARE_METRES / 1e6)));
      return null;
    }
    if (checked[1] < MIN_AREA_SQUARE_METRES) {
      faults.add(FieldViolation.of("area", "follow.area_too_small", "The area is too small to follow"));
      return null;
    }
    return polygon;
  }
}
