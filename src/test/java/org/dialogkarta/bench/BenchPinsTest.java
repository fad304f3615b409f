package org.dialogkarta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.dialogkarta.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's loader on a small town: the pins arrive published, inside the study area, with
 * every category and both day and dark; a second call with the same count reuses them and a
 * different count replaces them.
 */
@IntegrationTest
class BenchPinsTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void loadsReusesAndReplacesTheSyntheticTown() {
    long dialogue = BenchPins.ensure(dataSource, "bench-town-small", 3000);
    assertThat(count(dialogue)).isEqualTo(3000);
    long firstId = jdbc.sql("SELECT min(id) FROM pin WHERE dialogue_id = :d").param("d", dialogue).query(Long.class).single();

    assertThat(BenchPins.ensure(dataSource, "bench-town-small", 3000)).isEqualTo(dialogue);
    assertThat(jdbc.sql("SELECT min(id) FROM pin WHERE dialogue_id = :d").param("d", dialogue).query(Long.class).single())
        .as("reused, not reloaded").isEqualTo(firstId);

    assertThat(jdbc.sql("""
            SELECT count(*) FROM pin JOIN dialogue d ON d.id = pin.dialogue_id
            WHERE pin.dialogue_id = :d AND ST_Within(pin.location, d.study_area)
              AND pin.moderation_state = 'published' AND pin.merged_into IS NULL""")
        .param("d", dialogue).query(Long.class).single()).isEqualTo(3000);
    assertThat(jdbc.sql("SELECT count(DISTINCT category) FROM pin WHERE dialogue_id = :d")
        .param("d", dialogue).query(Long.class).single()).isEqualTo(4);
    assertThat(jdbc.sql("SELECT count(DISTINCT time_of_day) FROM pin WHERE dialogue_id = :d")
        .param("d", dialogue).query(Long.class).single()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT count(DISTINCT source) FROM pin WHERE dialogue_id = :d")
        .param("d", dialogue).query(Long.class).single()).isEqualTo(3);
    // Clustered, not uniform: the densest 100 m square holds far more than a uniform share.
    long densest = jdbc.sql("""
            SELECT max(c) FROM (SELECT count(*) c FROM pin WHERE dialogue_id = :d
              GROUP BY floor(ST_X(ST_Transform(location, 3006)) / 100), floor(ST_Y(ST_Transform(location, 3006)) / 100)) s""")
        .param("d", dialogue).query(Long.class).single();
    assertThat(densest).isGreaterThan(3000 / 14400 * 20 + 20);

    BenchPins.ensure(dataSource, "bench-town-small", 1000);
    assertThat(count(dialogue)).isEqualTo(1000);
  }

  private long count(long dialogue) {
    return jdbc.sql("SELECT count(*) FROM pin WHERE dialogue_id = :d").param("d", dialogue).query(Long.class).single();
  }
}
