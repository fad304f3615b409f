package org.dialogkarta.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.dialogkarta.analysis.Clusters;
import org.dialogkarta.analysis.Dbscan;
import org.dialogkarta.analysis.FalseDiscoveryRate;
import org.dialogkarta.analysis.GiStar;
import org.dialogkarta.analysis.HexGrid;
import org.dialogkarta.analysis.Normal;
import org.dialogkarta.analysis.PinSample;
import org.dialogkarta.geo.CrsTransform;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The analysis of one dialogue's pins in a JVM of its own, started by {@link AnalysisBenchmark}
 * with {@code -Xmx512m}: loads the pins as {@code AnalysisPins} does (one streamed query, fetch
 * size 10,000, in a read-only transaction, projected by proj4j), runs DBSCAN with the cluster summaries and Gi* on
 * 100 m hexagons with the FDR correction, and prints the peak heap: the sum over the heap memory
 * pools of their peak usage (MemoryPoolMXBean), which the JVM records on every collection and
 * allocation slow path. Finishing at all under -Xmx512m is the hard proof; the peak is the figure.
 */
public final class AnalysisHeapProbe {

  public static void main(String[] args) throws Exception {
    String url = args[0];
    long dialogue = Long.parseLong(args[1]);
    double eps = Double.parseDouble(args[2]);
    int minPoints = Integer.parseInt(args[3]);
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    PinSample sample;
    try (Connection connection = DriverManager.getConnection(url, "dialogkarta", "dialogkarta")) {
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      try (PreparedStatement query = connection.prepareStatement("""
          SELECT pin.id, ST_X(pin.location), ST_Y(pin.location), pin.category,
                 extract(epoch FROM coalesce(pin.recorded_at, pin.created_at))::bigint
          FROM pin
          WHERE pin.dialogue_id = ? AND pin.moderation_state = 'published' AND pin.merged_into IS NULL
          ORDER BY pin.id""")) {
        query.setFetchSize(10_000);
        query.setLong(1, dialogue);
        PinSample.Builder builder = PinSample.builder(1024);
        CrsTransform toMetric = CrsTransform.between(4326, 3006);
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            double[] xy = toMetric.apply(rs.getDouble(2), rs.getDouble(3));
            builder.add(rs.getLong(1), xy[0], xy[1], rs.getString(4), rs.getLong(5));
          }
        }
        sample = builder.build();
      }
      connection.rollback();
    }
    long afterLoad = peakHeap();
    Dbscan.Result result = Dbscan.cluster(sample, eps, minPoints);
    int clusters = Clusters.of(sample, result, eps, new GeometryFactory()).size();
    long afterDbscan = peakHeap();

    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < sample.size(); i++) {
      minX = Math.min(minX, sample.x(i));
      minY = Math.min(minY, sample.y(i));
      maxX = Math.max(maxX, sample.x(i));
      maxY = Math.max(maxY, sample.y(i));
    }
    HexGrid grid = HexGrid.covering(minX, minY, maxX, maxY, 100);
    int[] counts = grid.count(sample);
    int n = grid.cellCount();
    double[] xs = new double[n];
    double[] ys = new double[n];
    double[] values = new double[n];
    for (int c = 0; c < n; c++) {
      xs[c] = grid.centreX(c);
      ys[c] = grid.centreY(c);
      values[c] = counts[c];
    }
    double[] z = GiStar.zScores(xs, ys, values, 200);
    double[] p = new double[n];
    for (int c = 0; c < n; c++) {
      p[c] = Normal.twoSidedP(z[c]);
    }
    FalseDiscoveryRate.adjust(p);
    long peak = peakHeap();
    System.out.printf("PROBE pins=%d clusters=%d cells=%d peakAfterLoadMiB=%.1f peakAfterDbscanMiB=%.1f peakMiB=%.1f maxHeapMiB=%.1f%n",
        sample.size(), clusters, n, afterLoad / 1048576.0, afterDbscan / 1048576.0, peak / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
