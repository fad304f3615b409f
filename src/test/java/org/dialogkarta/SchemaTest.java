package org.dialogkarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrations in sql/ made a PostGIS schema with the spatial indexes the map reads rely on. */
@IntegrationTest
class SchemaTest {

  @Autowired JdbcClient jdbc;

  @Test
  void postgisIsThereAndGeometryIsIndexed() {
    assertThat(jdbc.sql("SELECT postgis_lib_version()").query(String.class).single()).matches("3\\..*");
    List<String> gistIndexes = jdbc.sql("""
            SELECT tablename || '.' || indexname FROM pg_indexes
            WHERE schemaname = 'public' AND indexdef LIKE '%USING gist%' ORDER BY 1""")
        .query(String.class).list();
    assertThat(gistIndexes).contains("dialogue.dialogue_study_area_idx", "neighbourhood.neighbourhood_boundary_idx",
        "pin.pin_location_idx");
  }

  @Test
  void theDatabaseRefusesWhatTheRulesRefuse() {
    // Second line of defence: even a bug in the service cannot store an empty text or a bad category.
    long dialogue = jdbc.sql("""
            INSERT INTO dialogue (slug, title, summary, status, participation_level)
            VALUES ('schema-' || floor(random() * 1e9)::text, 'T', 'S', 'ongoing', 'dialogue') RETURNING id""")
        .query(Long.class).single();
    String insert = "INSERT INTO pin (dialogue_id, location, category, text) VALUES (:d, ST_SetSRID(ST_MakePoint(16, 58), 4326), :c, :t)";
    assertThat(refused(insert, dialogue, "suggestion", "   ")).isTrue();
    assertThat(refused(insert, dialogue, "complaint", "ok")).isTrue();
    assertThat(refused(insert, dialogue, "suggestion", "x".repeat(2001))).isTrue();
    assertThat(refused(insert, dialogue, "suggestion", "ok")).isFalse();
  }

  private boolean refused(String sql, long dialogue, String category, String text) {
    try {
      jdbc.sql(sql).param("d", dialogue).param("c", category).param("t", text).update();
      return false;
    } catch (org.springframework.dao.DataIntegrityViolationException e) {
      return true;
    }
  }
}
