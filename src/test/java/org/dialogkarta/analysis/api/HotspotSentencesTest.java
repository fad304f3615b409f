package org.dialogkarta.analysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dialogkarta.analysis.HotspotScale;
import org.dialogkarta.kernel.Messages;
import org.junit.jupiter.api.Test;

/** Every reason a scale can have reads as a sentence in both languages, placeholders filled. */
class HotspotSentencesTest {

  @Test
  void everyReasonHasASentenceInBothLanguages() {
    for (String lang : java.util.List.of("sv", "en")) {
      for (HotspotScale.BandReason band : HotspotScale.BandReason.values()) {
        for (HotspotScale.CellReason cell : HotspotScale.CellReason.values()) {
          HotspotScale scale = new HotspotScale(70, cell, 15, 1400, band, List.of());
          String text = Messages.text(lang, "analysis.hotspots.scale.band." + scale.code(), Map.of("band", "1,4 km"))
              + Messages.text(lang, "analysis.hotspots.scale.cell." + scale.cellCode(), Map.of("cell", "70 m"));
          assertThat(text).as("%s %s %s", lang, band, cell).doesNotContain("{band}", "{cell}");
        }
      }
    }
    assertThat(HotspotController.metres(1400, "sv")).isEqualTo("1,4 km");
    assertThat(HotspotController.metres(1400, "en")).isEqualTo("1.4 km");
    assertThat(HotspotController.metres(350, "sv")).isEqualTo("350 m");
  }
}
