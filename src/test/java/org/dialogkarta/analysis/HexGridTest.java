package org.dialogkarta.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class HexGridTest {

  private final GeometryFactory factory = new GeometryFactory();

  @ParameterizedTest(name = "({0}, {1}) size {2} -> {3}")
  @CsvSource({
      "0, 0, 100, c0_0",
      "100, 0, 100, c1_0",
      "50, 86.6, 100, c0_1",
      "-50, -86.6, 100, c0_-1",
      "49, 0, 100, c0_0",
      "51, 0, 100, c1_0",
      "570000, 6495000, 100, c-31799_74998"})
  void pinsFallInTheNearestCentre(double x, double y, double size, String id) {
    HexGrid grid = HexGrid.covering(x - 1, y - 1, x + 1, y + 1, size);
    int cell = grid.cellOf(x, y);
    assertThat(grid.id(cell)).isEqualTo(id);
  }

  @Test
  void idsDoNotDependOnTheExtent() {
    HexGrid small = HexGrid.covering(0, 0, 300, 300, 100);
    HexGrid large = HexGrid.covering(-5000, -2000, 9000, 7000, 100);
    for (int cell = 0; cell < small.cellCount(); cell++) {
      int same = large.cellOf(small.centreX(cell), small.centreY(cell));
      assertThat(large.id(same)).isEqualTo(small.id(cell));
      assertThat(large.centreX(same)).isEqualTo(small.centreX(cell));
    }
  }

  @Test
  void everyPointLiesInItsHexagonAndHexagonsTileTheArea() {
    HexGrid grid = HexGrid.covering(1000, 2000, 4000, 3500, 250);
    double hexArea = 0;
    SplittableRandom random = new SplittableRandom(3);
    for (int k = 0; k < 2000; k++) {
      double x = 1000 + random.nextDouble() * 3000;
      double y = 2000 + random.nextDouble() * 1500;
      int cell = grid.cellOf(x, y);
      assertThat(cell).isNotNegative();
      Polygon hexagon = grid.polygon(cell, factory);
      assertThat(hexagon.buffer(1e-6).covers(factory.createPoint(new Coordinate(x, y)))).as("%s, %s", x, y).isTrue();
      hexArea = hexagon.getArea();
    }
    // Centre spacing s: area of a hexagon is s^2 sqrt(3)/2.
    assertThat(hexArea).isCloseTo(250 * 250 * Math.sqrt(3) / 2, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(grid.cellCount()).isGreaterThan((int) (3000 * 1500 / hexArea));
  }

  @Test
  void countsPinsPerCell() {
    PinSample sample = Wkt.sample("0 0, 10 10, -10 5, 100 0, 1000 1000");
    HexGrid grid = HexGrid.covering(0, 0, 1000, 1000, 100);
    int[] counts = grid.count(sample);
    assertThat(counts[grid.cellOf(0, 0)]).isEqualTo(3);
    assertThat(counts[grid.cellOf(100, 0)]).isEqualTo(1);
    assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(5);
  }

  @Test
  void refusesGridsOfMoreThanTwoMillionCells() {
    assertThatThrownBy(() -> HexGrid.covering(0, 0, 12_000, 12_000, 1))
        .isInstanceOf(HexGrid.TooManyCells.class);
    assertThat(HexGrid.covering(0, 0, 12_000, 12_000, 10).cellCount()).isBetween(1_600_000, 1_700_000);
  }
}
