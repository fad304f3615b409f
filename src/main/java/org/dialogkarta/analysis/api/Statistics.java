package org.dialogkarta.analysis.api;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.analysis.api.NeighbourhoodPopulation.Area;
import org.dialogkarta.analysis.api.StatisticsCounts.Tables;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.pin.AgeBand;
import org.dialogkarta.pin.Gender;
import org.dialogkarta.pin.Source;
import org.dialogkarta.kernel.Coded;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics of a selection of pins, for the analysis page's charts and for the planner's
 * report: per neighbourhood (also per 1,000 inhabitants), per ISO week in Swedish time, by source,
 * by day or dark, and who has been heard. One scan of the pins ({@link StatisticsCounts}).
 */
@Service
public class Statistics {

  static final List<String> CATEGORIES = codes(Category.class);
  static final List<String> SOURCES = codes(Source.class);
  static final List<String> AGE_BANDS = codes(AgeBand.class);
  static final List<String> GENDERS = codes(Gender.class);

  public record Report(long pinCount, Map<String, Long> categories, List<NeighbourhoodRow> neighbourhoods,
      long outsideNeighbourhoods, List<Week> weeks, Map<String, Long> sources, Map<String, Long> timeOfDay,
      Heard heard) {}

  public record NeighbourhoodRow(long id, String code, String name, Integer population, long pinCount,
      Double per1000, Map<String, CategoryCount> categories, HeardGroups heard) {}

  public record CategoryCount(long count, Double per1000) {}

  public record Week(String week, LocalDate start, long count, Map<String, Long> categories) {}

  /**
   * {@code unanswered}: pins that gave neither age band nor gender; the per-question figures say
   * how many skipped that one question. {@code populationBase}: the neighbourhoods and people the
   * population shares come from.
   */
  public record Heard(int minimumGroup, List<Map<String, Object>> ageBands, List<Map<String, Object>> genders,
      long unanswered, long ageBandUnanswered, long genderUnanswered, PopulationBase populationBase) {}

  public record HeardGroups(List<Map<String, Object>> ageBands, List<Map<String, Object>> genders) {}

  public record PopulationBase(List<String> neighbourhoods, long population) {}

  private final StatisticsCounts counts;
  private final NeighbourhoodPopulation population;
  private final AnalysisPins pins;

  Statistics(StatisticsCounts counts, NeighbourhoodPopulation population, AnalysisPins pins) {
    this.counts = counts;
    this.population = population;
    this.pins = pins;
  }

  @Transactional(readOnly = true)
  public Report of(AnalysisFilter filter, int minimumGroup) {
    pins.requireKnownDialogue(filter);
    Tables t = counts.count(filter);
    List<Area> areas = population.all(filter);

    Map<String, Long> categories = new LinkedHashMap<>();
    long pinCount = 0;
    for (Map<String, Long> byCategory : t.byNeighbourhoodAndCategory().values()) {
      for (Map.Entry<String, Long> c : byCategory.entrySet()) {
        categories.merge(c.getKey(), c.getValue(), Long::sum);
        pinCount += c.getValue();
      }
    }
    List<NeighbourhoodRow> rows = new ArrayList<>();
    for (Area a : areas) {
      Map<String, Long> byCategory = t.byNeighbourhoodAndCategory().get(a.id());
      if (a.inStudyArea() || byCategory != null) {
        rows.add(row(a, byCategory == null ? Map.of() : byCategory,
            t.byNeighbourhoodAgeAndGender().getOrDefault(a.id(), Map.of()), minimumGroup));
      }
    }
    long outside = sum(t.byNeighbourhoodAndCategory().getOrDefault(StatisticsCounts.OUTSIDE, Map.of()));
    return new Report(pinCount, ordered(categories, CATEGORIES, false), rows, outside, weeks(t),
        ordered(t.bySource(), SOURCES, true), ordered(t.byTimeOfDay(), List.of("day", "dark"), true),
        heard(t, areas, minimumGroup));
  }

