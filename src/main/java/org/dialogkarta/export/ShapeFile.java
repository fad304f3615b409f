package org.dialogkarta.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The geometry half of a Shapefile (ESRI Shapefile Technical Description, 1998): the main file
 * {@code .shp} and its index {@code .shx}, for points, polylines and polygons. Polygon outer
 * rings are written clockwise and holes counter-clockwise, as the format requires. The headers'
 * lengths and bounding box are only known at the end, so they are written last, in place.
 */
final class ShapeFile implements Closeable {

  static final int POINT = 1;
  static final int POLYLINE = 3;
  static final int POLYGON = 5;

  private final Path shp;
  private final Path shx;
  private final int shapeType;
  private final DataOutputStream main;
  private final DataOutputStream index;
  private final Envelope extent = new Envelope();
  private long offsetWords = 50;
  private int records;

  ShapeFile(Path shp, Path shx, int shapeType) throws IOException {
    this.shp = shp;
    this.shx = shx;
    this.shapeType = shapeType;
    this.main = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(shp), 1 << 16));
    this.index = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(shx), 1 << 16));
    main.write(new byte[100]);
    index.write(new byte[100]);
  }

  void point(double x, double y) throws IOException {
    ByteBuffer b = content(20);
    b.putInt(POINT).putDouble(x).putDouble(y);
    extent.expandToInclude(x, y);
    record(b);
  }

  /** A LineString or MultiLineString as a polyline, a Polygon or MultiPolygon as a polygon. */
  void shape(Geometry g) throws IOException {
    List<Coordinate[]> parts = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon polygon) {
        parts.add(ring(polygon.getExteriorRing(), true));
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          parts.add(ring(polygon.getInteriorRingN(h), false));
        }
      } else if (part instanceof LineString line) {
        parts.add(line.getCoordinates());
      }
    }
    int points = parts.stream().mapToInt(p -> p.length).sum();
    ByteBuffer b = content(44 + 4 * parts.size() + 16 * points);
    Envelope e = g.getEnvelopeInternal();
    extent.expandToInclude(e);
    b.putInt(shapeType).putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    b.putInt(parts.size()).putInt(points);
    int start = 0;
    for (Coordinate[] part : parts) {
      b.putInt(start);
      start += part.length;
    }
    for (Coordinate[] part : parts) {
      for (Coordinate c : part) {
        b.putDouble(c.x).putDouble(c.y);
      }
    }
    record(b);
  }

  private static Coordinate[] ring(LineString ring, boolean outer) {
    Coordinate[] c = ring.getCoordinates();
    if (Orientation.isCCW(c) == outer) {
      c = c.clone();
      java.util.Collections.reverse(java.util.Arrays.asList(c));
    }
    return c;
  }

  private static ByteBuffer content(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private void record(ByteBuffer content) throws IOException {
    int words = content.capacity() / 2;
    records++;
    main.writeInt(records);
    main.writeInt(words);
    main.write(content.array());
    index.writeInt((int) offsetWords);
    index.writeInt(words);
    offsetWords += 4 + words;
  }

  int records() {
    return records;
  }

  /** Completes both files: the headers with their lengths and the bounding box of all shapes. */
  @Override
  public void close() throws IOException {
    main.close();
    index.close();
    header(shp, offsetWords);
    header(shx, 50 + 4L * records);
  }

  private void header(Path file, long lengthWords) throws IOException {
    ByteBuffer h = ByteBuffer.allocate(100);
    h.order(ByteOrder.BIG_ENDIAN).putInt(9994).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putInt((int) lengthWords);
    h.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(shapeType);
    Envelope e = extent.isNull() ? new Envelope(0, 0, 0, 0) : extent;
    h.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    h.putDouble(0).putDouble(0).putDouble(0).putDouble(0);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(0);
      f.write(h.array());
    }
  }

  static void copy(Path file, OutputStream out) throws IOException {
    Files.copy(file, out);
  }
}
