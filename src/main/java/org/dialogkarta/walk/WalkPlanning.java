package org.dialogkarta.walk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.NotFoundException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff plan a walk, fill it in after it was walked, and close it. Each change locks the walk's
 * row, writes it and the audit log (the walk before and after) in one transaction.
 */
@Service
@Transactional
class WalkPlanning {

  private final JdbcClient jdbc;
  private final Walks walks;
  private final AuditLog audit;
  private final WalkRepeats repeats;

  WalkPlanning(JdbcClient jdbc, Walks walks, AuditLog audit, WalkRepeats repeats) {
    this.jdbc = jdbc;
    this.walks = walks;
    this.audit = audit;
    this.repeats = repeats;
  }

  Walk create(CheckedWalk w) {
    repeats.check(w);
    long id = jdbc.sql("""
            INSERT INTO walk (dialogue_id, kind, title, description, starts_at, ends_at, meeting_point, meeting_point_name,
                              planned_route, participant_count, groups, facilitator, light, weather, note, repeat_of)
            VALUES (:dialogue, :kind, :title, :description, :startsAt, :endsAt, ST_GeomFromWKB(CAST(:meetingPoint AS bytea), 4326),
                    :meetingPointName, ST_GeomFromWKB(CAST(:route AS bytea), 4326), :participants, :groups, :facilitator,
                    :light, :weather, :note, :repeatOf)
            RETURNING id""")
        .params(columns(w))
        .query(Long.class).single();
    repeats.start(id, w.repeatOf());
    Walk after = walks.get(id);
    audit.record("walk.create", "walk", id, null, after);
    return after;
  }

  /**
   * Replaces what staff wrote, before the walk (the plan) or after it (participants, groups,
   * conditions, note). A walk with pins stays in its dialogue: the pins were made for that one.
   */
  Walk replace(long id, CheckedWalk w) {
    Walk before = lock(id);
    if (before.dialogue().id() != w.dialogue().id() && before.pinCount() > 0) {
      throw new ConflictException("walk.has_pins", "Walk " + id + " has pins in dialogue '"
          + before.dialogue().slug() + "' and cannot move to another dialogue");
    }
    repeats.checkMove(id, before.dialogue().id(), w.dialogue().id());
    Map<String, Object> params = columns(w);
    params.put("id", id);
    jdbc.sql("""
            UPDATE walk SET dialogue_id = :dialogue, kind = :kind, title = :title, description = :description, starts_at = :startsAt,
                   ends_at = :endsAt, meeting_point = ST_GeomFromWKB(CAST(:meetingPoint AS bytea), 4326),
                   meeting_point_name = :meetingPointName, planned_route = ST_GeomFromWKB(CAST(:route AS bytea), 4326),
                   participant_count = :participants, groups = :groups, facilitator = :facilitator,
                   light = :light, weather = :weather, note = :note
            WHERE id = :id""")
        .params(params).update();
    Walk after = walks.get(id);
    audit.record("walk.change", "walk", id, before, after);
    return after;
  }

  /**
   * Closes the walk: from now on it takes no pins made later, while pins and tracks recorded
   * before the close still arrive from phones that were offline. Closing twice changes nothing.
   */
  Walk close(long id) {
    Walk before = lock(id);
    if (before.closedAt() != null) {
      return before;
    }
    jdbc.sql("UPDATE walk SET closed_at = :now WHERE id = :id")
        .param("now", Instant.now().atOffset(ZoneOffset.UTC)).param("id", id).update();
    Walk after = walks.get(id);
    audit.record("walk.close", "walk", id, before, after);
    return after;
  }

  private Walk lock(long id) {
    jdbc.sql("SELECT id FROM walk WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
        .orElseThrow(() -> new NotFoundException("No walk " + id));
    return walks.get(id);
  }

  private static Map<String, Object> columns(CheckedWalk w) {
    Map<String, Object> p = new HashMap<>();
    p.put("dialogue", w.dialogue().id());
    p.put("kind", w.kind().code());
    p.put("title", w.title());
    p.put("description", w.description());
    p.put("startsAt", utc(w.startsAt()));
    p.put("endsAt", utc(w.endsAt()));
    p.put("meetingPoint", wkb(w.meetingPoint()));
    p.put("meetingPointName", w.meetingPointName());
    p.put("route", wkb(w.plannedRoute()));
    p.put("participants", w.participantCount());
    p.put("groups", w.groups().stream().map(Coded::code).toArray(String[]::new));
    p.put("facilitator", w.facilitator());
    p.put("light", w.light() == null ? null : w.light().code());
    p.put("weather", w.weather());
    p.put("note", w.note());
    p.put("repeatOf", w.repeatOf());
    return p;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static byte[] wkb(Geometry g) {
    return g == null ? null : new WKBWriter(2).write(g);
  }
}
