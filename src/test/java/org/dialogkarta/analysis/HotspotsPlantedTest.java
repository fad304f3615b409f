package org.dialogkarta.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Planted patterns: with the default scale, planted dense spots are found (each centre in a hot
 * hexagon at 95 % or more) and the uniform background is not (at most 5 % of the hexagons
 * farther than one band from every spot are hot); a pattern without spots has (nearly) nothing hot;
 * pins confined to villages do not make a village hot for being a village.
 */
class HotspotsPlantedTest {

  @ParameterizedTest(name = "seed {0}: {1} background pins, spots of {2} pins within {3} m")
  @CsvSource({
      "1, 1000, 60, 100",
      "2, 1000, 40, 60",
      "3, 2000, 80, 150",
      "4, 500, 30, 50",
      "5, 3000, 120, 200",
      "6, 800, 50, 120"})
  void plantedSpotsAreFoundAndTheBackgroundIsNot(long seed, int background, int pins, double radius) {
    List<PlantedPatterns.Spot> spots = List.of(new PlantedPatterns.Spot(700, 800, radius, pins),
        new PlantedPatterns.Spot(2300, 2600, radius, pins), new PlantedPatterns.Spot(3200, 900, radius, pins));
    PlantedPatterns.Pattern p = PlantedPatterns.of(PlantedPatterns.rectangle(0, 0, 4000, 3000), background, spots, seed);
    Hotspots.Result r = Hotspots.analyse(p.sample(), p.area(), null, null);
    System.out.println(describe(r, p));
    assertThat(r.outcome()).isEqualTo(Hotspots.Outcome.TESTED);
    for (PlantedPatterns.Spot s : spots) {
      int c = r.cells().cellOf(s.x(), s.y());
      assertThat(r.classes()[c].confidence()).as("spot at %s,%s", s.x(), s.y()).isGreaterThanOrEqualTo(95);
      assertThat(r.zScores()[c]).isPositive();
    }
    assertThat(backgroundHotShare(r, spots)).isLessThanOrEqualTo(0.05);
  }

  @ParameterizedTest(name = "seed {0}: {1} pins, no spot")
  @CsvSource({"11, 300", "12, 1000", "13, 5000", "14, 100"})
  void withoutSpotsNothingIsHot(long seed, int background) {
    PlantedPatterns.Pattern p = PlantedPatterns.of(PlantedPatterns.rectangle(0, 0, 4000, 3000), background, List.of(), seed);
    Hotspots.Result r = Hotspots.analyse(p.sample(), p.area(), null, null);
    System.out.println(describe(r, p));
    assertThat(r.outcome()).isEqualTo(Hotspots.Outcome.TESTED);
    assertThat(backgroundHotShare(r, List.of())).isLessThanOrEqualTo(0.01);
  }

  @ParameterizedTest(name = "seed {0}: six villages of {1} pins")
  @CsvSource({"21, 40", "22, 100", "23, 300"})
  void aVillageIsNotHotForBeingAVillage(long seed, int pinsPerVillage) {
    PlantedPatterns.Pattern p = PlantedPatterns.villages(6, 800, 4000, pinsPerVillage, List.of(), seed);
    Hotspots.Result r = Hotspots.analyse(p.sample(), p.area(), null, null);
    System.out.println(describe(r, p));
    assertThat(r.outcome()).isEqualTo(Hotspots.Outcome.TESTED);
    assertThat(backgroundHotShare(r, List.of())).isLessThanOrEqualTo(0.02);
    // No cell outside the villages was made: every centre lies in the study area (or holds a pin in it).
    for (int c = 0; c < r.cells().count(); c++) {
      assertThat(p.area().contains(r.cells().centreX(c), r.cells().centreY(c)) || r.counts()[c] > 0).isTrue();
    }
  }

  @ParameterizedTest(name = "seed {0}: a spot in a village")
  @CsvSource({"31", "32", "33"})
  void aSpotInAVillageIsFound(long seed) {
    // Village 4 (second row, middle) holds a planted spot.
    double cx = 4800 + 400;
    double cy = 4800 + 400;
    List<PlantedPatterns.Spot> spots = List.of(new PlantedPatterns.Spot(cx, cy, 60, 40));
    PlantedPatterns.Pattern p = PlantedPatterns.villages(6, 800, 4000, 100, spots, seed);
    Hotspots.Result r = Hotspots.analyse(p.sample(), p.area(), null, null);
    System.out.println(describe(r, p));
    int c = r.cells().cellOf(cx, cy);
    assertThat(r.classes()[c].confidence()).isGreaterThanOrEqualTo(95);
    assertThat(backgroundHotShare(r, spots)).isLessThanOrEqualTo(0.05);
  }

  @ParameterizedTest(name = "seed {0}: {1} pins on one spot among {2} scattered")
  @CsvSource({"41, 30, 12", "42, 30, 30", "43, 40, 100", "44, 25, 10"})
  void oneDenseSpotAmongScatteredPinsIsFound(long seed, int spot, int scattered) {
    List<PlantedPatterns.Spot> spots = List.of(new PlantedPatterns.Spot(2300, 2100, 15, spot));
    PlantedPatterns.Pattern p = PlantedPatterns.of(PlantedPatterns.rectangle(0, 0, 4600, 4400), scattered, spots, seed);
    Hotspots.Result r = Hotspots.analyse(p.sample(), p.area(), null, null);
    System.out.println(describe(r, p));
    int c = r.cells().cellOf(2300, 2100);
    assertThat(r.classes()[c].confidence()).isGreaterThanOrEqualTo(95);
    assertThat(r.zScores()[c]).isPositive();
  }

  /** Hot hexagons (90 % or more) among those farther than radius + band from every spot. */
  static double backgroundHotShare(Hotspots.Result r, List<PlantedPatterns.Spot> spots) {
    double band = r.scale().distanceBand();
    int background = 0;
    int hot = 0;
    for (int c = 0; c < r.cells().count(); c++) {
      boolean near = false;
      for (PlantedPatterns.Spot s : spots) {
        near |= Math.hypot(r.cells().centreX(c) - s.x(), r.cells().centreY(c) - s.y()) <= s.radius() + band;
      }
      if (!near) {
        background++;
        if (r.classes()[c].name().startsWith("HOT")) {
          hot++;
        }
      }
    }
    return background == 0 ? 0 : (double) hot / background;
  }

  static String describe(Hotspots.Result r, PlantedPatterns.Pattern p) {
    if (r.scale() == null) {
      return r.outcome() + "";
    }
    int hot = 0;
    int cold = 0;
    for (HotspotClass k : r.classes()) {
      hot += k.name().startsWith("HOT") ? 1 : 0;
      cold += k.name().startsWith("COLD") ? 1 : 0;
    }
    StringBuilder z = new StringBuilder();
    for (var s : r.scale().series()) {
      z.append(String.format(" %.0f:%.1f", s.distance(), s.zScore()));
    }
    return String.format("pins %d cells %d occupied %d cell %.0f band %.0f %s hot %d cold %d bg %.3f |%s",
        r.pinsAnalysed(), r.cells().count(), r.occupiedCells(), r.scale().cellSize(), r.scale().distanceBand(),
        r.scale().bandReason(), hot, cold, backgroundHotShare(r, p.spots()), z);
  }
}
