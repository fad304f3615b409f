package org.dialogkarta.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
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
 * 100 m hexagons with the FDR correction, and prints the peak heap occupancy: the heap in use
 * just before each collection (from the collectors' notifications, summed over the heap pools
 * at that moment) and at the end, whichever is largest. That is the most the heap ever held,
 * garbage included; the live data after each step (after a full collection) is printed too.
 * Finishing at all under the -Xmx limit is the hard proof.
 */
public final class AnalysisHeapProbe {

  public static void main(String[] args) throws Exception {
    String url = args[0];
    long dialogue = Long.parseLong(args[1]);
    double eps = Double.parseDouble(args[2]);
    int minPoints = Integer.parseInt(args[3]);
    watchCollections();
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
    long liveAfterLoad = live();
    Dbscan.Result result = Dbscan.cluster(sample, eps, minPoints);
    int clusters = Clusters.of(sample, result, eps, new GeometryFactory()).size();
    long liveAfterDbscan = live();

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
    double[] adjusted = FalseDiscoveryRate.adjust(p);
    noteCurrent();
    long liveAtEnd = live();
    System.out.printf("PROBE pins=%d clusters=%d cells=%d xmx=%.0fMiB peak=%.1fMiB live after load %.1f, after DBSCAN+hulls %.1f, at end %.1f MiB%n",
        sample.size(), clusters, adjusted.length, Runtime.getRuntime().maxMemory() / 1048576.0, peak.get() / 1048576.0,
        liveAfterLoad / 1048576.0, liveAfterDbscan / 1048576.0, liveAtEnd / 1048576.0);
  }

  private static final AtomicLong peak = new AtomicLong();

  /** Heap in use before every collection, summed over the heap pools. */
  private static void watchCollections() {
    Set<String> heapPools = new HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long used = 0;
          for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
              used += pool.getValue().getUsed();
            }
          }
          peak.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
    noteCurrent();
  }

  private static void noteCurrent() {
    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
  }

  /** Live data: the heap after a full collection (noting the occupancy before it). */
  private static long live() {
    noteCurrent();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
