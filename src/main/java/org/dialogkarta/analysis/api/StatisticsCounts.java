package org.dialogkarta.analysis.api;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the filtered pins every way the statistics need in one scan of the pin table (GROUPING
 * SETS): by neighbourhood and category, by week and category, by source, by day or dark, and by
 * neighbourhood, age band and gender. Everything else (totals, categories overall, answers per
 * question) is summed from these small tables in Java. The neighbourhood comes from
 * {@code pin.neighbourhood_id}, kept by V8's triggers, so no spatial join runs here.
 */
@Component
class StatisticsCounts {

  /** A null neighbourhood id (pins outside every neighbourhood) as a map key. */
  static final long OUTSIDE = -1;
  /** A null age band or gender (not answered) as a map key. */
  static final String UNANSWERED = "";

  /** The small tables; maps are keyed by neighbourhood id, category, week start, and so on. */
  record Tables(Map<Long, Map<String, Long>> byNeighbourhoodAndCategory,
      TreeMap<LocalDate, Map<String, Long>> byWeekAndCategory, Map<String, Long> bySource,
      Map<String, Long> byTimeOfDay, Map<Long, Map<String, Map<String, Long>>> byNeighbourhoodAgeAndGender) {}

  private final JdbcClient jdbc;

  StatisticsCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Tables count(AnalysisFilter filter) {
    AnalysisFilter.SqlCondition where = filter.toSql();
    // ISO weeks start on Monday, as date_trunc('week') does; the week is Swedish local time.
    String sql = """
        SELECT GROUPING(neighbourhood_id) AS g_n, GROUPING(category) AS g_c, GROUPING(week) AS g_w,
               GROUPING(source) AS g_s, GROUPING(time_of_day) AS g_t, GROUPING(age_band) AS g_a,
               neighbourhood_id, category, week, source, time_of_day, age_band, gender, count(*) AS n
        FROM (SELECT pin.neighbourhood_id, pin.category, pin.source, pin.time_of_day, pin.age_band, pin.gender,
                     date_trunc('week', coalesce(pin.recorded_at, pin.created_at) AT TIME ZONE 'Europe/Stockholm')::date
                         AS week
              FROM pin WHERE %s) p
        GROUP BY GROUPING SETS ((neighbourhood_id, category), (week, category), (source), (time_of_day),
                               (neighbourhood_id, age_band, gender))
        """.formatted(where.sql());
    Tables t = new Tables(new HashMap<>(), new TreeMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    jdbc.sql(sql).params(where.params()).query(rs -> {
      long n = rs.getLong("n");
      long neighbourhood = rs.getObject("neighbourhood_id") == null ? OUTSIDE : rs.getLong("neighbourhood_id");
      if (rs.getInt("g_a") == 0) {
        t.byNeighbourhoodAgeAndGender().computeIfAbsent(neighbourhood, k -> new HashMap<>())
            .computeIfAbsent(orUnanswered(rs.getString("age_band")), k -> new HashMap<>())
            .merge(orUnanswered(rs.getString("gender")), n, Long::sum);
      } else if (rs.getInt("g_w") == 0) {
        t.byWeekAndCategory().computeIfAbsent(rs.getObject("week", LocalDate.class), k -> new HashMap<>())
            .merge(rs.getString("category"), n, Long::sum);
      } else if (rs.getInt("g_n") == 0) {
        t.byNeighbourhoodAndCategory().computeIfAbsent(neighbourhood, k -> new HashMap<>())
            .merge(rs.getString("category"), n, Long::sum);
      } else if (rs.getInt("g_s") == 0) {
        t.bySource().merge(rs.getString("source"), n, Long::sum);
      } else if (rs.getInt("g_t") == 0) {
        t.byTimeOfDay().merge(rs.getString("time_of_day"), n, Long::sum);
      }
    });
    return t;
  }

  /** Pins per neighbourhood and category only: what the neighbourhood map layer needs. */
  Map<Long, Map<String, Long>> byNeighbourhoodAndCategory(AnalysisFilter filter) {
    AnalysisFilter.SqlCondition where = filter.toSql();
    Map<Long, Map<String, Long>> out = new HashMap<>();
    jdbc.sql("SELECT pin.neighbourhood_id, pin.category, count(*) AS n FROM pin WHERE " + where.sql()
            + " GROUP BY pin.neighbourhood_id, pin.category")
        .params(where.params())
        .query(rs -> {
          long neighbourhood = rs.getObject(1) == null ? OUTSIDE : rs.getLong(1);
          out.computeIfAbsent(neighbourhood, k -> new HashMap<>()).merge(rs.getString(2), rs.getLong(3), Long::sum);
        });
    return out;
  }

  private static String orUnanswered(String code) {
    return code == null ? UNANSWERED : code;
  }
}
