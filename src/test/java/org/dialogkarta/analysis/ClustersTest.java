package org.dialogkarta.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class ClustersTest {

  private final GeometryFactory factory = new GeometryFactory();

  @Test
  void numberedByPinCountThenSmallestPinIdWithCategoriesTimesAndMembers() {
    // Pins 1-3 (a trio far left), 4-7 (a quartet), 8-10 (another trio), 11 (noise).
    PinSample sample = Wkt.sample("0 0, 1 0, 0 1, 100 0, 101 0, 100 1, 101 1, 50 50, 51 50, 50 51, 500 500");
    Dbscan.Result result = Dbscan.cluster(sample, 1.5, 3);

    List<Cluster> clusters = Clusters.of(sample, result, 1.5, factory);

    assertThat(clusters).extracting(Cluster::id).containsExactly(1, 2, 3);
    assertThat(clusters).extracting(Cluster::pinCount).containsExactly(4, 3, 3);
    assertThat(clusters.get(0).pinIds()).containsExactly(4, 5, 6, 7);
    assertThat(clusters.get(1).pinIds()).containsExactly(1, 2, 3);
    assertThat(clusters.get(2).pinIds()).containsExactly(8, 9, 10);
    // Wkt.sample: category i % 4 and one hour apart from pin 1.
    assertThat(clusters.get(0).categories()).containsEntry("service_gap", 1).containsEntry("valued_place", 1)
        .containsEntry("suggestion", 1).containsEntry("safety_concern", 1);
    assertThat(clusters.get(0).firstAt()).isEqualTo(Instant.ofEpochSecond(1_770_000_000L + 3 * 3600));
    assertThat(clusters.get(0).lastAt()).isEqualTo(Instant.ofEpochSecond(1_770_000_000L + 6 * 3600));
    for (Cluster c : clusters) {
      assertThat(c.hull().isValid()).isTrue();
      assertThat(c.hull().getArea()).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      # case                              ; places                                                   ; eps ; kind    ; min area ; max area
      one place: a round buffer           ; 5 5, 5 5, 5 5                                            ; 10  ; CONVEX  ; 75       ; 79
      two places: a capsule               ; 0 0, 10 0                                                ; 10  ; CONVEX  ; 170      ; 180
      a straight line: a capsule          ; 0 0, 5 0, 10 0, 15 0, 20 0                               ; 10  ; CONVEX  ; 270      ; 280
      a square of four: convex            ; 0 0, 10 0, 10 10, 0 10                                   ; 10  ; CONVEX  ; 100      ; 100
      an L along two streets: concave     ; 0 0, 10 0, 20 0, 30 0, 40 0, 50 0, 60 0, 0 10, 0 20, 0 30, 0 40, 0 50, 0 60, 10 5, 20 5, 30 5, 40 5, 50 5, 60 5, 5 10, 5 20, 5 30, 5 40, 5 50, 5 60, 5 5 ; 10 ; CONCAVE ; 500 ; 700
      the L without width: a sliver, so convex ; 0 0, 10 0, 20 0, 30 0, 40 0, 50 0, 60 0, 0 10, 0 20, 0 30, 0 40, 0 50, 0 60 ; 10 ; CONVEX ; 1800 ; 1800
      a filled square grid: convex        ; 0 0, 5 0, 10 0, 0 5, 5 5, 10 5, 0 10, 5 10, 10 10          ; 10  ; CONVEX  ; 100      ; 100
      """)
  void outlines(String name, String places, double eps, Cluster.Hull kind, double minArea, double maxArea) {
    double[][] xy = Wkt.points(places);
    Coordinate[] coordinates = new Coordinate[xy[0].length];
    for (int i = 0; i < coordinates.length; i++) {
      coordinates[i] = new Coordinate(xy[0][i], xy[1][i]);
    }
    Clusters.Outline outline = Clusters.outline(coordinates, eps, factory);
    assertThat(outline.kind()).isEqualTo(kind);
    assertThat(outline.polygon().isValid()).isTrue();
    assertThat(outline.polygon().getArea()).isBetween(minArea, maxArea);
    for (Coordinate c : coordinates) {
      assertThat(outline.polygon().buffer(1e-9).covers(factory.createPoint(c))).isTrue();
    }
  }
}
