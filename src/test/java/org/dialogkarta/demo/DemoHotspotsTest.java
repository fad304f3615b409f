package org.dialogkarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.analysis.HotspotClass;
import org.dialogkarta.analysis.Hotspots;
import org.dialogkarta.analysis.PinSample;
import org.dialogkarta.analysis.StudyArea;
import org.dialogkarta.demo.DemoMunicipality.Contents;
import org.dialogkarta.demo.DemoMunicipality.Dialogue;
import org.dialogkarta.demo.DemoPins.Pin;
import org.dialogkarta.geo.CrsTransform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hotspot layer on the demo's dialogues with the default scale: a handful of hot places, each
 * holding several pins, never a lone pin called hot, and no hexagon outside the study area.
 */
class DemoHotspotsTest {

  private static final Contents DEMO = DemoMunicipality.norrkoping();

  @ParameterizedTest
  @ValueSource(strings = {DemoMunicipality.WALK, DemoMunicipality.VILLAGES, DemoMunicipality.PARK})
  void aHandfulOfHotPlaces(String slug) {
    Dialogue d = DEMO.dialogue(slug);
    CrsTransform toSweref = CrsTransform.between(4326, 3006);
    PinSample.Builder b = PinSample.builder(256);
    long id = 1;
    for (Pin p : DEMO.pins()) {
      if (p.dialogueSlug().equals(slug) && p.moderationState().equals("published")) {
        double[] xy = toSweref.apply(p.location().getX(), p.location().getY());
        b.add(id++, xy[0], xy[1], p.category(), 0);
      }
    }
    PinSample sample = b.build();
    StudyArea area = StudyArea.of(toSweref.apply(d.studyArea()), StudyArea.Source.DIALOGUE);
    Hotspots.Result r = Hotspots.analyse(sample, area, null, null);
    int hot = 0;
    int occupied = 0;
    List<Integer> hotCounts = new ArrayList<>();
    for (int c = 0; c < r.cells().count(); c++) {
      occupied += r.counts()[c] > 0 ? 1 : 0;
      if (r.classes()[c].name().startsWith("HOT")) {
        hot++;
        hotCounts.add(r.counts()[c]);
      }
    }
    System.out.printf("%s: %d pins, %d cells (%d with pins), cell %.0f m, band %.0f m (%s), %d hot %s%n  %s%n",
        slug, sample.size(), r.cells().count(), occupied, r.scale() == null ? 0 : r.scale().cellSize(),
        r.scale() == null ? 0 : r.scale().distanceBand(), r.scale() == null ? r.outcome() : r.scale().bandReason(),
        hot, hotCounts, r.scale() == null ? "" : r.scale().code() + ", cells: " + r.scale().cellCode());
    assertThat(r.outcome()).isEqualTo(Hotspots.Outcome.TESTED);
    int[] place = r.hotPlaces();
    int places = java.util.Arrays.stream(place).max().orElse(0);
    // Gi* speaks of a hexagon's neighbourhood: every hot place has a busy one (pins within one band).
    int[] nearPlace = new int[places + 1];
    double band = r.scale().distanceBand();
    for (int c = 0; c < place.length; c++) {
      for (int k = 1; k <= places; k++) {
        boolean near = false;
        for (int h = 0; h < place.length && !near; h++) {
          near = place[h] == k && Math.hypot(r.cells().centreX(h) - r.cells().centreX(c),
              r.cells().centreY(h) - r.cells().centreY(c)) <= band + 1e-6;
        }
        nearPlace[k] += near ? r.counts()[c] : 0;
      }
    }
    System.out.printf("  %d hot places, pins within a band of each: %s%n", places, java.util.Arrays.toString(nearPlace));
    assertThat(places).isLessThanOrEqualTo(6);
    assertThat(hot).isLessThan(r.cells().count() / 8);
    for (int k = 1; k <= places; k++) {
      assertThat(nearPlace[k]).as("pins near hot place %d", k).isGreaterThanOrEqualTo(8);
    }
    for (int c = 0; c < r.cells().count(); c++) {
      assertThat(area.contains(r.cells().centreX(c), r.cells().centreY(c)) || r.counts()[c] > 0).isTrue();
    }
  }
}
