package org.dialogkarta.walk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.geo.Wgs84;
import org.locationtech.jts.geom.Coordinate;

/**
 * Cleans a GPS track recorded on a phone during a walk. A point is dropped (counted, never
 * stored) when it cannot be where the walk was:
 * <ul>
 *   <li>its position is not a WGS84 longitude and latitude, or its accuracy is not a distance;</li>
 *   <li>the phone said its fix was worse than {@value #WORST_ACCURACY_METRES} m: a first fix from
 *       the mobile network is often kilometres off, and kept, it would make every good point
 *       after it look like a jump;</li>
 *   <li>it was recorded outside the walk's window (before it opens, after it closes, or in the
 *       future by the server's clock);</li>
 *   <li>its time is not after the previous kept point's;</li>
 *   <li>reaching it from the previous kept point takes more than {@value #MAX_SPEED_MPS} m/s,
 *       faster than anyone runs on a walk (a kilometre in seconds is a bad fix, not a walker).</li>
 * </ul>
 * Distances are great-circle distances on the mean Earth sphere: over the few metres between
 * fixes they differ from the metric CRS by far less than GPS noise, and need no database.
 */
final class TrackFilter {

  static final double MAX_SPEED_MPS = 12;
  static final double WORST_ACCURACY_METRES = 100;
  private static final double EARTH_RADIUS_METRES = 6_371_008.8;

  /** One fix as the phone reported it; {@code accuracy} in metres, or null when not given. */
  record Fix(double lon, double lat, double epochMillis, Double accuracy) {}

  /** The kept positions in order, and how many fixes were dropped. */
  record Result(List<Coordinate> kept, int dropped) {}

  private TrackFilter() {}

  static Result filter(List<Fix> fixes, Instant from, Instant until) {
    List<Coordinate> kept = new ArrayList<>();
    Fix previous = null;
    for (Fix f : fixes) {
      if (usable(f, from, until) && (previous == null || reachable(previous, f))) {
        kept.add(new Coordinate(f.lon(), f.lat()));
        previous = f;
      }
    }
    return new Result(List.copyOf(kept), fixes.size() - kept.size());
  }

  private static boolean usable(Fix f, Instant from, Instant until) {
    if (!Wgs84.isValidLon(f.lon()) || !Wgs84.isValidLat(f.lat()) || !Double.isFinite(f.epochMillis())) {
      return false;
    }
    if (f.accuracy() != null
        && (!Double.isFinite(f.accuracy()) || f.accuracy() < 0 || f.accuracy() > WORST_ACCURACY_METRES)) {
      return false;
    }
    return f.epochMillis() >= from.toEpochMilli() && f.epochMillis() <= until.toEpochMilli();
  }

  private static boolean reachable(Fix from, Fix to) {
    double seconds = (to.epochMillis() - from.epochMillis()) / 1000;
    return seconds > 0 && metresBetween(from, to) <= MAX_SPEED_MPS * seconds;
  }

  /** Haversine distance. */
  static double metresBetween(Fix a, Fix b) {
    double phi1 = Math.toRadians(a.lat());
    double phi2 = Math.toRadians(b.lat());
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(b.lon() - a.lon());
    double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
        + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
