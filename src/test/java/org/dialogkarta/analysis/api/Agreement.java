package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.dialogkarta.analysis.Dbscan;
import org.dialogkarta.analysis.PinSample;

/**
 * How our DBSCAN partition compares with PostGIS's on the same pins (same order): noise must be
 * noise in both; our clusters map one to one onto PostGIS clusters through their core points;
 * a border point's PostGIS cluster must hold a core point within eps of it. Shared by the test
 * and the benchmark.
 */
public record Agreement(int postgisClusters, int borderPoints, List<String> disagreements) {

  public static Agreement of(PinSample sample, Dbscan.Result ours, List<Integer> postgis, double eps) {
    int n = sample.size();
    List<String> problems = new ArrayList<>();
    Map<Integer, Integer> oursToTheirs = new HashMap<>();
    Map<Integer, Integer> theirsToOurs = new HashMap<>();
    HashSet<Integer> theirClusters = new HashSet<>();
    for (Integer label : postgis) {
      if (label != null) {
        theirClusters.add(label);
      }
    }
    for (int i = 0; i < n && problems.size() < 20; i++) {
      Integer theirs = postgis.get(i);
      int label = ours.label(i);
      if ((theirs == null) != (label == Dbscan.NOISE)) {
        problems.add("pin " + sample.id(i) + ": ours " + label + ", PostGIS " + theirs);
        continue;
      }
      if (ours.core()[i]) {
        Integer mapped = oursToTheirs.putIfAbsent(label, theirs);
        Integer back = theirsToOurs.putIfAbsent(theirs, label);
        if ((mapped != null && !mapped.equals(theirs)) || (back != null && back != label)) {
          problems.add("core pin " + sample.id(i) + ": our cluster " + label + " is PostGIS " + theirs
              + " but was " + mapped + "/" + back);
        }
      }
    }
    // Border points: the cluster PostGIS chose must have one of our core points within eps.
    int border = 0;
    double eps2 = eps * eps;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = sample.x(i);
      ys[i] = sample.y(i);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
    double[] sortedX = new double[n];
    for (int k = 0; k < n; k++) {
      sortedX[k] = xs[order[k]];
    }
    for (int i = 0; i < n && problems.size() < 20; i++) {
      if (ours.core()[i] || ours.label(i) == Dbscan.NOISE) {
        continue;
      }
      border++;
      Integer theirs = postgis.get(i);
      Integer wanted = theirsToOurs.get(theirs);
      boolean found = false;
      int from = lowerBound(sortedX, xs[i] - eps);
      for (int k = from; k < n && sortedX[k] <= xs[i] + eps && !found; k++) {
        int j = order[k];
        double dx = xs[j] - xs[i];
        double dy = ys[j] - ys[i];
        found = ours.core()[j] && dx * dx + dy * dy <= eps2 && wanted != null && ours.label(j) == wanted;
      }
      if (!found) {
        problems.add("border pin " + sample.id(i) + " is in PostGIS cluster " + theirs
            + " which has no core point within eps");
      }
    }
    if (oursToTheirs.size() != theirClusters.size() && problems.isEmpty()) {
      problems.add(ours.clusterCount() + " clusters here, " + theirClusters.size() + " in PostGIS");
    }
    return new Agreement(theirClusters.size(), border, problems);
  }

  private static int lowerBound(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
