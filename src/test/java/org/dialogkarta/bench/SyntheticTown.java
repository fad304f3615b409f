package org.dialogkarta.bench;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic pins over Norrköping (around 16.18 E, 58.59 N) clustered the way real input is:
 * dense spots in a few centres (a square, a station, a school yard), pins along a handful of
 * streets (line segments with a few metres of jitter), and a sparse uniform background over about
 * 12 x 12 km. Categories, sources and times are mixed; times spread over March to May 2026, day
 * and night. The same seed and count always give the same pins, so benchmark runs compare.
 *
 * <p>Positions are made in local metres east/north of the centre and turned into WGS84 with an
 * equirectangular approximation (exact enough over 12 km for a benchmark).
 */
public final class SyntheticTown {

  public static final double CENTRE_LON = 16.18;
  public static final double CENTRE_LAT = 58.59;
  /** Half the side of the background square, in metres. */
  public static final double HALF_SIDE_M = 6_000;
  /** A WKT polygon (WGS84) around every pin the town makes, for a dialogue's study area. */
  public static final String STUDY_AREA_WKT;

  private static final double METRES_PER_DEGREE = 111_320.0;
  private static final double COS_LAT = Math.cos(Math.toRadians(CENTRE_LAT));
  private static final long START = Instant.parse("2026-03-01T00:00:00Z").getEpochSecond();
  private static final long SPAN = 92L * 24 * 3600;

  /** Dense spots: east, north (m from the centre), spread (standard deviation, m), weight. */
  private static final double[][] SPOTS = {
      {0, 0, 60, 5}, {-800, 300, 90, 3}, {1200, -500, 120, 3}, {-2500, -1800, 150, 2},
      {3000, 2200, 80, 2}, {-1500, 2600, 200, 1}, {2200, -3100, 110, 1}, {-3800, 900, 70, 1},
      {500, 1500, 45, 1}, {4200, -600, 160, 1}};
  /** Streets: from east, north to east, north (m), jitter (m). */
  private static final double[][] STREETS = {
      {-4000, -200, 4500, 300, 8}, {-300, -4500, 200, 4200, 10}, {-3500, -3000, 3200, 3500, 12},
      {-2000, 1000, 2500, 1200, 6}, {800, -2000, 3800, -2600, 9}, {-4500, 3000, -1000, 4200, 15}};
  private static final List<String> CATEGORIES =
      List.of("suggestion", "safety_concern", "service_gap", "valued_place");
  private static final List<String> SOURCES = List.of("web", "web", "web", "web", "walk", "meeting");

  static {
    double dLon = (HALF_SIDE_M + 2000) / (METRES_PER_DEGREE * COS_LAT);
    double dLat = (HALF_SIDE_M + 2000) / METRES_PER_DEGREE;
    STUDY_AREA_WKT = "POLYGON((%1$.6f %2$.6f, %3$.6f %2$.6f, %3$.6f %4$.6f, %1$.6f %4$.6f, %1$.6f %2$.6f))"
        .formatted(CENTRE_LON - dLon, CENTRE_LAT - dLat, CENTRE_LON + dLon, CENTRE_LAT + dLat);
  }

  private final SplittableRandom random;
  private final double spotWeight;
  private int made;

  public SyntheticTown(long seed) {
    this.random = new SplittableRandom(seed);
    double weight = 0;
    for (double[] spot : SPOTS) {
      weight += spot[3];
    }
    this.spotWeight = weight;
  }

  /** One pin; lon/lat in WGS84. */
  public record Pin(int number, double lon, double lat, String category, String source, Instant at) {}

  /** The next pin: 45 % in dense spots, 35 % along streets, 20 % anywhere in the square. */
  public Pin next() {
    double east;
    double north;
    double kind = random.nextDouble();
    if (kind < 0.45) {
      double pick = random.nextDouble() * spotWeight;
      double[] spot = SPOTS[SPOTS.length - 1];
      for (double[] candidate : SPOTS) {
        pick -= candidate[3];
        if (pick < 0) {
          spot = candidate;
          break;
        }
      }
      east = spot[0] + gaussian() * spot[2];
      north = spot[1] + gaussian() * spot[2];
    } else if (kind < 0.80) {
      double[] street = STREETS[random.nextInt(STREETS.length)];
      double t = random.nextDouble();
      east = street[0] + t * (street[2] - street[0]) + gaussian() * street[4];
      north = street[1] + t * (street[3] - street[1]) + gaussian() * street[4];
    } else {
      east = (random.nextDouble() * 2 - 1) * HALF_SIDE_M;
      north = (random.nextDouble() * 2 - 1) * HALF_SIDE_M;
    }
    // Safety concerns weigh more along streets and at night in real dialogues; a mild skew is enough.
    String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
    if (kind >= 0.45 && kind < 0.80 && random.nextInt(3) == 0) {
      category = "safety_concern";
    }
    String source = SOURCES.get(random.nextInt(SOURCES.size()));
    Instant at = Instant.ofEpochSecond(START + random.nextLong(SPAN));
    made++;
    return new Pin(made, CENTRE_LON + east / (METRES_PER_DEGREE * COS_LAT),
        CENTRE_LAT + north / METRES_PER_DEGREE, category, source, at);
  }

  private double gaussian() {
    return random.nextGaussian();
  }
}
