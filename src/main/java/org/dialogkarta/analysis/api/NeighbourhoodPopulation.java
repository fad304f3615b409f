package org.dialogkarta.analysis.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.DialogueIdOrSlug;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The neighbourhoods an analysis compares with, and who lives there. With a dialogue in the
 * filter they are the neighbourhoods its study area touches (the people it invited); without one,
 * all of them. Neighbourhoods outside that set still appear when selected pins lie in them.
 */
@Component
class NeighbourhoodPopulation {

  /**
   * One neighbourhood: {@code inStudyArea} says whether it belongs to the comparison set;
   * {@code groups} is age band -> gender -> people, as imported (missing cells unknown).
   */
  record Area(long id, String code, String name, Integer population, boolean inStudyArea,
      Map<String, Map<String, Long>> groups) {}

  private final JdbcClient jdbc;

  NeighbourhoodPopulation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every neighbourhood, ordered by code. */
  List<Area> all(AnalysisFilter filter) {
    Map<Long, Map<String, Map<String, Long>>> groups = new HashMap<>();
    jdbc.sql("SELECT neighbourhood_id, age_band, gender, population FROM neighbourhood_population")
        .query(rs -> {
          groups.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
              .computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>())
              .put(rs.getString(3), rs.getLong(4));
        });
    DialogueIdOrSlug ref = filter.dialogue() == null ? null : new DialogueIdOrSlug(filter.dialogue());
    String inStudyArea = ref == null ? "true" : "EXISTS (SELECT 1 FROM dialogue d WHERE "
        + ref.condition("d", "dialogue") + " AND ST_Intersects(d.study_area, n.boundary))";
    var query = jdbc.sql("SELECT n.id, n.code, n.name, n.population, " + inStudyArea
        + " AS in_study_area FROM neighbourhood n ORDER BY n.code");
    if (ref != null) {
      query = query.param("dialogue", ref.value());
    }
    return query
        .query((rs, i) -> new Area(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
            rs.getObject("population", Integer.class), rs.getBoolean("in_study_area"),
            groups.getOrDefault(rs.getLong("id"), Map.of())))
        .list();
  }

  /** People by age band (summed over genders) in the given neighbourhoods; a band nobody gave is left out. */
  static Map<String, Long> byAgeBand(List<Area> areas) {
    Map<String, Long> out = new HashMap<>();
    for (Area a : areas) {
      a.groups().forEach((band, byGender) -> byGender.values().forEach(n -> out.merge(band, n, Long::sum)));
    }
    return out;
  }

  /** People by gender (summed over age bands) in the given neighbourhoods. */
  static Map<String, Long> byGender(List<Area> areas) {
    Map<String, Long> out = new HashMap<>();
    for (Area a : areas) {
      a.groups().values().forEach(byGender -> byGender.forEach((g, n) -> out.merge(g, n, Long::sum)));
    }
    return out;
  }
}
