package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OGC API shows what the public map shows and nothing more: hidden, pending and merged pins
 * are absent from every collection, page and single item, and a pin carries only public fields.
 */
class OgcVisibilityTest extends OgcTest {

  @Test
  void hiddenPendingAndMergedPinsNeverLeaveThroughTheOgcApi() {
    // A place of their own: the collection of all dialogues' pins is also read by a box, and
    // under the suite's shared test point there may be more than a page of other tests' pins.
    double lon = 16.2123;
    double lat = 58.6012;
    long kept = pin("Synlig", lon, lat);
    long hidden = pin("Dold", lon, lat, "hidden", "suggestion", "received", Instant.parse("2026-05-01T00:00:00Z"));
    long pending = pin("Väntar", lon, lat, "pending", "suggestion", "received", Instant.parse("2026-05-01T00:00:00Z"));
    long merged = pin("Dubblett", lon, lat);
    jdbc.sql("UPDATE pin SET merged_into = :kept WHERE id = :merged").param("kept", kept).param("merged", merged).update();

    assertThat(ids(items())).containsExactly(kept);
    assertThat(api.get(items()).json().get("numberMatched").asLong()).isEqualTo(1);
    List<Long> everywhere = ids("/ogc/collections/pins/items?limit=10000&bbox=16.2122,58.6011,16.2124,58.6013");
    assertThat(everywhere).contains(kept).doesNotContain(hidden, pending, merged);
    for (long absent : List.of(hidden, pending, merged)) {
      for (String collection : List.of("pins", "pins-" + dialogue.slug())) {
        assertThat(api.get("/ogc/collections/" + collection + "/items/" + absent).status())
            .as(collection + " " + absent).isEqualTo(404);
        assertThat(api.get("/ogc/collections/" + collection + "/items/" + absent + "?f=html").status()).isEqualTo(404);
      }
    }
    assertThat(api.get(items() + "?f=html").body()).contains("Synlig").doesNotContain("Dold", "Väntar", "Dubblett");
    assertThat(api.get("/ogc/collections/pins/items/" + kept).status()).isEqualTo(200);
  }

  @Test
  void aPinCarriesOnlyPublicFieldsAndNoTextOnceRetentionDeletedIt() {
    long id = pin("Ta bort mig", 16.18, 58.59);
    jdbc.sql("INSERT INTO reply (author, text) VALUES ('planner', 'Vi åtgärdar det i vår') RETURNING id")
        .query(Long.class).optional()
        .ifPresent(reply -> jdbc.sql("INSERT INTO pin_reply (pin_id, reply_id) VALUES (:p, :r)")
            .param("p", id).param("r", reply).update());
    JsonNode p = api.get(items() + "/" + id).json().get("properties");
    List<String> names = new ArrayList<>(p.propertyNames());
    assertThat(names).containsExactlyInAnyOrder("id", "dialogue", "category", "subtags", "text", "status", "replies",
        "createdAt", "source", "neighbourhood", "supports");
    assertThat(names.getFirst()).as("the id first, for QGIS, which renumbers OGC API features").isEqualTo("id");
    assertThat(p.get("id").asLong()).isEqualTo(id);
    assertThat(p.get("replies").get(0).asString()).isEqualTo("Vi åtgärdar det i vår");
    assertThat(p.get("dialogue").asString()).isEqualTo(dialogue.slug());
    assertThat(api.get(items() + "/" + id).body()).doesNotContain("25_44", "woman", "lives", "planner");

    jdbc.sql("UPDATE pin SET text = NULL, text_deleted_at = now() WHERE id = :id").param("id", id).update();
    assertThat(api.get(items() + "/" + id).json().at("/properties/text").isNull()).isTrue();
  }

  @Test
  void aPinOfAnotherDialogueIsNotAnItemOfThisDialoguesCollection() {
    long here = pin("Här", 16.18, 58.59);
    String otherCollection = "/ogc/collections/pins-" + data.openDialogue().slug();
    assertThat(api.get(otherCollection + "/items/" + here).status()).isEqualTo(404);
    assertThat(api.get(otherCollection + "/items").json().get("numberMatched").asLong()).isZero();
  }

  @Test
  void walkRoutesCarryWhatWalkModeShowsNotTheFacilitatorOrNotes() {
    long walk = jdbc.sql("""
            INSERT INTO walk (dialogue_id, kind, title, starts_at, ends_at, planned_route, facilitator, note,
                              meeting_point_name)
            VALUES (:d, 'safety_walk', 'Kvällsvandring', '2026-10-01T17:00:00Z', '2026-10-01T19:00:00Z',
                    ST_GeomFromText('LINESTRING(16.17 58.58, 16.18 58.59)', 4326), 'Hemlig Facilitator',
                    'Intern anteckning', 'Vid torget')
            RETURNING id""").param("d", dialogue.id()).query(Long.class).single();
    JsonNode route = api.get("/ogc/collections/walk-routes/items/" + walk).json();
    assertThat(route.at("/geometry/type").asString()).isEqualTo("LineString");
    assertThat(route.at("/properties/title").asString()).isEqualTo("Kvällsvandring");
    assertThat(route.at("/properties/startsAt").asString()).isEqualTo("2026-10-01T17:00:00.000Z");
    assertThat(route.toString()).doesNotContain("Hemlig", "Intern anteckning");
    assertThat(ids("/ogc/collections/walk-routes/items?limit=10000&datetime=2026-10-01T18:00:00Z")).contains(walk);
    assertThat(ids("/ogc/collections/walk-routes/items?limit=10000&datetime=2026-10-02T00:00:00Z/..")).doesNotContain(walk);
  }

  private List<Long> ids(String url) {
    List<Long> ids = new ArrayList<>();
    api.get(url).json().get("features").forEach(f -> ids.add(f.get("id").asLong()));
    return ids;
  }
}
