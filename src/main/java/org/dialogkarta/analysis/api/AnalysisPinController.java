package org.dialogkarta.analysis.api;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.geo.BoundingBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The filtered pins as GeoJSON points for the analysis map, staff view (full text), at most
 * {@value #MAX_LIMIT} per answer with the total, or just the pins of a clicked cluster or
 * hexagon ({@code ids}), optionally only those in the map's view ({@code bbox}). Only published,
 * unmerged pins, like every analysis. Narrowed to a profile group, the list is a planner's only and says "fewer than 5" instead of naming fewer pins
 * ({@link ProfileDisclosure}).
 */
@RestController
class AnalysisPinController {

  static final int DEFAULT_LIMIT = 5000;
  static final int MAX_LIMIT = 20_000;
  static final int MAX_IDS = 2000;
  private static final Set<String> OWN = Set.of("limit", "ids", "bbox");

  private final JdbcClient jdbc;
  private final AnalysisPins pins;
  private final ProfileDisclosure disclosure;

  AnalysisPinController(JdbcClient jdbc, AnalysisPins pins, ProfileDisclosure disclosure) {
    this.jdbc = jdbc;
    this.pins = pins;
    this.disclosure = disclosure;
  }

  @GetMapping("/api/v1/analysis/pins")
  Map<String, Object> pins(@RequestParam MultiValueMap<String, String> params) {
    AnalysisFilter filter = AnalysisFilter.from(params, OWN);
    int limit = Parameters.integerIn(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    List<Long> ids = ids(params);
    ProfileDisclosure.Decision profile = disclosure.of(filter).requirePinLevel();
    pins.requireKnownDialogue(filter);
    AnalysisFilter.SqlCondition where = filter.toSql();
    Map<String, Object> values = new HashMap<>(where.params());
    String condition = where.sql();
    if (ids != null) {
      condition += " AND pin.id IN (:ids)";
      values.put("ids", ids.isEmpty() ? List.of(-1L) : ids);
    }
    BoundingBox box = BoundingBox.parse(Parameters.single(params, "bbox"));
    if (box != null) {
      // The map's view: the pin layer reads only what is on screen.
      condition += " AND pin.location && ST_MakeEnvelope(:w, :s, :e, :n, 4326)";
      values.putAll(Map.of("w", box.minLon(), "s", box.minLat(), "e", box.maxLon(), "n", box.maxLat()));
    }
    long total = jdbc.sql("SELECT count(*) FROM pin WHERE " + condition).params(values).query(Long.class).single();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "FeatureCollection");
    if (profile.masks(total)) {
      profile.putCount(out, "total", total);
      out.put("truncated", false);
      out.put("features", List.of());
      return out;
    }
    values.put("limit", limit);
    List<Object> features = new ArrayList<>();
    jdbc.sql("""
        SELECT pin.id, pin.dialogue_id, pin.category, pin.subtags, pin.status, pin.source, pin.time_of_day,
               pin.created_at, pin.text, ST_X(pin.location) AS lon, ST_Y(pin.location) AS lat
        FROM pin WHERE %s ORDER BY pin.id LIMIT :limit""".formatted(condition))
        .params(values)
        .query(rs -> {
          Map<String, Object> properties = new LinkedHashMap<>();
          properties.put("id", rs.getLong("id"));
          properties.put("dialogueId", rs.getLong("dialogue_id"));
          properties.put("category", rs.getString("category"));
          properties.put("subtags", strings(rs.getArray("subtags")));
          properties.put("status", rs.getString("status"));
          properties.put("source", rs.getString("source"));
          properties.put("timeOfDay", rs.getString("time_of_day"));
          properties.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
          properties.put("text", rs.getString("text"));
          Map<String, Object> feature = new LinkedHashMap<>();
          feature.put("type", "Feature");
          feature.put("id", rs.getLong("id"));
          feature.put("geometry", Map.of("type", "Point", "coordinates",
              List.of(round(rs.getDouble("lon")), round(rs.getDouble("lat")))));
          feature.put("properties", properties);
          features.add(feature);
        });
    out.put("total", total);
    out.put("truncated", total > features.size());
    out.put("features", features);
    return out;
  }

  static List<Long> ids(MultiValueMap<String, String> params) {
    return Parameters.pinIds(params, "ids", MAX_IDS);
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e7) / 1e7;
  }
}
