package org.dialogkarta.pin;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.geo.BoundingBox;
import org.dialogkarta.geo.GeoJson;
import org.dialogkarta.geo.Wgs84;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of pins for the public: every query here applies {@link PublicPins} (published, not
 * merged), so pending and hidden pins and merged duplicates
 * cannot leak through it. Photo ids and the public replies come in the same query, from the
 * indexes on {@code photo.pin_id} and {@code pin_reply}, so a map of many pins is still one round
 * trip.
 */
@Component
class PublishedPins {

  private static final String SELECT = """
      SELECT id, dialogue_id, ST_X(location) AS lon, ST_Y(location) AS lat, category, subtags,
             text, text_deleted_at IS NOT NULL AS text_deleted, status, supports, created_at,
             ST_AsBinary(drawn_shape) AS drawn_shape_wkb,
             ARRAY(SELECT ph.id FROM photo ph WHERE ph.pin_id = pin.id ORDER BY ph.id) AS photo_ids,
             ARRAY(SELECT r.text FROM pin_reply pr JOIN reply r ON r.id = pr.reply_id
                   WHERE pr.pin_id = pin.id ORDER BY r.created_at, r.id) AS reply_texts,
             ARRAY(SELECT r.created_at FROM pin_reply pr JOIN reply r ON r.id = pr.reply_id
                   WHERE pr.pin_id = pin.id ORDER BY r.created_at, r.id) AS reply_times,
             ARRAY(SELECT r.language FROM pin_reply pr JOIN reply r ON r.id = pr.reply_id
                   WHERE pr.pin_id = pin.id ORDER BY r.created_at, r.id) AS reply_languages
      FROM pin
      WHERE\s""" + PublicPins.condition("pin");

  private final JdbcClient jdbc;

  PublishedPins(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of the pins in view, newest first by id: {@code before} is the last id already shown. */
  List<PinFeature> page(long dialogueId, BoundingBox bbox, List<Category> categories, Long before, int limit) {
    Map<String, Object> params = new java.util.HashMap<>(Map.of("limit", limit));
    StringBuilder sql = inView(dialogueId, bbox, categories, params);
    if (before != null) {
      sql.append(" AND id < :before");
      params.put("before", before);
    }
    sql.append(" ORDER BY id DESC LIMIT :limit");
    return jdbc.sql(sql.toString()).params(params).query(PublishedPins::feature).list();
  }

  List<PinFeature> inDialogue(long dialogueId, BoundingBox bbox, List<Category> categories) {
    Map<String, Object> params = new java.util.HashMap<>();
    StringBuilder sql = inView(dialogueId, bbox, categories, params).append(" ORDER BY created_at DESC, id DESC");
    return jdbc.sql(sql.toString()).params(params).query(PublishedPins::feature).list();
  }

  /** The dialogue's published pins in the box (if any) of the categories (if any), unordered. */
  private static StringBuilder inView(long dialogueId, BoundingBox bbox, List<Category> categories,
      Map<String, Object> params) {
    StringBuilder sql = new StringBuilder(SELECT).append(" AND dialogue_id = :dialogue");
    params.put("dialogue", dialogueId);
    if (bbox != null) {
      sql.append(" AND location && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326)");
      params.putAll(Map.of("minLon", bbox.minLon(), "minLat", bbox.minLat(),
          "maxLon", bbox.maxLon(), "maxLat", bbox.maxLat()));
    }
    if (!categories.isEmpty()) {
      sql.append(" AND category IN (:categories)");
      params.put("categories", categories.stream().map(Category::code).toList());
    }
    return sql;
  }

  /**
   * Published pins of one category near a place, nearest first: what a citizen is offered to
   * support instead of pinning the same thing again. Distance in metres in the metric CRS; the
   * degree box before it only lets the spatial index narrow the search.
   */
  List<PinFeature> nearby(long dialogueId, double lon, double lat, Category category, double metres,
      int metricSrid, int limit) {
    double degrees = metres / 111_000 / Math.max(Math.cos(Math.toRadians(lat)), 0.05) * 1.5;
    return jdbc.sql(SELECT + """
             AND dialogue_id = :dialogue AND category = :category
             AND location && ST_Expand(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :degrees)
             AND ST_DWithin(ST_Transform(location, :srid),
                            ST_Transform(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :srid), :metres)
            ORDER BY ST_Distance(ST_Transform(location, :srid),
                                 ST_Transform(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :srid)), id
            LIMIT :limit""")
        .param("dialogue", dialogueId).param("category", category.code())
        .param("lon", lon).param("lat", lat).param("degrees", degrees)
        .param("srid", metricSrid).param("metres", metres).param("limit", limit)
        .query(PublishedPins::feature).list();
  }

  Optional<PinFeature> byId(long id) {
    return jdbc.sql(SELECT + " AND id = :id").param("id", id).query(PublishedPins::feature).optional();
  }

  private static PinFeature feature(ResultSet rs, int row) throws SQLException {
    return new PinFeature("Feature", rs.getLong("id"),
        GeoJson.geometry(Wgs84.point(rs.getDouble("lon"), rs.getDouble("lat"))),
        new PinFeature.Properties(
            rs.getLong("dialogue_id"),
            rs.getString("category"),
            strings(rs.getArray("subtags")),
            rs.getString("text"),
            rs.getString("status"),
            rs.getInt("supports"),
            rs.getTimestamp("created_at").toInstant(),
            longs(rs.getArray("photo_ids")).stream().map(PinFeature.Photo::published).toList(),
            replies(rs.getArray("reply_texts"), rs.getArray("reply_times"), rs.getArray("reply_languages")),
            rs.getBoolean("text_deleted"),
            ShapeColumn.read(rs)));
  }

  /** The three arrays come from the same ordered subquery, so they pair up by position. */
  private static List<PinFeature.Reply> replies(Array texts, Array times, Array languages) throws SQLException {
    List<String> t = strings(texts);
    if (t.isEmpty()) {
      return List.of();
    }
    Object[] at = (Object[]) times.getArray();
    List<String> lang = strings(languages);
    List<PinFeature.Reply> out = new ArrayList<>(t.size());
    for (int i = 0; i < t.size(); i++) {
      out.add(new PinFeature.Reply(t.get(i), ((Timestamp) at[i]).toInstant(), lang.get(i)));
    }
    return out;
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  static List<Long> longs(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
  }
}
