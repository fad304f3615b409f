package org.dialogkarta.feed;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.dialogkarta.pin.PublicPins;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The newest public happenings of a dialogue or a neighbourhood: published pins (never hidden,
 * pending or merged: {@link PublicPins#condition}), their public replies and their public changes
 * of status, newest first.
 */
@Component
class FeedEntries {

  static final int LIMIT = 50;

  record Source(String title, String summary) {}

  private final JdbcClient jdbc;

  FeedEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Source> dialogue(String slug) {
    return jdbc.sql("SELECT title, summary FROM dialogue WHERE slug = :slug").param("slug", slug)
        .query((rs, i) -> new Source(rs.getString("title"), rs.getString("summary"))).optional();
  }

  Optional<Source> neighbourhood(long id) {
    return jdbc.sql("SELECT name FROM neighbourhood WHERE id = :id").param("id", id)
        .query((rs, i) -> new Source(rs.getString("name"), null)).optional();
  }

  List<FeedEntry> ofDialogue(String slug) {
    return entries("d.slug = :slug", "slug", slug);
  }

  List<FeedEntry> ofNeighbourhood(long id) {
    return entries("EXISTS (SELECT 1 FROM neighbourhood n WHERE n.id = :id AND ST_Intersects(n.boundary, p.location))",
        "id", id);
  }

  private List<FeedEntry> entries(String where, String name, Object value) {
    return jdbc.sql("""
            WITH pins AS (
              SELECT p.id, p.category, p.text, p.created_at, d.slug
              FROM pin p JOIN dialogue d ON d.id = p.dialogue_id
              WHERE %s AND %s)
            SELECT * FROM (
              SELECT 'pin' AS kind, id AS item_id, id AS pin_id, slug, category, text, created_at AS at,
                     NULL AS from_value, NULL AS to_value
              FROM pins
              UNION ALL
              SELECT 'reply', r.id, pins.id, slug, category, r.text, r.created_at, NULL, NULL
              FROM pins JOIN pin_reply pr ON pr.pin_id = pins.id JOIN reply r ON r.id = pr.reply_id
              UNION ALL
              SELECT 'status', e.id, pins.id, slug, category, NULL, e.at, e.from_value, e.to_value
              FROM pins JOIN pin_event e ON e.pin_id = pins.id AND e.kind = 'status' AND e.public
            ) entries
            ORDER BY at DESC, item_id DESC
            LIMIT %d""".formatted(PublicPins.condition("p"), where, LIMIT))
        .param(name, value)
        .query((rs, i) -> new FeedEntry(rs.getString("kind"), rs.getLong("item_id"), rs.getLong("pin_id"),
            rs.getString("slug"), rs.getString("category"), rs.getString("text"),
            rs.getObject("at", OffsetDateTime.class), rs.getString("from_value"), rs.getString("to_value")))
        .list();
  }
}
