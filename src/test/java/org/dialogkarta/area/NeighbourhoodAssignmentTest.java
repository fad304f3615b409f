package org.dialogkarta.area;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database keeps {@code pin.neighbourhood_id} right by itself (V8 triggers): on a new pin, a
 * moved pin, and a neighbourhood added, redrawn or removed. Works far south of the other tests'
 * places (around 57.0 N) so their neighbourhoods never cover these pins.
 */
@IntegrationTest
class NeighbourhoodAssignmentTest {

  @Autowired JdbcClient jdbc;

  private TestData.Dialogue dialogue;

  @BeforeEach
  void clean() {
    jdbc.sql("DELETE FROM neighbourhood WHERE code LIKE 'ASSIGN-%'").update();
    dialogue = new TestData(jdbc).dialogue("ongoing",
        "POLYGON((15.9 56.9, 16.3 56.9, 16.3 57.1, 15.9 57.1, 15.9 56.9))", java.util.List.of("suggestion"));
  }

  @Test
  void aNewPinGetsTheNeighbourhoodThatCoversIt() {
    long west = neighbourhood("ASSIGN-W", square(16.0, 57.0, 0.05));
    long inside = pin(16.0, 57.0);
    long outside = pin(16.2, 57.0);
    assertThat(neighbourhoodOf(inside)).isEqualTo(west);
    assertThat(neighbourhoodOf(outside)).isNull();
  }

  @Test
  void overlappingNeighbourhoodsGiveTheSmallestWhateverTheOrder() {
    long small = neighbourhood("ASSIGN-SMALL", square(16.0, 57.0, 0.01));
    long large = neighbourhood("ASSIGN-LARGE", square(16.0, 57.0, 0.05));
    assertThat(neighbourhoodOf(pin(16.0, 57.0))).isEqualTo(small);
    assertThat(neighbourhoodOf(pin(16.03, 57.0))).isEqualTo(large);
  }

  @Test
  void movingAPinMovesItsNeighbourhood() {
    long west = neighbourhood("ASSIGN-W", square(16.0, 57.0, 0.05));
    long east = neighbourhood("ASSIGN-E", square(16.2, 57.0, 0.05));
    long pin = pin(16.0, 57.0);
    jdbc.sql("UPDATE pin SET location = ST_SetSRID(ST_MakePoint(16.2, 57.0), 4326) WHERE id = :id")
        .param("id", pin).update();
    assertThat(neighbourhoodOf(pin)).isEqualTo(east).isNotEqualTo(west);
  }

  @Test
  void pinsFollowANeighbourhoodThatIsAddedRedrawnOrRemoved() {
    long pin = pin(16.0, 57.0);
    long other = pin(16.2, 57.0);
    assertThat(neighbourhoodOf(pin)).isNull();

    long west = neighbourhood("ASSIGN-W", square(16.0, 57.0, 0.05));
    assertThat(neighbourhoodOf(pin)).isEqualTo(west);
    assertThat(neighbourhoodOf(other)).isNull();

    // Redrawn to the east: the first pin falls out, the other comes in.
    jdbc.sql("UPDATE neighbourhood SET boundary = ST_Multi(ST_GeomFromText(:wkt, 4326)) WHERE id = :id")
        .param("wkt", square(16.2, 57.0, 0.05)).param("id", west).update();
    assertThat(neighbourhoodOf(pin)).isNull();
    assertThat(neighbourhoodOf(other)).isEqualTo(west);

    // Removing a small neighbourhood inside a large one hands its pins to the large one.
    long large = neighbourhood("ASSIGN-LARGE", square(16.0, 57.0, 0.08));
    long small = neighbourhood("ASSIGN-SMALL", square(16.0, 57.0, 0.01));
    assertThat(neighbourhoodOf(pin)).isEqualTo(small);
    jdbc.sql("DELETE FROM neighbourhood WHERE id = :id").param("id", small).update();
    assertThat(neighbourhoodOf(pin)).isEqualTo(large);
  }

  private long neighbourhood(String code, String wkt) {
    return jdbc.sql("""
            INSERT INTO neighbourhood (code, name, boundary)
            VALUES (:code, :code, ST_Multi(ST_GeomFromText(:wkt, 4326))) RETURNING id""")
        .param("code", code).param("wkt", wkt).query(Long.class).single();
  }

  private long pin(double lon, double lat) {
    return jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text)
            VALUES (:d, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'suggestion', 'Här')
            RETURNING id""")
        .param("d", dialogue.id()).param("lon", lon).param("lat", lat).query(Long.class).single();
  }

  private Long neighbourhoodOf(long pin) {
    return jdbc.sql("SELECT neighbourhood_id FROM pin WHERE id = :id").param("id", pin)
        .query(Long.class).optional().orElse(null);
  }

  static String square(double lon, double lat, double half) {
    return "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))".formatted(
        lon - half, lat - half, lon + half, lat - half, lon + half, lat + half,
        lon - half, lat + half, lon - half, lat - half);
  }
}
