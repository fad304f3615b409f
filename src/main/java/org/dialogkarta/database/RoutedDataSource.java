package org.dialogkarta.database;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The application's DataSource with a replica: the router, and the public reads' counts. */
public final class RoutedDataSource extends DelegatingDataSource implements AutoCloseable {

  private final ReplicaOrPrimary reads;
  private final AutoCloseable[] pools;

  RoutedDataSource(DataSource router, ReplicaOrPrimary reads, AutoCloseable... pools) {
    super(router);
    this.reads = reads;
    this.pools = pools;
  }

  /** Closes both pools when the application stops. */
  @Override
  public void close() throws Exception {
    for (AutoCloseable pool : pools) {
      pool.close();
    }
  }

  public ReplicaOrPrimary publicReads() {
    return reads;
  }
}
