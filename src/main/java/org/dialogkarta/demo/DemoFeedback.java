package org.dialogkarta.demo;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The planner's side of the demo: the departments and outside bodies pins are forwarded to, each
 * forwarded, planned or done pin routed to the one a planner would pick, and the municipality's
 * replies in the completed dialogue, so a first look at the staff pages and the receipt shows a
 * closed loop. Plain SQL over the demo rows just inserted.
 */
final class DemoFeedback {

  private DemoFeedback() {}

  static void add(JdbcClient jdbc, long completedDialogueId) {
    jdbc.sql("""
        INSERT INTO department (name, kind) VALUES
          ('Stadsbyggnadskontoret', 'internal'),
          ('Gatukontoret', 'internal'),
          ('Park och natur', 'internal'),
          ('Kommunledningskontoret, landsbygdsutveckling', 'internal'),
          ('Hyresbostäder (bostadsbolaget)', 'external'),
          ('Polisen, lokalpolisområde Norrköping', 'external'),
          ('Östgötatrafiken', 'external'),
          ('Trafikverket', 'external')
        ON CONFLICT (name) DO NOTHING""").update();
    // Contact addresses (fictional, .example), so that forwarding a pin in the demo queues a message
    // that administrators read at /personal/utskick (no SMTP under make run).
    jdbc.sql("""
        INSERT INTO department_contact (department_id, address)
        SELECT d.id, c.address FROM department d
        JOIN (VALUES ('Stadsbyggnadskontoret', 'stadsbyggnad@demo-kommun.example'),
                     ('Gatukontoret', 'gatukontoret@demo-kommun.example'),
                     ('Park och natur', 'parkochnatur@demo-kommun.example'),
                     ('Hyresbostäder (bostadsbolaget)', 'felanmalan@hyresbostader.example')) AS c (name, address)
          ON c.name = d.name
        ON CONFLICT DO NOTHING""").update();
    // The sub-tag says more than the category about who can act on it.
    jdbc.sql("""
        UPDATE pin p SET department_id = d.id
        FROM department d
        WHERE p.status IN ('forwarded', 'planned', 'done') AND p.department_id IS NULL
          AND d.name = CASE
            WHEN 'people' = ANY (p.subtags) THEN 'Polisen, lokalpolisområde Norrköping'
            WHEN 'maintenance' = ANY (p.subtags) THEN 'Hyresbostäder (bostadsbolaget)'
            WHEN 'vegetation' = ANY (p.subtags) OR 'green_space' = ANY (p.subtags) THEN 'Park och natur'
            WHEN 'bus' = ANY (p.subtags) THEN 'Östgötatrafiken'
            WHEN p.category = 'safety_concern' THEN 'Gatukontoret'
            WHEN p.category = 'service_gap' THEN 'Kommunledningskontoret, landsbygdsutveckling'
            ELSE 'Stadsbyggnadskontoret' END""").update();
    reply(jdbc, completedDialogueId, "safety_concern",
        "Tack för att du var med! Belysningen i parken byts ut mot LED-armaturer och buskagen vid"
            + " gångvägen har gallrats. Arbetet blev klart i oktober 2025.");
    reply(jdbc, completedDialogueId, "suggestion",
        "Tack för ditt förslag. Nya bänkar och en mötesplats vid lekplatsen finns med i"
            + " ombyggnaden som startar våren 2027.");
  }

  /** One reply to every done or planned pin of a category: one text, many pins, as planners do. */
  private static void reply(JdbcClient jdbc, long dialogueId, String category, String text) {
    long reply = jdbc.sql("INSERT INTO reply (author, text, created_at) VALUES ('Stadsbyggnadskontoret', :text,"
            + " TIMESTAMPTZ '2025-11-12 10:00:00+01') RETURNING id")
        .param("text", text).query(Long.class).single();
    jdbc.sql("""
        INSERT INTO pin_reply (pin_id, reply_id)
        SELECT id, :reply FROM pin
        WHERE dialogue_id = :dialogue AND category = :category AND status IN ('done', 'planned')
          AND moderation_state = 'published'""")
        .param("reply", reply).param("dialogue", dialogueId).param("category", category).update();
    jdbc.sql("""
        INSERT INTO pin_event (pin_id, at, actor, kind, to_value, public)
        SELECT pin_id, TIMESTAMPTZ '2025-11-12 10:00:00+01', 'Stadsbyggnadskontoret', 'reply', CAST(:reply AS text), true
        FROM pin_reply WHERE reply_id = :reply""")
        .param("reply", reply).update();
  }
}
