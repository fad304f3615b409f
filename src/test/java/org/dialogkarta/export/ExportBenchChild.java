package org.dialogkarta.export;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One export of the pins layer in a JVM of its own, for the benchmark: started with
 * {@code -Xmx256m}, so finishing at all proves the export runs within 256 MiB of heap; it prints
 * the time of the export itself and the peak use of every heap pool. The classes are the
 * service's own (cursor, writers), only assembled without Spring Boot.
 *
 * <p>Arguments: format extension, output file, JDBC URL, user, password, dialogue id.
 */
public final class ExportBenchChild {

  private ExportBenchChild() {}

  /** The SELECT of the pins layer with the geometry as a column (for ogr2ogr), {@code :srid} left in. */
  public static String pinSelect(long dialogue) {
    return DatabaseLayers.PINS.select(true, false, false).replace(":dialogue", Long.toString(dialogue));
  }

  public static void main(String[] args) throws Exception {
    ExportFormat format = ExportFormat.ofExtension(args[0]).orElseThrow();
    Path out = Path.of(args[1]);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(args[2]);
    dataSource.setUser(args[3]);
    dataSource.setPassword(args[4]);
    long dialogue = Long.parseLong(args[5]);

    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.setFetchSize(ExportLayers.FETCH_SIZE);
    TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    readOnly.setReadOnly(true);
    DatabaseLayer pins = new DatabaseLayer(DatabaseLayers.PINS, new NamedParameterJdbcTemplate(jdbc), readOnly);
    ExportCrs crs = format.alwaysWgs84() ? ExportCrs.WGS84 : ExportCrs.SWEREF99_TM;
    ExportRequest request = new ExportRequest(List.of(pins), format, crs, ExportLayer.Scope.of(dialogue));
    Exports exports = new Exports(new CrsDefinitions(JdbcClient.create(dataSource)));
    Path work = Files.createTempDirectory("export-bench");

    long start = System.nanoTime();
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      exports.write(request, file, work, Exports.Progress.NONE);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("millis=" + millis + " peakHeapBytes=" + peak
        + " maxHeapBytes=" + Runtime.getRuntime().maxMemory());
  }
}
