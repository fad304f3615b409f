package org.dialogkarta.geo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.UnknownAuthorityCodeException;

/**
 * Moves JTS geometries between coordinate reference systems by EPSG code in Java (proj4j), for
 * work done outside the database: cluster hulls and hexagons made in SWEREF 99 metres, answered
 * in WGS84; files written in a CRS the GIS staff ask for. Axis order is always x = easting or
 * longitude, y = northing or latitude (as GeoJSON and PostGIS have it), including for 4326.
 *
 * <p>Safe to share between threads: proj4j's transforms keep scratch state, so each thread gets
 * its own.
 */
public final class CrsTransform {

  private static final CRSFactory FACTORY = new CRSFactory();
  private static final Map<Integer, CoordinateReferenceSystem> SYSTEMS = new ConcurrentHashMap<>();

  private final int fromSrid;
  private final int toSrid;
  private final ThreadLocal<CoordinateTransform> transform;

  private CrsTransform(int fromSrid, int toSrid) {
    CoordinateReferenceSystem from = system(fromSrid);
    CoordinateReferenceSystem to = system(toSrid);
    this.fromSrid = fromSrid;
    this.toSrid = toSrid;
    this.transform = ThreadLocal.withInitial(() -> new BasicCoordinateTransform(from, to));
  }

  /** From one EPSG code to another; IllegalArgumentException when proj4j does not know a code. */
  public static CrsTransform between(int fromSrid, int toSrid) {
    return new CrsTransform(fromSrid, toSrid);
  }

  public int fromSrid() {
    return fromSrid;
  }

  public int toSrid() {
    return toSrid;
  }

  /** The point (x, y) in the target CRS, as {x, y}. */
  public double[] apply(double x, double y) {
    if (fromSrid == toSrid) {
      return new double[] {x, y};
    }
    ProjCoordinate out = new ProjCoordinate();
    transform.get().transform(new ProjCoordinate(x, y), out);
    return new double[] {out.x, out.y};
  }

  /** A transformed copy of the geometry, with its SRID set to the target's. */
  public Geometry apply(Geometry geometry) {
    Geometry copy = geometry.copy();
    if (fromSrid != toSrid) {
      CoordinateTransform t = transform.get();
      ProjCoordinate in = new ProjCoordinate();
      ProjCoordinate out = new ProjCoordinate();
      copy.apply(new CoordinateSequenceFilter() {
        @Override
        public void filter(CoordinateSequence seq, int i) {
          in.x = seq.getX(i);
          in.y = seq.getY(i);
          t.transform(in, out);
          seq.setOrdinate(i, CoordinateSequence.X, out.x);
          seq.setOrdinate(i, CoordinateSequence.Y, out.y);
        }

        @Override
        public boolean isDone() {
          return false;
        }

        @Override
        public boolean isGeometryChanged() {
          return true;
        }
      });
      copy.geometryChanged();
    }
    copy.setSRID(toSrid);
    return copy;
  }

  private static CoordinateReferenceSystem system(int srid) {
    return SYSTEMS.computeIfAbsent(srid, code -> {
      try {
        return FACTORY.createFromName("EPSG:" + code);
      } catch (UnknownAuthorityCodeException | IllegalStateException e) {
        throw new IllegalArgumentException("no coordinate reference system EPSG:" + code, e);
      }
    });
  }
}
