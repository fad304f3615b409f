package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A layer with no features yet (a municipality that has not imported neighbourhoods) is an empty
 * collection without an extent, not a server error. Found when the whole suite ran: another test
 * had left the neighbourhood table empty. This test empties it for the length of the test only,
 * and puts every neighbourhood back (with its population; the pins are reassigned by the
 * table's trigger), so that the tests after it, in whatever order, find what they left.
 */
class OgcEmptyLayerTest extends OgcTest {

  @Test
  void anEmptyLayerIsAnEmptyCollection() {
    long before = count("neighbourhood");
    long populationBefore = count("neighbourhood_population");
    jdbc.sql("DROP TABLE IF EXISTS kept_neighbourhood, kept_neighbourhood_population").update();
    jdbc.sql("CREATE TABLE kept_neighbourhood AS SELECT * FROM neighbourhood").update();
    jdbc.sql("CREATE TABLE kept_neighbourhood_population AS SELECT * FROM neighbourhood_population").update();
    try {
      jdbc.sql("DELETE FROM neighbourhood").update();

      var collection = api.get("/ogc/collections/neighbourhoods");
      assertThat(collection.status()).isEqualTo(200);
      assertThat(collection.json().get("id").asString()).isEqualTo("neighbourhoods");

      var items = api.get("/ogc/collections/neighbourhoods/items");
      assertThat(items.status()).isEqualTo(200);
      assertThat(items.json().get("features")).isEmpty();

      var all = api.get("/ogc/collections");
      assertThat(all.status()).isEqualTo(200);
    } finally {
      jdbc.sql("INSERT INTO neighbourhood SELECT * FROM kept_neighbourhood").update();
      jdbc.sql("INSERT INTO neighbourhood_population SELECT * FROM kept_neighbourhood_population").update();
      jdbc.sql("DROP TABLE kept_neighbourhood, kept_neighbourhood_population").update();
    }
    assertThat(count("neighbourhood")).isEqualTo(before);
    assertThat(count("neighbourhood_population")).isEqualTo(populationBefore);
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
