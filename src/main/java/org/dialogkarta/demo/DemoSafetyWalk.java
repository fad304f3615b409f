package org.dialogkarta.demo;

import java.time.LocalDate;
import java.util.List;
import org.dialogkarta.walk.ChecklistTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Navestad safety walks run by the method: seven stops along the loop, the default checklist
 * rated by two groups at each stop, the three meetings of the October walk with attendance counts,
 * an action plan in every status, and the November walk as its repeat, with the tunnel and the
 * parking deck better after the lamps were mended. Plain SQL over the demo walks just inserted;
 * the scores are made up but fixed, so the demo looks the same every time.
 */
final class DemoSafetyWalk {

  private record Stop(String name, double lon, double lat, int october, int november) {}

  private static final List<Stop> STOPS = List.of(
      new Stop("Torget vid pelaren", 16.2215, 58.5648, 4, 4),
      new Stop("Gångtunneln mot Hageby", 16.2112, 58.5652, 1, 3),
      new Stop("Lekplatsen i Guldringen", 16.2165, 58.5678, 2, 3),
      new Stop("Gångvägen mot Vilbergen", 16.2232, 58.5705, 3, 3),
      new Stop("Parkeringsdäcket vid Atrium", 16.2272, 58.567, 2, 4),
      new Stop("Skogsstigen på Kvarnberget", 16.2255, 58.5606, 2, 2),
      new Stop("Vid skolan", 16.214, 58.5603, 3, 3));

  private DemoSafetyWalk() {}

