package org.dialogkarta.walk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dialogkarta.geo.GeoJson;
import org.dialogkarta.geo.Wgs84;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a walk report in three queries: the walk, its tracks collected into one geometry, and its
 * pins with their photo ids. The stops are in the order the pins were made, by the device's time
 * where it gave one: phones that were offline send late and out of order, and several phones
 * pin the same walk, so the order they arrived in says little. Ties keep the order of arrival.
 */
@Component
class WalkReports {

  private final JdbcClient jdbc;
  private final Walks walks;
  private final WalkMethods methods;

  WalkReports(JdbcClient jdbc, Walks walks, WalkMethods methods) {
    this.jdbc = jdbc;
    this.walks = walks;
    this.methods = methods;
  }

  WalkReport of(long walkId) {
    Walk walk = walks.get(walkId);
    record Tracks(byte[] lines, long dropped) {}
    Tracks tracks = jdbc.sql("""
            SELECT ST_AsBinary(ST_Multi(ST_Collect(track ORDER BY id))) AS lines,
                   coalesce(sum(points_dropped), 0) AS dropped
            FROM walk_track WHERE walk_id = :walk""")
        .param("walk", walkId)
        .query((rs, row) -> new Tracks(rs.getBytes("lines"), rs.getLong("dropped")))
        .single();
    List<WalkReport.Stop> stops = new ArrayList<>();
    jdbc.sql("""
            SELECT p.id, p.category, p.subtags, p.text, ST_X(p.location) AS lon, ST_Y(p.location) AS lat,
                   coalesce(p.recorded_at, p.created_at) AS made_at, p.created_at, p.accuracy_m,
                   p.moderation_state, p.status, p.merged_into,
                   ARRAY(SELECT ph.id FROM photo ph WHERE ph.pin_id = p.id ORDER BY ph.id) AS photo_ids
            FROM pin p
            WHERE p.walk_id = :walk
            ORDER BY coalesce(p.recorded_at, p.created_at), p.id""")
        .param("walk", walkId)
        .query(rs -> {
          stops.add(new WalkReport.Stop(stops.size() + 1, rs.getLong("id"), rs.getString("category"),
              Arrays.asList((String[]) rs.getArray("subtags").getArray()), rs.getString("text"),
              GeoJson.geometry(Wgs84.point(rs.getDouble("lon"), rs.getDouble("lat"))),
              instant(rs.getTimestamp("made_at")), instant(rs.getTimestamp("created_at")),
              (Float) rs.getObject("accuracy_m"), rs.getString("moderation_state"), rs.getString("status"),
              (Long) rs.getObject("merged_into"),
              Arrays.stream((Long[]) rs.getArray("photo_ids").getArray()).map(WalkReport.Photo::of).toList()));
        });
    Map<String, Object> track = GeoJson.geometry(Walks.geometry(tracks.lines()));
    return new WalkReport(walk, track, tracks.dropped(), List.copyOf(stops), WalkReport.actions(stops),
        methods.of(walkId));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
