package org.dialogkarta.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.support.SlippyTiles;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * PinGrid's SQL alone, on the real PostGIS (migrations applied by Flyway) without the web
 * application: a slice test. Each test runs in a transaction that is rolled back, so the pins it
 * writes are seen by no other test. The pin trigger's counts must agree with counting the pins.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import(PinGrid.class)
class PinGridSliceTest {

  @Autowired JdbcClient jdbc;
  @Autowired PinGrid grid;

  @Test
  void aTileCountsThePublishedPinsUnderItAndNoOthers() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    long before = grid.version(d.id());
    for (int i = 0; i < 300; i++) {
      insert(d, 16.16 + (i % 20) * 0.0005, 58.58 + (i / 20) * 0.0005, i % 3 == 0 ? "safety_concern" : "suggestion",
          i % 50 == 7 ? "hidden" : "published");
    }
    int[] xy = SlippyTiles.of(16.165, 58.584, 8); // a tile around all of them
    PinGrid.Tile tile = grid.tile(d.id(), new MapTile(8, xy[0], xy[1]), List.of(), grid.version(d.id()));

    long published = jdbc.sql("SELECT count(*) FROM pin WHERE dialogue_id = :d AND moderation_state = 'published'")
        .param("d", d.id()).query(Long.class).single();
    assertThat(published).isEqualTo(294);
    assertThat((long) tile.count()).isEqualTo(published);
    assertThat(tile.clusters().stream().mapToInt(PinGrid.Cluster::count).sum() + tile.pins().size())
        .isEqualTo(tile.count());
    assertThat(grid.version(d.id())).isGreaterThan(before);

    PinGrid.Tile safety = grid.tile(d.id(), new MapTile(8, xy[0], xy[1]), List.of(Category.SAFETY_CONCERN),
        grid.version(d.id()));
    assertThat((long) safety.count()).isEqualTo(jdbc.sql("""
            SELECT count(*) FROM pin WHERE dialogue_id = :d AND moderation_state = 'published'
              AND category = 'safety_concern'""").param("d", d.id()).query(Long.class).single());
  }

  @Test
  void hidingAPinTakesItOffItsTile() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    long pin = insert(d, 16.17, 58.59, "suggestion", "published");
    int[] xy = SlippyTiles.of(16.17, 58.59, 15);
    MapTile at = new MapTile(15, xy[0], xy[1]);
    assertThat(grid.tile(d.id(), at, List.of(), 0).pins()).extracting(PinGrid.TilePin::id).containsExactly(pin);

    jdbc.sql("UPDATE pin SET moderation_state = 'hidden' WHERE id = :p").param("p", pin).update();
    assertThat(grid.tile(d.id(), at, List.of(), 0).count()).isZero();
  }

  @Test
  void aLargeUpdateAfterASmallOneKeepsTheCountsExact() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text)
            SELECT :d, ST_SetSRID(ST_MakePoint(16.15 + (i % 50) * 0.001, 58.575 + (i / 50) * 0.0005), 4326),
                   'suggestion', 'Massa'
            FROM generate_series(0, 1999) AS i""").param("d", d.id()).update();
    // One pin first, so that this connection's trigger has met a one-row update (V16)...
    jdbc.sql("UPDATE pin SET text = 'Först' WHERE id = (SELECT min(id) FROM pin WHERE dialogue_id = :d)")
        .param("d", d.id()).update();
    // ...then 2,000 at once: all moved 0.05° east, a quarter of them hidden.
    jdbc.sql("""
            UPDATE pin SET location = ST_Translate(location, 0.05, 0),
                           moderation_state = CASE WHEN id % 4 = 0 THEN 'hidden' ELSE 'published' END
            WHERE dialogue_id = :d""").param("d", d.id()).update();
    int[] xy = SlippyTiles.of(16.2, 58.58, 8);
    long visible = jdbc.sql("SELECT count(*) FROM pin WHERE dialogue_id = :d AND moderation_state = 'published'")
        .param("d", d.id()).query(Long.class).single();
    assertThat((long) grid.tile(d.id(), new MapTile(8, xy[0], xy[1]), List.of(), 0).count()).isEqualTo(visible);
    assertThat(jdbc.sql("SELECT published FROM dialogue_pin_count WHERE dialogue_id = :d").param("d", d.id())
        .query(Long.class).single()).isEqualTo(visible);
    assertThat(jdbc.sql("SELECT count(*) FROM pin_cell WHERE dialogue_id = :d AND z = 18 AND n < 0").param("d", d.id())
        .query(Long.class).single()).isZero();
  }

  private long insert(TestData.Dialogue d, double lon, double lat, String category, String state) {
    return jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text, moderation_state)
            VALUES (:d, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :c, 'Rutnät', :s) RETURNING id""")
        .param("d", d.id()).param("lon", lon).param("lat", lat).param("c", category).param("s", state)
        .query(Long.class).single();
  }
}
