package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A layer with no features yet (a municipality that has not imported neighbourhoods) is an empty
 * collection without an extent, not a server error. Found when the whole suite ran: another test
 * had left the neighbourhood table empty.
 */
class OgcEmptyLayerTest extends OgcTest {

  @Test
  void anEmptyLayerIsAnEmptyCollection() {
    jdbc.sql("DELETE FROM neighbourhood").update();

    var collection = api.get("/ogc/collections/neighbourhoods");
    assertThat(collection.status()).isEqualTo(200);
    assertThat(collection.json().get("id").asString()).isEqualTo("neighbourhoods");

    var items = api.get("/ogc/collections/neighbourhoods/items");
    assertThat(items.status()).isEqualTo(200);
    assertThat(items.json().get("features")).isEmpty();

    var all = api.get("/ogc/collections");
    assertThat(all.status()).isEqualTo(200);
  }
}
