package org.dialogkarta.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Connections for public reads: from the streaming replica, or from the primary while the replica
 * cannot be reached (then it is tried again after {@link #RETRY_AFTER}), so a stopped replica
 * costs public pages nothing but the first failed connection attempt. Counts what it handed out,
 * for the tests and for an operator's log.
 */
public final class ReplicaOrPrimary extends AbstractDataSource {

  static final Duration RETRY_AFTER = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(ReplicaOrPrimary.class);

  private final DataSource replica;
  private final DataSource primary;
  private final AtomicLong fromReplica = new AtomicLong();
  private final AtomicLong fromPrimary = new AtomicLong();
  private volatile long replicaDownUntil;

  ReplicaOrPrimary(DataSource replica, DataSource primary) {
    this.replica = replica;
    this.primary = primary;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (System.nanoTime() - replicaDownUntil < 0) {
      fromPrimary.incrementAndGet();
      return primary.getConnection();
    }
    try {
      Connection c = replica.getConnection();
      fromReplica.incrementAndGet();
      return c;
    } catch (SQLException e) {
      replicaDownUntil = System.nanoTime() + RETRY_AFTER.toNanos();
      log.warn("The read replica cannot be reached ({}); public reads use the primary for {} s", e.getMessage(),
          RETRY_AFTER.toSeconds());
      fromPrimary.incrementAndGet();
      return primary.getConnection();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLException("ReplicaOrPrimary hands out its pools' connections only");
  }

  /** Connections handed out from the replica, and from the primary in its place. */
  public long fromReplica() {
    return fromReplica.get();
  }

  public long fromPrimary() {
    return fromPrimary.get();
  }
}