  static void add(JdbcClient jdbc) {
    List<Long> walks = jdbc.sql("""
            SELECT w.id FROM walk w JOIN dialogue d ON d.id = w.dialogue_id
            WHERE d.slug = :slug AND w.kind = 'safety_walk' ORDER BY w.starts_at""")
        .param("slug", DemoMunicipality.WALK).query(Long.class).list();
    if (walks.size() < 2) {
      return;
    }
    long october = walks.get(0);
    long november = walks.get(1);
    if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM walk_stop WHERE walk_id = :w)").param("w", october).query(Boolean.class).single()) {
      return; // added before: a demo loaded by an earlier version gets this once
    }
    jdbc.sql("UPDATE walk SET repeat_of = :oct WHERE id = :nov").param("oct", october).param("nov", november).update();
    for (int i = 0; i < STOPS.size(); i++) {
      Stop s = STOPS.get(i);
      jdbc.sql("""
              INSERT INTO walk_stop (walk_id, position, name, location)
              VALUES (:walk, :position, :name, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))""")
          .param("walk", october).param("position", i + 1).param("name", s.name()).param("lon", s.lon()).param("lat", s.lat())
          .update();
    }
    jdbc.sql("""
            INSERT INTO walk_stop (walk_id, position, name, location, copied_from)
            SELECT :nov, position, name, location, id FROM walk_stop WHERE walk_id = :oct ORDER BY position""")
        .param("nov", november).param("oct", october).update();
    int position = 1;
    for (ChecklistTemplate.Question q : ChecklistTemplate.DEFAULT) {
      long id = jdbc.sql("""
              INSERT INTO walk_checklist_item (walk_id, lineage, position, topic, wording)
              VALUES (:walk, 0, :position, :topic, :wording) RETURNING id""")
          .param("walk", october).param("position", position++).param("topic", q.topic()).param("wording", q.wording())
          .query(Long.class).single();
      jdbc.sql("UPDATE walk_checklist_item SET lineage = id WHERE id = :id").param("id", id).update();
    }
    jdbc.sql("""
            INSERT INTO walk_checklist_item (walk_id, lineage, version, position, topic, wording)
            SELECT :nov, lineage, version, position, topic, wording FROM walk_checklist_item WHERE walk_id = :oct""")
        .param("nov", november).param("oct", october).update();
    rate(jdbc, october, true);
    rate(jdbc, november, false);
    meetings(jdbc, october, november);
    actions(jdbc, october);
  }

  /** Two groups at each stop; each question a step around the stop's level, fixed by its place. */
  private static void rate(JdbcClient jdbc, long walk, boolean october) {
    List<Long> stops = jdbc.sql("SELECT id FROM walk_stop WHERE walk_id = :w ORDER BY position").param("w", walk)
        .query(Long.class).list();
    List<Long> items = jdbc.sql("SELECT id FROM walk_checklist_item WHERE walk_id = :w ORDER BY position").param("w", walk)
        .query(Long.class).list();
    for (int s = 0; s < stops.size(); s++) {
      int level = october ? STOPS.get(s).october() : STOPS.get(s).november();
      for (int group = 0; group < 2; group++) {
        long set = jdbc.sql("""
                INSERT INTO walk_rating_set (walk_id, stop_id, recorded_at)
                SELECT :w, :stop, w.starts_at + make_interval(mins => 10 + :s * 14 + :g) FROM walk w WHERE w.id = :w
                RETURNING id""")
            .param("w", walk).param("stop", stops.get(s)).param("s", s).param("g", group).query(Long.class).single();
        for (int i = 0; i < items.size(); i++) {
          int score = Math.max(ChecklistTemplate.MIN, Math.min(ChecklistTemplate.MAX, level + (i * 3 + group + s) % 3 - 1));
          String comment = i == 0 && group == 0 && level <= 2 ? "Mörkt, flera lampor trasiga." : null;
          jdbc.sql("INSERT INTO walk_rating (set_id, walk_id, item_id, score, comment) VALUES (:set, :w, :item, :score, :comment)")
              .param("set", set).param("w", walk).param("item", items.get(i)).param("score", score).param("comment", comment)
              .update();
        }
      }
    }
  }

  private static void meetings(JdbcClient jdbc, long october, long november) {
    jdbc.sql("""
            INSERT INTO walk_meeting (walk_id, kind, held_on, notes, invited_groups, route_agreed, residents, police,
                                      housing_company, municipality, other) VALUES
              (:oct, 'preparatory', DATE '2026-09-30', 'Rutten och stoppen bestämdes. Fritidsgården bjuds in till novembervandringen.',
               ARRAY['residents', 'police', 'housing_company', 'municipality', 'associations'], true, 4, 1, 1, 3, 1),
              (:oct, 'walk', DATE '2026-10-14', 'Sju stopp, checklistan vid varje stopp.', '{}', NULL, 16, 2, 2, 3, 0),
              (:oct, 'follow_up', DATE '2026-10-28', 'Gatukontoret lagar lamporna i tunneln före november. Bostadsbolaget röjer vid lekplatsen.',
               '{}', NULL, 6, 1, 1, 3, 0),
              (:nov, 'walk', DATE '2026-11-11', 'Andra vandringen, i mörker.', '{}', NULL, 11, 1, 2, 2, 1)""")
        .param("oct", october).param("nov", november).update();
  }

  private static void actions(JdbcClient jdbc, long october) {
    jdbc.sql("""
        INSERT INTO department (name, kind) VALUES
          ('Gatukontoret', 'internal'), ('Park och natur', 'internal'),
          ('Hyresbostäder (bostadsbolaget)', 'external'), ('Polisen, lokalpolisområde Norrköping', 'external')
        ON CONFLICT (name) DO NOTHING""").update();
    record Plan(String what, String body, int stop, LocalDate due, String status, String reason, String cost) {}
    List<Plan> plans = List.of(
        new Plan("Byt de trasiga lamporna i gångtunneln mot Hageby", "Gatukontoret", 2, LocalDate.of(2026, 11, 1), "done", null, "low"),
        new Plan("Ny belysning på parkeringsdäcket vid Atrium", "Hyresbostäder (bostadsbolaget)", 5, LocalDate.of(2026, 11, 10), "done", null, "medium"),
        new Plan("Röj buskaget runt lekplatsen i Guldringen", "Hyresbostäder (bostadsbolaget)", 3, LocalDate.of(2027, 3, 31), "in_progress", null, "low"),
        new Plan("Belysning längs skogsstigen på Kvarnberget", "Park och natur", 6, LocalDate.of(2027, 6, 30), "agreed", null, "high"),
        new Plan("Skyltar mot Vilbergen och centrum", "Gatukontoret", 4, null, "proposed", null, "low"),
        new Plan("Kameraövervakning i gångtunneln", "Polisen, lokalpolisområde Norrköping", 2, null, "rejected",
            "Platsen uppfyller inte kraven för kamerabevakning; polisen patrullerar i stället oftare på kvällarna.", "high"));
    for (Plan p : plans) {
      jdbc.sql("""
              INSERT INTO walk_action (walk_id, what, department_id, due_on, status, rejection_reason, cost_class, stop_ids,
                                       done_at)
              SELECT :walk, :what, d.id, :due, :status, :reason, :cost,
                     ARRAY(SELECT s.id FROM walk_stop s WHERE s.walk_id = :walk AND s.position = :stop),
                     CASE WHEN :status = 'done' THEN CAST(:due AS date) + time '12:00' END
              FROM department d WHERE d.name = :body""")
          .param("walk", october).param("what", p.what()).param("due", p.due()).param("status", p.status())
          .param("reason", p.reason()).param("cost", p.cost()).param("stop", p.stop()).param("body", p.body())
          .update();
    }
  }
}
