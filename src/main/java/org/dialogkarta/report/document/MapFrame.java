package org.dialogkarta.report.document;

import java.awt.Shape;
import java.awt.geom.Point2D;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Where a map's ground extent (SWEREF 99 TM metres) lands on the picture: one scale for both axes,
 * north up, the extent centred in the pixels.
 *
 * @param west the easting at the picture's left edge
 * @param north the northing at the picture's top edge
 * @param metresPerPixel the ground size of one pixel
 */
record MapFrame(double west, double north, double metresPerPixel, int width, int height) {

  /** The smallest ground extent a map shows, so that a single view still has surroundings. */
  static final double MIN_EXTENT_METRES = 300;

  /** The frame of {@code extent} padded by {@code padding} (a fraction) on every side, fitted to the pixels. */
  static MapFrame fit(Envelope extent, double padding, int width, int height) {
    double groundWidth = Math.max(extent.getWidth() * (1 + 2 * padding), MIN_EXTENT_METRES);
    double groundHeight = Math.max(extent.getHeight() * (1 + 2 * padding), MIN_EXTENT_METRES);
    double metresPerPixel = Math.max(groundWidth / width, groundHeight / height);
    Coordinate centre = extent.centre();
    return new MapFrame(
        centre.x - metresPerPixel * width / 2,
        centre.y + metresPerPixel * height / 2,
        metresPerPixel,
        width,
        height);
  }

  double x(double easting) {
    return (easting - west) / metresPerPixel;
  }

  double y(double northing) {
    return (north - northing) / metresPerPixel;
  }

  /** The geometry as a Java2D shape in pixels. */
  Shape shape(Geometry geometry) {
    ShapeWriter writer = new ShapeWriter((Coordinate ground, Point2D pixel) -> pixel.setLocation(x(ground.x), y(ground.y)));
    return writer.toShape(geometry);
  }

  boolean contains(double px, double py) {
    return px >= 0 && py >= 0 && px < width && py < height;
  }
}
