package org.dialogkarta.walk;

import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A repeat walk: the same route, stops and checklist as an earlier walk of the same dialogue,
 * walked some months later so that the report can say what changed. A new walk that repeats none
 * starts with the default checklist ({@link ChecklistTemplate}).
 */
@Component
class WalkRepeats {

  private final JdbcClient jdbc;
  private final Checklists checklists;

  WalkRepeats(JdbcClient jdbc, Checklists checklists) {
    this.jdbc = jdbc;
    this.checklists = checklists;
  }

  /** A walk repeats an earlier walk of its own dialogue, nothing else (the database agrees). */
  void check(CheckedWalk w) {
    if (w.repeatOf() == null) {
      return;
    }
    Long dialogue = jdbc.sql("SELECT dialogue_id FROM walk WHERE id = :id").param("id", w.repeatOf())
        .query(Long.class).optional().orElse(null);
    if (dialogue == null) {
      throw InvalidInputException.of("repeatOf", "repeat.unknown", "There is no walk " + w.repeatOf());
    }
    if (!dialogue.equals(w.dialogue().id())) {
      throw InvalidInputException.of("repeatOf", "repeat.other_dialogue",
          "Walk " + w.repeatOf() + " belongs to another dialogue; a repeat walk repeats a walk of its own dialogue");
    }
  }

  /** A walk that repeats another, or is repeated, stays in its dialogue. */
  void checkMove(long walkId, long from, long to) {
    if (from == to) {
      return;
    }
    boolean linked = jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM walk WHERE (id = :id AND repeat_of IS NOT NULL) OR repeat_of = :id)""")
        .param("id", walkId).query(Boolean.class).single();
    if (linked) {
      throw new ConflictException("walk.repeat_linked",
          "Walk " + walkId + " repeats or is repeated by a walk of its dialogue and cannot move to another dialogue");
    }
  }

  /** Fills a new walk: the repeated walk's route where none was drawn, its stops and checklist. */
  void start(long walkId, Long repeatOf) {
    checklists.start(walkId, repeatOf);
    if (repeatOf == null) {
      return;
    }
    jdbc.sql("""
            UPDATE walk w SET planned_route = coalesce(w.planned_route, e.planned_route),
                   meeting_point = coalesce(w.meeting_point, e.meeting_point),
                   meeting_point_name = coalesce(w.meeting_point_name, e.meeting_point_name)
            FROM walk e WHERE w.id = :walk AND e.id = :from""")
        .param("walk", walkId).param("from", repeatOf).update();
    jdbc.sql("""
            INSERT INTO walk_stop (walk_id, position, name, location, copied_from)
            SELECT :walk, position, name, location, id FROM walk_stop WHERE walk_id = :from ORDER BY position""")
        .param("walk", walkId).param("from", repeatOf).update();
  }
}
