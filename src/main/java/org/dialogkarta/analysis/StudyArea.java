package org.dialogkarta.analysis;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;

/**
 * Where pins of a selection could have been placed, in the metric CRS: the dialogue's study area,
 * the union of several dialogues' areas, or the selected neighbourhoods. A hotspot analysis asks
 * "more than the surroundings lead you to expect", and the surroundings are only the places where
 * people could comment: empty land outside the area must not make every place inside it look hot.
 * Point tests go through an indexed locator per part, so a million tests take well under a second.
 */
public final class StudyArea {

  /** Where the area came from; the answer names it. */
  public enum Source {
    DIALOGUE, DIALOGUES, NEIGHBOURHOODS, PINS
  }

  private final Geometry geometry;
  private final Source source;
  private final List<Part> parts;

  record Part(Envelope envelope, IndexedPointInAreaLocator locator) {}

  private StudyArea(Geometry geometry, Source source) {
    this.geometry = geometry;
    this.source = source;
    List<Part> list = new ArrayList<>();
    for (int k = 0; k < geometry.getNumGeometries(); k++) {
      Geometry part = geometry.getGeometryN(k);
      if (!part.isEmpty() && part.getArea() > 0) {
        list.add(new Part(part.getEnvelopeInternal(), new IndexedPointInAreaLocator(part)));
      }
    }
    this.parts = List.copyOf(list);
  }

  /** A polygonal area with a positive area (IllegalArgumentException otherwise). */
  public static StudyArea of(Geometry geometry, Source source) {
    if (geometry == null || geometry.isEmpty() || !(geometry instanceof Polygonal) || !(geometry.getArea() > 0)) {
      throw new IllegalArgumentException("a study area is a polygon or multipolygon with an area");
    }
    return new StudyArea(geometry, source);
  }

  public Geometry geometry() {
    return geometry;
  }

  public Source source() {
    return source;
  }

  /** Square metres. */
  public double area() {
    return geometry.getArea();
  }

  List<Part> parts() {
    return parts;
  }

  /** Inside or on the boundary. */
  public boolean contains(double x, double y) {
    Coordinate c = new Coordinate(x, y);
    for (Part part : parts) {
      if (part.envelope().contains(x, y) && part.locator().locate(c) != Location.EXTERIOR) {
        return true;
      }
    }
    return false;
  }
}
