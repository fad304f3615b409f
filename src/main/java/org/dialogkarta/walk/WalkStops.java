package org.dialogkarta.walk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.geo.GeoJson;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The planned stops of a walk, where the group halts and rates the checklist. A stop that has
 * ratings cannot be removed (its ratings would lose their place); it may be renamed or moved.
 */
@Component
class WalkStops {

  /** @param copiedFrom the same stop on the walk this one repeats */
  record Stop(long id, int position, String name, Map<String, Object> location, Long copiedFrom) {}

  record StopDraft(Long id, String name, JsonNode location) {}

  record Draft(List<StopDraft> stops) {}

  static final int MAX_STOPS = 40;

  private final JdbcClient jdbc;
  private final AuditLog audit;

  WalkStops(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  List<Stop> of(long walkId) {
    return jdbc.sql("""
            SELECT id, position, name, ST_X(location) AS lon, ST_Y(location) AS lat, copied_from
            FROM walk_stop WHERE walk_id = :walk ORDER BY position, id""")
        .param("walk", walkId)
        .query((rs, row) -> new Stop(rs.getLong("id"), rs.getInt("position"), rs.getString("name"),
            GeoJson.geometry(Wgs84.point(rs.getDouble("lon"), rs.getDouble("lat"))), (Long) rs.getObject("copied_from")))
        .list();
  }

  @Transactional
  List<Stop> replace(long walkId, Draft draft) {
    jdbc.sql("SELECT id FROM walk WHERE id = :id FOR UPDATE").param("id", walkId).query(Long.class).single();
    List<Stop> before = of(walkId);
    Set<Long> known = new HashSet<>(before.stream().map(Stop::id).toList());
    List<StopDraft> stops = draft == null || draft.stops() == null ? List.of() : draft.stops();
    List<FieldViolation> faults = new ArrayList<>();
    if (stops.size() > MAX_STOPS) {
      faults.add(FieldViolation.of("stops", "stops.size", "A walk has at most " + MAX_STOPS + " stops"));
    }
    Set<Long> seen = new HashSet<>();
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < stops.size(); i++) {
      StopDraft s = stops.get(i);
      String field = "stops[" + i + "]";
      if (s == null) {
        faults.add(FieldViolation.of(field, "stops.missing", "A stop is an object"));
        points.add(null);
        continue;
      }
      if (s.id() != null && (!known.contains(s.id()) || !seen.add(s.id()))) {
        faults.add(FieldViolation.of(field + ".id", "stops.unknown", "Stop " + s.id() + " is not a stop of this walk, or is named twice"));
      }
      String name = s.name() == null ? "" : s.name().strip();
      if (name.isEmpty() || name.length() > 200) {
        faults.add(FieldViolation.of(field + ".name", "stops.name", "A stop's name has 1 to 200 characters"));
      }
      Point p = WalkGeometry.point(s.location(), field + ".location", faults);
      if (p == null && s.location() == null) {
        faults.add(FieldViolation.of(field + ".location", "stops.location", "A stop needs a location (a GeoJSON Point)"));
      }
      points.add(p);
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    for (Stop old : before) {
      if (!seen.contains(old.id())) {
        boolean rated = jdbc.sql("SELECT EXISTS (SELECT 1 FROM walk_rating_set WHERE stop_id = :id)")
            .param("id", old.id()).query(Boolean.class).single();
        if (rated) {
          throw new ConflictException("stops.rated", "Stop '" + old.name() + "' has checklist ratings and cannot be removed");
        }
        jdbc.sql("UPDATE walk_action SET stop_ids = array_remove(stop_ids, :id) WHERE walk_id = :walk")
            .param("id", old.id()).param("walk", walkId).update();
        jdbc.sql("DELETE FROM walk_stop WHERE id = :id").param("id", old.id()).update();
      }
    }
    for (int i = 0; i < stops.size(); i++) {
      StopDraft s = stops.get(i);
      byte[] wkb = new WKBWriter(2).write(points.get(i));
      if (s.id() == null) {
        jdbc.sql("""
                INSERT INTO walk_stop (walk_id, position, name, location)
                VALUES (:walk, :position, :name, ST_GeomFromWKB(:wkb, 4326))""")
            .param("walk", walkId).param("position", i + 1).param("name", s.name().strip()).param("wkb", wkb).update();
      } else {
        jdbc.sql("UPDATE walk_stop SET position = :position, name = :name, location = ST_GeomFromWKB(:wkb, 4326) WHERE id = :id")
            .param("position", i + 1).param("name", s.name().strip()).param("wkb", wkb).param("id", s.id()).update();
      }
    }
    List<Stop> after = of(walkId);
    audit.record("walk.stops", "walk", walkId, before, after);
    return after;
  }
}