  private static NeighbourhoodRow row(Area a, Map<String, Long> byCategory,
      Map<String, Map<String, Long>> profile, int minimumGroup) {
    Map<String, CategoryCount> categories = new LinkedHashMap<>();
    for (String c : CATEGORIES) {
      Long n = byCategory.get(c);
      if (n != null) {
        categories.put(c, new CategoryCount(n, per1000(n, a.population())));
      }
    }
    long pinCount = sum(byCategory);
    List<Area> self = List.of(a);
    return new NeighbourhoodRow(a.id(), a.code(), a.name(), a.population(), pinCount,
        per1000(pinCount, a.population()), categories, new HeardGroups(
            StatisticsHeard.groups("ageBand", AGE_BANDS, byAgeBand(profile), NeighbourhoodPopulation.byAgeBand(self),
                minimumGroup),
            StatisticsHeard.groups("gender", GENDERS, byGender(profile), NeighbourhoodPopulation.byGender(self),
                minimumGroup)));
  }

  private static Heard heard(Tables t, List<Area> areas, int minimumGroup) {
    Map<String, Map<String, Long>> profile = new LinkedHashMap<>();
    t.byNeighbourhoodAgeAndGender().values().forEach(byBand -> byBand.forEach((band, byGender) ->
        byGender.forEach((g, n) -> profile.computeIfAbsent(band, k -> new LinkedHashMap<>()).merge(g, n, Long::sum))));
    List<Area> base = areas.stream().filter(Area::inStudyArea).toList();
    Map<String, Long> ageBands = byAgeBand(profile);
    Map<String, Long> genders = byGender(profile);
    long unanswered = profile.getOrDefault(StatisticsCounts.UNANSWERED, Map.of())
        .getOrDefault(StatisticsCounts.UNANSWERED, 0L);
    return new Heard(minimumGroup,
        StatisticsHeard.groups("ageBand", AGE_BANDS, ageBands, NeighbourhoodPopulation.byAgeBand(base), minimumGroup),
        StatisticsHeard.groups("gender", GENDERS, genders, NeighbourhoodPopulation.byGender(base), minimumGroup),
        unanswered, ageBands.getOrDefault(StatisticsCounts.UNANSWERED, 0L),
        genders.getOrDefault(StatisticsCounts.UNANSWERED, 0L),
        new PopulationBase(base.stream().filter(a -> !a.groups().isEmpty()).map(Area::code).toList(),
            NeighbourhoodPopulation.byAgeBand(base).values().stream().mapToLong(Long::longValue).sum()));
  }

  /** Every ISO week from the first to the last with pins, empty weeks included so charts keep time. */
  private static List<Week> weeks(Tables t) {
    List<Week> out = new ArrayList<>();
    if (t.byWeekAndCategory().isEmpty()) {
      return out;
    }
    LocalDate last = t.byWeekAndCategory().lastKey();
    for (LocalDate start = t.byWeekAndCategory().firstKey(); !start.isAfter(last); start = start.plusWeeks(1)) {
      Map<String, Long> byCategory = t.byWeekAndCategory().getOrDefault(start, Map.of());
      out.add(new Week("%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
          start, sum(byCategory), ordered(byCategory, CATEGORIES, false)));
    }
    return out;
  }

  private static Map<String, Long> byAgeBand(Map<String, Map<String, Long>> profile) {
    Map<String, Long> out = new LinkedHashMap<>();
    profile.forEach((band, byGender) -> out.put(band, sum(byGender)));
    return out;
  }

  private static Map<String, Long> byGender(Map<String, Map<String, Long>> profile) {
    Map<String, Long> out = new LinkedHashMap<>();
    profile.values().forEach(byGender -> byGender.forEach((g, n) -> out.merge(g, n, Long::sum)));
    return out;
  }

  /** Per 1,000 inhabitants to two decimals; null without a population to divide by. */
  static Double per1000(long count, Integer population) {
    return population == null || population == 0 ? null : Math.round(count * 100_000.0 / population) / 100.0;
  }

  private static Map<String, Long> ordered(Map<String, Long> counts, List<String> order, boolean withZeros) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String code : order) {
      Long n = counts.get(code);
      if (n != null || withZeros) {
        out.put(code, n == null ? 0L : n);
      }
    }
    return out;
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
  }
}
