package org.dialogkarta.analysis.api;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts the filtered pins in one scan of the pin table: one plain GROUP BY over the small
 * dimensions (neighbourhood, category, source, day or dark, age band, gender, week), some tens of
 * thousands of rows at a million pins, folded in Java into every table the statistics need.
 * Measured at 1,000,000 pins this beat GROUPING SETS over the same dimensions about twofold
 * (each grouping set hashes every row again) and a per-row {@code AT TIME ZONE} (a time zone
 * lookup per row): the week is found with {@code date_bin}, which is integer arithmetic, on
 * weeks that start Sunday 22:00 UTC (Monday 00:00 in Swedish summer time); the hour after it,
 * which in winter time still belongs to the week before, is kept apart and placed in Java with
 * the real rules of Europe/Stockholm. The neighbourhood comes from {@code pin.neighbourhood_id},
 * kept by V8's triggers, so no spatial join runs here.
 */
@Component
class StatisticsCounts {

  /** A null neighbourhood id (pins outside every neighbourhood) as a map key. */
  static final long OUTSIDE = -1;
  /** A null age band or gender (not answered) as a map key. */
  static final String UNANSWERED = "";
  private static final ZoneId SWEDEN = AnalysisFilter.SWEDISH_TIME;

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
    // A few megabytes of hash table: the default work_mem would make PostgreSQL sort on disk.
    jdbc.sql("SET LOCAL work_mem = '64MB'").update();
    // The planner cannot see how many pins "dialogue = (SELECT ...)" selects and guesses few, so
    // it would read a million pins with one process; a parallel scan was measured 15-40 % faster.
    jdbc.sql("SET LOCAL parallel_setup_cost = 0").update();
    jdbc.sql("SET LOCAL parallel_tuple_cost = 0.001").update();
    String sql = """
        SELECT neighbourhood_id, category, source, time_of_day, age_band, gender, week,
               at - week < INTERVAL '1 hour' AS first_hour, count(*) AS n
        FROM (SELECT pin.neighbourhood_id, pin.category, pin.source, pin.time_of_day, pin.age_band, pin.gender,
                     coalesce(pin.recorded_at, pin.created_at) AS at,
                     date_bin('7 days', coalesce(pin.recorded_at, pin.created_at),
                              TIMESTAMPTZ '1970-01-04 22:00:00+00') AS week
              FROM pin WHERE %s) p
        GROUP BY neighbourhood_id, category, source, time_of_day, age_band, gender, week, first_hour
        """.formatted(where.sql());
    Tables t = new Tables(new HashMap<>(), new TreeMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    Map<Instant, LocalDate> weekStarts = new HashMap<>();
    jdbc.sql(sql).params(where.params()).query(rs -> {
      long n = rs.getLong("n");
      long neighbourhood = rs.getObject("neighbourhood_id") == null ? OUTSIDE : rs.getLong("neighbourhood_id");
      String category = rs.getString("category");
      Instant bin = rs.getObject("week", OffsetDateTime.class).toInstant();
      // A moment in the pin's hour: the bin's first hour, or any later hour of the bin.
      Instant probe = bin.plus(rs.getBoolean("first_hour") ? Duration.ofMinutes(30) : Duration.ofMinutes(90));
      LocalDate week = weekStarts.computeIfAbsent(probe,
          i -> i.atZone(SWEDEN).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
      t.byNeighbourhoodAndCategory().computeIfAbsent(neighbourhood, k -> new HashMap<>()).merge(category, n, Long::sum);
      t.byWeekAndCategory().computeIfAbsent(week, k -> new HashMap<>()).merge(category, n, Long::sum);
      t.bySource().merge(rs.getString("source"), n, Long::sum);
      t.byTimeOfDay().merge(rs.getString("time_of_day"), n, Long::sum);
      t.byNeighbourhoodAgeAndGender().computeIfAbsent(neighbourhood, k -> new HashMap<>())
          .computeIfAbsent(orUnanswered(rs.getString("age_band")), k -> new HashMap<>())
          .merge(orUnanswered(rs.getString("gender")), n, Long::sum);
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
