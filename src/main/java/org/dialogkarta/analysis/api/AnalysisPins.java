package org.dialogkarta.analysis.api;

import org.dialogkarta.analysis.PinSample;
import org.dialogkarta.geo.MetricCrs;
import org.dialogkarta.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the pins of an {@link AnalysisFilter} into a {@link PinSample}, positioned in the metric
 * CRS by PostGIS ({@code ST_Transform}), in one streamed query ordered by id so that every
 * analysis of the same selection sees the pins in the same order. Streamed for real: the
 * PostgreSQL driver only fetches rows in batches inside a transaction with a fetch size, so a
 * million pins never sit in memory as a result set, only as the sample's columns.
 */
@Component
public class AnalysisPins {

  private static final int FETCH_SIZE = 10_000;

  private final JdbcClient jdbc;
  private final MetricCrs metricCrs;
  private final TransactionTemplate readOnly;

  AnalysisPins(JdbcClient jdbc, MetricCrs metricCrs, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.metricCrs = metricCrs;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** The metric CRS the sample's x/y are in. */
  public int srid() {
    return metricCrs.srid();
  }

  public PinSample load(AnalysisFilter filter) {
    requireKnownDialogue(filter);
    AnalysisFilter.SqlCondition where = filter.toSql();
    String sql = """
        SELECT pin.id, ST_X(m.p) AS x, ST_Y(m.p) AS y, pin.category,
               extract(epoch FROM coalesce(pin.recorded_at, pin.created_at))::bigint AS at
        FROM pin CROSS JOIN LATERAL (SELECT ST_Transform(pin.location, %d) AS p) m
        WHERE %s
        ORDER BY pin.id
        """.formatted(metricCrs.srid(), where.sql());
    PinSample.Builder sample = PinSample.builder(1024);
    readOnly.executeWithoutResult(status -> jdbc.sql(sql).withFetchSize(FETCH_SIZE).params(where.params())
        .query(rs -> {
          sample.add(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4), rs.getLong(5));
        }));
    return sample.build();
  }

  /** An unknown dialogue is a mistake in the request, not an empty selection. */
  public void requireKnownDialogue(AnalysisFilter filter) {
    if (filter.dialogue() == null) {
      return;
    }
    boolean known = jdbc.sql("SELECT count(*) > 0 FROM dialogue WHERE slug = :d OR id::text = :d")
        .param("d", filter.dialogue()).query(Boolean.class).single();
    if (!known) {
      throw InvalidInputException.of("dialogue", "dialogue.unknown", "No dialogue '" + filter.dialogue() + "'");
    }
  }
}
