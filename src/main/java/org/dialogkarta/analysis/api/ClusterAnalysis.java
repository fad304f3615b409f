package org.dialogkarta.analysis.api;

import java.util.List;
import org.dialogkarta.analysis.Cluster;
import org.dialogkarta.analysis.Clusters;
import org.dialogkarta.analysis.Dbscan;
import org.dialogkarta.analysis.PinSample;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Service;

/**
 * DBSCAN clusters of a planner's selection of pins, in the metric CRS. Used by the clusters
 * endpoint and by exports; checks eps and minPoints itself so that every caller refuses the same
 * values with the same message.
 */
@Service
public class ClusterAnalysis {

  public static final double DEFAULT_EPS = 50;
  public static final int DEFAULT_MIN_POINTS = 5;
  public static final double MAX_EPS = 5000;
  public static final int MAX_MIN_POINTS = 10_000;

  /** Clusters (ids 1..n, largest first) with hulls in {@code srid}, and the pins that are noise. */
  public record Result(int srid, double eps, int minPoints, int pinCount, List<Cluster> clusters,
      long[] noisePinIds) {}

  private final AnalysisPins pins;

  ClusterAnalysis(AnalysisPins pins) {
    this.pins = pins;
  }

  public Result clusters(AnalysisFilter filter, double eps, int minPoints) {
    if (!(eps > 0) || eps > MAX_EPS) {
      throw InvalidInputException.of("eps", "eps.range",
          "'eps' is the neighbourhood radius in metres: more than 0 and at most " + (int) MAX_EPS + ", not " + eps);
    }
    if (minPoints < 1 || minPoints > MAX_MIN_POINTS) {
      throw InvalidInputException.of("minPoints", "minPoints.range",
          "'minPoints' must be between 1 and " + MAX_MIN_POINTS + ", not " + minPoints);
    }
    PinSample sample = pins.load(filter);
    Dbscan.Result result;
    try {
      result = Dbscan.cluster(sample, eps, minPoints);
    } catch (IllegalArgumentException e) {
      // Only a tiny eps over a whole country can overflow the grid.
      throw InvalidInputException.of("eps", "eps.tooSmall", "'eps' " + eps + " is too small for the spread of these pins");
    }
    int srid = pins.srid();
    List<Cluster> clusters = Clusters.of(sample, result, eps, new GeometryFactory(new PrecisionModel(), srid));
    long[] noise = new long[result.noiseCount()];
    for (int i = 0, k = 0; i < sample.size(); i++) {
      if (result.label(i) == Dbscan.NOISE) {
        noise[k++] = sample.id(i);
      }
    }
    return new Result(srid, eps, minPoints, sample.size(), clusters, noise);
  }
}
