package org.dialogkarta.analysis.api;

import org.dialogkarta.analysis.PinSample;
import org.dialogkarta.dialogue.DialogueIdOrSlug;
import org.dialogkarta.geo.CrsTransform;
import org.dialogkarta.geo.MetricCrs;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the pins of an {@link AnalysisFilter} into a {@link PinSample}, positioned in the metric
 * CRS (projected in Java by {@link CrsTransform}), in one streamed query ordered by id so that every
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
  private final CrsTransform toMetric;

  AnalysisPins(JdbcClient jdbc, MetricCrs metricCrs, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.metricCrs = metricCrs;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.toMetric = javaProjection(metricCrs.srid());
  }

  /** WGS84 to the metric CRS in Java, or null to let PostGIS do it (a CRS proj4j does not know). */
  private static CrsTransform javaProjection(int srid) {
    try {
      return CrsTransform.between(4326, srid);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The metric CRS the sample's x/y are in. */
  public int srid() {
    return metricCrs.srid();
  }

  public PinSample load(AnalysisFilter filter) {
    requireKnownDialogue(filter);
    AnalysisFilter.SqlCondition where = filter.toSql();
    // Projected here when proj4j knows the CRS: PostGIS's ST_Transform costs about 5 us a row,
    // proj4j (the same extended transverse Mercator) well under 1 us and agrees to nanometres.
    CrsTransform projection = toMetric;
    String position = projection != null ? "ST_X(pin.location), ST_Y(pin.location)"
        : "ST_X(ST_Transform(pin.location, %1$d)), ST_Y(ST_Transform(pin.location, %1$d))".formatted(metricCrs.srid());
    String sql = """
        SELECT pin.id, %s, pin.category,
               extract(epoch FROM coalesce(pin.recorded_at, pin.created_at))::bigint AS at
        FROM pin
        WHERE %s
        ORDER BY pin.id
        """.formatted(position, where.sql());
    PinSample.Builder sample = PinSample.builder(1024);
    readOnly.executeWithoutResult(status -> jdbc.sql(sql).withFetchSize(FETCH_SIZE).params(where.params())
        .query(rs -> {
          double x = rs.getDouble(2);
          double y = rs.getDouble(3);
          if (projection != null) {
            double[] metric = projection.apply(x, y);
            x = metric[0];
            y = metric[1];
          }
          sample.add(rs.getLong(1), x, y, rs.getString(4), rs.getLong(5));
        }));
    return sample.build();
  }

  /** An unknown dialogue or neighbourhood is a mistake in the request, not an empty selection. */
  public void requireKnownDialogue(AnalysisFilter filter) {
    for (String code : filter.neighbourhoods()) {
      boolean known = jdbc.sql("SELECT count(*) > 0 FROM neighbourhood WHERE code = :code").param("code", code)
          .query(Boolean.class).single();
      if (!known) {
        throw InvalidInputException.of("neighbourhood", "neighbourhood.unknown", "No neighbourhood with code '" + code + "'");
      }
    }
    if (filter.dialogue() == null) {
      return;
    }
    DialogueIdOrSlug ref = new DialogueIdOrSlug(filter.dialogue());
    boolean known = jdbc.sql("SELECT count(*) > 0 FROM dialogue d WHERE " + ref.condition("d", "d"))
        .param("d", ref.value()).query(Boolean.class).single();
    if (!known) {
      throw InvalidInputException.of("dialogue", "dialogue.unknown", "No dialogue '" + filter.dialogue() + "'");
    }
  }
}
