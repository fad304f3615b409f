package org.dialogkarta.support;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes the rows a test needs, each with a unique slug, so tests never depend on one another or
 * on demo data. Study areas are given as WKT in WGS84.
 */
public final class TestData {

  private final JdbcClient jdbc;

  public TestData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A dialogue around central Norrköping, open (ongoing) unless told otherwise. */
  public Dialogue dialogue(String status, String studyAreaWkt, List<String> categories) {
    String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
    long id = jdbc.sql("""
            INSERT INTO dialogue (slug, title, summary, status, participation_level, study_area, categories)
            VALUES (:slug, :title, 'Vad tycker du om platsen?', :status, 'consultation',
                    ST_Multi(ST_GeomFromText(:area, 4326)), :categories)
            RETURNING id""")
        .param("slug", slug)
        .param("title", "Testdialog " + slug)
        .param("status", status)
        .param("area", studyAreaWkt)
        .param("categories", categories.toArray(String[]::new))
        .query(Long.class)
        .single();
    return new Dialogue(id, slug);
  }

  public Dialogue openDialogue() {
    return dialogue("ongoing", NORRKOPING_CENTRE, List.of("suggestion", "safety_concern", "service_gap"));
  }

  public void subtag(Dialogue d, String category, String tag) {
    subtag(d, category, tag, null);
  }

  /** A sub-tag with the label a planner typed for it (null for the bundle's codes). */
  public void subtag(Dialogue d, String category, String tag, String label) {
    jdbc.sql("INSERT INTO dialogue_subtag (dialogue_id, category, tag, label) VALUES (:d, :c, :t, :l)")
        .param("d", d.id()).param("c", category).param("t", tag).param("l", label).update();
  }

  public long pinCount(Dialogue d) {
    return jdbc.sql("SELECT count(*) FROM pin WHERE dialogue_id = :d").param("d", d.id())
        .query(Long.class).single();
  }

  /** Central Norrköping, roughly 16.14–16.22 E, 58.57–58.61 N. */
  public static final String NORRKOPING_CENTRE =
      "POLYGON((16.14 58.57, 16.22 58.57, 16.22 58.61, 16.14 58.61, 16.14 58.57))";

  public record Dialogue(long id, String slug) {}
}
