package org.dialogkarta.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.hull.ConcaveHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns DBSCAN labels into {@link Cluster}s. The outline is a JTS concave hull (edges no longer
 * than {@code 2 eps}, the widest gap a cluster can bridge) when the cluster has at least
 * {@value #CONCAVE_MIN_PLACES} distinct places and the concave hull is a valid polygon holding at
 * least {@value #CONCAVE_MIN_SHARE} of the convex hull's area (a thinner outline would be slivers
 * between pins rather than a place; an L along two streets of 10 m width and 300 m arms still holds 13 %). Otherwise the convex hull; one or two places, or places on
 * a line, get a buffer of eps/2 so that every cluster is a polygon. A cluster with more than
 * {@value #CONCAVE_MAX_PLACES} distinct places is outlined from its occupied squares of eps/4
 * instead (their centres, the hull then grown by eps/4 so it still holds every pin): a Delaunay
 * triangulation of a hundred thousand places costs seconds, and a few metres do not change the
 * shape a planner sees. If even the squares are too many, the convex hull.
 */
public final class Clusters {

  static final int CONCAVE_MIN_PLACES = 8;
  static final double CONCAVE_MIN_SHARE = 0.1;
  static final int CONCAVE_MAX_PLACES = 2_000;

  private Clusters() {}

  public static List<Cluster> of(PinSample sample, Dbscan.Result result, double eps, GeometryFactory factory) {
    int clusters = result.clusterCount();
    int[] sizes = new int[clusters];
    for (int label : result.labels()) {
      if (label >= 0) {
        sizes[label]++;
      }
    }
    int[][] members = new int[clusters][];
    for (int c = 0; c < clusters; c++) {
      members[c] = new int[sizes[c]];
    }
    int[] filled = new int[clusters];
    for (int i = 0; i < sample.size(); i++) {
      int label = result.label(i);
      if (label >= 0) {
        members[label][filled[label]++] = i;
      }
    }
    // Outlines are independent of one another: drawn on all cores, collected in label order.
    List<Cluster> out = new ArrayList<>(java.util.stream.IntStream.range(0, clusters).parallel()
        .mapToObj(c -> summarise(sample, members[c], eps, factory)).toList());
    out.sort(Comparator.comparingInt(Cluster::pinCount).reversed()
        .thenComparingLong(cluster -> cluster.pinIds()[0]));
    List<Cluster> numbered = new ArrayList<>(clusters);
    for (int k = 0; k < out.size(); k++) {
      Cluster c = out.get(k);
      numbered.add(new Cluster(k + 1, c.pinCount(), c.hull(), c.hullKind(), c.categories(), c.firstAt(), c.lastAt(),
          c.pinIds()));
    }
    return numbered;
  }

  private static Cluster summarise(PinSample sample, int[] members, double eps, GeometryFactory factory) {
    int[] byCategory = new int[PinSample.CATEGORIES.size()];
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long[] ids = new long[members.length];
    Coordinate[] places = new Coordinate[members.length];
    for (int k = 0; k < members.length; k++) {
      int i = members[k];
      byCategory[sample.categoryIndex(i)]++;
      first = Math.min(first, sample.epochSecond(i));
      last = Math.max(last, sample.epochSecond(i));
      ids[k] = sample.id(i);
      places[k] = new Coordinate(sample.x(i), sample.y(i));
    }
    Arrays.sort(ids);
    Map<String, Integer> categories = new LinkedHashMap<>();
    for (int k = 0; k < byCategory.length; k++) {
      if (byCategory[k] > 0) {
        categories.put(PinSample.CATEGORIES.get(k), byCategory[k]);
      }
    }
    Outline outline = outline(places, eps, factory);
    return new Cluster(0, members.length, outline.polygon(), outline.kind(), categories,
        Instant.ofEpochSecond(first), Instant.ofEpochSecond(last), ids);
  }

  record Outline(Polygon polygon, Cluster.Hull kind) {}

  /** The outline of the places of one cluster (see the class comment for the rules). */
  static Outline outline(Coordinate[] places, double eps, GeometryFactory factory) {
    Coordinate[] unique = distinct(places, 0);
    Geometry convex = factory.createMultiPointFromCoords(unique).convexHull();
    if (!(convex instanceof Polygon convexPolygon) || convex.getArea() <= 0) {
      Geometry buffered = convex.buffer(eps / 2, 8);
      return new Outline((Polygon) buffered, Cluster.Hull.CONVEX);
    }
    Coordinate[] source = unique;
    double grow = 0;
    if (unique.length > CONCAVE_MAX_PLACES) {
      source = distinct(unique, eps / 4);
      grow = eps / 4;
    }
    if (source.length >= CONCAVE_MIN_PLACES && source.length <= CONCAVE_MAX_PLACES) {
      Geometry concave = ConcaveHull.concaveHullByLength(factory.createMultiPointFromCoords(source), 2 * eps);
      if (grow > 0) {
        concave = concave.buffer(grow, 2);
      }
      if (concave instanceof Polygon polygon && polygon.isValid()
          && polygon.getArea() >= CONCAVE_MIN_SHARE * convex.getArea()
          && polygon.getArea() < convex.getArea() * (1 - 1e-9)) {
        return new Outline(polygon, Cluster.Hull.CONCAVE);
      }
    }
    return new Outline(convexPolygon, Cluster.Hull.CONVEX);
  }

  /** The distinct places; with {@code cell > 0}, the centres of the distinct squares of that side. */
  private static Coordinate[] distinct(Coordinate[] places, double cell) {
    java.util.LinkedHashSet<Coordinate> seen = new java.util.LinkedHashSet<>();
    for (Coordinate c : places) {
      if (cell > 0) {
        seen.add(new Coordinate((Math.floor(c.x / cell) + 0.5) * cell, (Math.floor(c.y / cell) + 0.5) * cell));
      } else {
        seen.add(c);
      }
    }
    return seen.toArray(Coordinate[]::new);
  }
}
