package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A slug may be all digits. When one dialogue's slug is another dialogue's id, a reference of
 * digits means the id everywhere (as on the citizen pages), and analysis and exports answer for
 * that one dialogue instead of failing on two matches.
 */
class DialogueByIdOrSlugTest extends AnalysisApiTestBase {

  @Test
  void digitsMeanTheIdEvenWhenAnotherDialoguesSlugIsTheSame() {
    pin(0, 0, "safety_concern");
    pin(3, 3, "safety_concern");
    String digits = Long.toString(dialogue.id());
    jdbc.sql("""
            INSERT INTO dialogue (slug, title, summary, status, participation_level)
            VALUES (:slug, 'Siffror', 'En dialog vars slug är en annan dialogs id', 'ongoing', 'dialogue')""")
        .param("slug", digits).update();

    var statistics = get(planner, "/api/v1/analysis/statistics?dialogue=" + digits);
    assertThat(statistics.status()).isEqualTo(200);
    assertThat(statistics.json().get("pinCount").asInt()).isEqualTo(2);

    var clusters = get(planner, "/api/v1/analysis/clusters?minPoints=2&dialogue=" + digits);
    assertThat(clusters.status()).isEqualTo(200);
    assertThat(clusters.json().get("pinCount").asInt()).isEqualTo(2);

    var export = get(gis, "/api/v1/exports/pins.geojson?dialogue=" + digits);
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.json().get("features")).hasSize(2);
  }
}
