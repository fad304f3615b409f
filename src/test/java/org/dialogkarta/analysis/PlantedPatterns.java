package org.dialogkarta.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Synthetic pins for testing hotspot analysis against a known truth: a uniform background over a
 * study area, plus planted dense spots of known centre and radius (pins uniform in the disc).
 */
final class PlantedPatterns {

  static final GeometryFactory FACTORY = new GeometryFactory();

  record Spot(double x, double y, double radius, int pins) {}

  record Pattern(PinSample sample, StudyArea area, List<Spot> spots) {}

  private PlantedPatterns() {}

  static Polygon rectangle(double minX, double minY, double maxX, double maxY) {
    return FACTORY.createPolygon(new Coordinate[] {new Coordinate(minX, minY), new Coordinate(maxX, minY),
        new Coordinate(maxX, maxY), new Coordinate(minX, maxY), new Coordinate(minX, minY)});
  }

  /** Background pins uniform over the area (rejection sampling in its envelope), spots on top. */
  static Pattern of(Geometry area, int background, List<Spot> spots, long seed) {
    StudyArea study = StudyArea.of(area, StudyArea.Source.DIALOGUE);
    Random random = new Random(seed);
    PinSample.Builder b = PinSample.builder(background + 64);
    long id = 1;
    var e = area.getEnvelopeInternal();
    int made = 0;
    while (made < background) {
      double x = e.getMinX() + random.nextDouble() * e.getWidth();
      double y = e.getMinY() + random.nextDouble() * e.getHeight();
      if (study.contains(x, y)) {
        b.add(id++, x, y, "suggestion", 0);
        made++;
      }
    }
    for (Spot s : spots) {
      for (int k = 0; k < s.pins(); k++) {
        double r = s.radius() * Math.sqrt(random.nextDouble());
        double a = random.nextDouble() * 2 * Math.PI;
        b.add(id++, s.x() + r * Math.cos(a), s.y() + r * Math.sin(a), "safety_concern", 0);
      }
    }
    return new Pattern(b.build(), study, List.copyOf(spots));
  }

  /** Villages: separate square patches, each with pins uniform inside it. */
  static Pattern villages(int villages, double side, double gap, int pinsPerVillage, List<Spot> spots, long seed) {
    List<Polygon> parts = new ArrayList<>();
    for (int v = 0; v < villages; v++) {
      double x0 = v % 3 * (side + gap);
      double y0 = v / 3 * (side + gap);
      parts.add(rectangle(x0, y0, x0 + side, y0 + side));
    }
    Geometry area = FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
    return of(area, villages * pinsPerVillage, spots, seed);
  }
}
