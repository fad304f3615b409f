package org.dialogkarta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The whole hotspot pipeline (study-area hexagons, counting, Gi*, and the incremental Moran's I)
 * against R's spdep on the same pins: the fixture in src/test/resources/reference was written by
 * scripts/reference/spdep-hotspots.R, which counts the pins into hexagons with sf polygons and
 * runs spdep's localG (binary band, include.self) and moran.test (randomisation).
 */
class HotspotsSpdepTest {

  @Test
  void giStarZScoresMatchSpdepLocalG() throws Exception {
    Fixture f = Fixture.load();
    Hotspots.Result r = Hotspots.analyse(f.pins(), f.area(), 100.0, 250.0);
    assertThat(r.outcome()).isEqualTo(Hotspots.Outcome.TESTED);
    List<String[]> expected = rows("spdep-gistar.csv");
    assertThat(r.cells().count()).isEqualTo(expected.size());
    Map<String, Integer> byId = new HashMap<>();
    for (int c = 0; c < r.cells().count(); c++) {
      byId.put(r.cells().id(c), c);
    }
    int pins = 0;
    for (String[] row : expected) {
      Integer c = byId.get(HexGrid.id(Integer.parseInt(row[0]), Integer.parseInt(row[1])));
      assertThat(c).as("cell %s,%s", row[0], row[1]).isNotNull();
      assertThat(r.counts()[c]).as("count of c%s_%s", row[0], row[1]).isEqualTo(Integer.parseInt(row[2]));
      assertThat(r.zScores()[c]).as("z of c%s_%s", row[0], row[1]).isCloseTo(Double.parseDouble(row[3]), within(1e-6));
      pins += r.counts()[c];
    }
    assertThat(r.pinsAnalysed()).isEqualTo(pins);
    assertThat(r.pinsOutside()).isEqualTo(f.pins().size() - pins).isPositive();
  }

  @Test
  void moransIMatchesSpdepMoranTest() throws Exception {
    Fixture f = Fixture.load();
    Hotspots.Result r = Hotspots.analyse(f.pins(), f.area(), 100.0, 250.0);
    int n = r.cells().count();
    double[] xs = new double[n];
    double[] ys = new double[n];
    double[] values = new double[n];
    for (int c = 0; c < n; c++) {
      xs[c] = r.cells().centreX(c);
      ys[c] = r.cells().centreY(c);
      values[c] = r.counts()[c];
    }
    List<String[]> expected = rows("spdep-moran.csv");
    double[] bands = expected.stream().mapToDouble(row -> Double.parseDouble(row[0])).toArray();
    List<SpatialAutocorrelation.Step> steps = SpatialAutocorrelation.incremental(xs, ys, values, bands);
    for (int k = 0; k < bands.length; k++) {
      assertThat(steps.get(k).moransI()).as("I at %s m", bands[k]).isCloseTo(Double.parseDouble(expected.get(k)[1]), within(1e-9));
      assertThat(steps.get(k).zScore()).as("z at %s m", bands[k]).isCloseTo(Double.parseDouble(expected.get(k)[2]), within(1e-6));
    }
  }

  record Fixture(PinSample pins, StudyArea area) {
    static Fixture load() throws IOException, ParseException {
      String areaWkt = null;
      for (String line : lines("spdep-pins.csv")) {
        if (line.startsWith("# area ")) {
          areaWkt = line.substring("# area ".length());
        }
      }
      PinSample.Builder b = PinSample.builder(512);
      long id = 1;
      for (String[] row : rows("spdep-pins.csv")) {
        b.add(id++, Double.parseDouble(row[0]), Double.parseDouble(row[1]), "suggestion", 0);
      }
      return new Fixture(b.build(), StudyArea.of(new WKTReader().read(areaWkt), StudyArea.Source.DIALOGUE));
    }
  }

  /** The data rows of a fixture: no comments, no header. */
  static List<String[]> rows(String name) throws IOException {
    List<String> lines = lines(name);
    return lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).skip(1).map(l -> l.split(",")).toList();
  }

  static List<String> lines(String name) throws IOException {
    try (InputStream in = HotspotsSpdepTest.class.getResourceAsStream("/reference/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
