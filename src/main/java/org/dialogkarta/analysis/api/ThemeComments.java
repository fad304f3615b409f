package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dialogkarta.analysis.theme.Comment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The free text of the pins of an {@link AnalysisFilter}, optionally only some pins (a cluster's,
 * a hexagon's), as {@link Comment}s ordered by pin id. Only public pins (the filter's condition),
 * and {@code pin.text} is the text the public sees: a redaction replaces it there and keeps the
 * original only in {@code pin_redaction}, which is never read here. A text deleted after the
 * dialogue (retention) is an empty comment, so the pin lands among the unclear ones.
 */
@Component
class ThemeComments {

  private static final int FETCH_SIZE = 10_000;

  private final JdbcClient jdbc;
  private final AnalysisPins pins;
  private final TransactionTemplate readOnly;

  ThemeComments(JdbcClient jdbc, AnalysisPins pins, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.pins = pins;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  List<Comment> load(AnalysisFilter filter, List<Long> onlyPins) {
    pins.requireKnownDialogue(filter);
    AnalysisFilter.SqlCondition where = filter.toSql();
    Map<String, Object> params = new HashMap<>(where.params());
    String condition = where.sql();
    if (onlyPins != null) {
      condition += " AND pin.id = ANY (CAST(:t_pins AS bigint[]))";
      params.put("t_pins", onlyPins.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
    }
    String sql = "SELECT pin.id, coalesce(pin.text, '') FROM pin WHERE " + condition + " ORDER BY pin.id";
    List<Comment> comments = new ArrayList<>();
    readOnly.executeWithoutResult(status -> jdbc.sql(sql).withFetchSize(FETCH_SIZE).params(params)
        .query(rs -> {
          comments.add(new Comment(rs.getLong(1), rs.getString(2)));
        }));
    return comments;
  }
}
