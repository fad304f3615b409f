package org.dialogkarta.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.dialogkarta.analysis.api.ClusterAnalysis;
import org.dialogkarta.analysis.api.HotspotAnalysis;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Every layer that can be exported, by the name used in URLs and as table name in files. */
@Component
class ExportLayers {

  /** Rows per round trip of the cursor: large enough to keep the database busy, small in memory. */
  static final int FETCH_SIZE = 5_000;

  private final Map<String, ExportLayer> byName = new LinkedHashMap<>();

  @Autowired
  ExportLayers(DataSource dataSource, PlatformTransactionManager transactions, ClusterAnalysis clusters,
      HotspotAnalysis hotspots) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.setFetchSize(FETCH_SIZE);
    NamedParameterJdbcTemplate cursor = new NamedParameterJdbcTemplate(jdbc);
    TransactionTemplate readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    for (SqlLayer layer : DatabaseLayers.ALL) {
      add(new DatabaseLayer(layer, cursor, readOnly));
    }
    AnswerLayers.ALL.forEach(layer -> add(new DatabaseLayer(layer, cursor, readOnly))); // survey
    add(AnalysisLayers.clusters(clusters));
    add(AnalysisLayers.hotspots(hotspots));
  }

  /** Just these layers (tests of the request rules). */
  ExportLayers(List<ExportLayer> layers) {
    layers.forEach(this::add);
  }

  private void add(ExportLayer layer) {
    byName.put(layer.schema().name(), layer);
  }

  Optional<ExportLayer> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
