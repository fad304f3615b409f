package org.dialogkarta.analysis;

import java.time.Instant;
import java.util.Map;
import org.locationtech.jts.geom.Polygon;

/**
 * One DBSCAN cluster as a planner sees it: its outline (in the metric CRS), how many pins of each
 * category it holds, when the first and last of them were made, and which pins they are
 * (ascending ids). Ids run 1..n by pin count, largest first (ties: the smaller first pin id).
 */
public record Cluster(int id, int pinCount, Polygon hull, Hull hullKind, Map<String, Integer> categories,
    Instant firstAt, Instant lastAt, long[] pinIds) {

  /** How the outline was drawn. */
  public enum Hull {
    /** JTS concave hull: follows the shape of a street or an L-shaped square. */
    CONCAVE,
    /** Convex hull, or a small buffer around one to two places or a straight line of them. */
    CONVEX;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
