package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.analysis.api.Statistics.CategoryCount;
import org.dialogkarta.analysis.api.Statistics.NeighbourhoodRow;
import org.dialogkarta.analysis.api.Statistics.Report;
import org.dialogkarta.analysis.api.Statistics.Week;

/**
 * The statistics of a selection narrowed to a profile group, written with every count under
 * {@value ProfileDisclosure#MIN_GROUP} masked for every role ({@link ProfileDisclosure}): the same
 * shape as {@link Report}, a masked count {@code null} (its rate too), a masked row (a week, a
 * neighbourhood) with {@code "masked": "fewer than 5"} and nothing inside that adds up to its
 * count, and the whole answer with {@code "masked"} when anything in it is. The parts of one
 * total (categories, weeks, neighbourhoods with the pins outside them, sources, day or dark) are
 * masked together, so a hidden count cannot be found by subtraction.
 */
final class MaskedStatistics {

  private final ProfileDisclosure.Decision profile;
  private boolean anyMasked;

  private MaskedStatistics(ProfileDisclosure.Decision profile) {
    this.profile = profile;
  }

  static Map<String, Object> of(Report r, ProfileDisclosure.Decision profile) {
    return new MaskedStatistics(profile).write(r);
  }

  private Map<String, Object> write(Report r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("pinCount", count(r.pinCount()));
    out.put("categories", counts(r.categories()));
    long[] areas = new long[r.neighbourhoods().size() + 1];
    for (int i = 0; i < r.neighbourhoods().size(); i++) {
      areas[i] = r.neighbourhoods().get(i).pinCount();
    }
    areas[areas.length - 1] = r.outsideNeighbourhoods();
    boolean[] areaMasked = profile.masked(areas);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < r.neighbourhoods().size(); i++) {
      rows.add(row(r.neighbourhoods().get(i), areaMasked[i]));
    }
    out.put("neighbourhoods", rows);
    out.put("outsideNeighbourhoods", areaMasked[areas.length - 1] ? null : r.outsideNeighbourhoods());
    boolean[] weekMasked = profile.masked(r.weeks().stream().mapToLong(Week::count).toArray());
    List<Map<String, Object>> weeks = new ArrayList<>();
    for (int i = 0; i < r.weeks().size(); i++) {
      Week w = r.weeks().get(i);
      Map<String, Object> week = new LinkedHashMap<>();
      week.put("week", w.week());
      week.put("start", w.start());
      week.put("count", weekMasked[i] ? null : w.count());
      week.put("categories", counts(w.categories(), weekMasked[i]));
      markIf(week, weekMasked[i]);
      weeks.add(week);
    }
    out.put("weeks", weeks);
    out.put("sources", counts(r.sources()));
    out.put("timeOfDay", counts(r.timeOfDay()));
    Map<String, Object> heard = new LinkedHashMap<>();
    heard.put("minimumGroup", r.heard().minimumGroup());
    heard.put("ageBands", r.heard().ageBands());
    heard.put("genders", r.heard().genders());
    heard.put("unanswered", count(r.heard().unanswered()));
    heard.put("ageBandUnanswered", count(r.heard().ageBandUnanswered()));
    heard.put("genderUnanswered", count(r.heard().genderUnanswered()));
    heard.put("populationBase", r.heard().populationBase());
    out.put("heard", heard);
    if (anyMasked) {
      out.put("masked", ProfileDisclosure.FEWER_THAN);
    }
    return out;
  }

  private Map<String, Object> row(NeighbourhoodRow n, boolean masked) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", n.id());
    row.put("code", n.code());
    row.put("name", n.name());
    row.put("population", n.population());
    row.put("pinCount", masked ? null : n.pinCount());
    row.put("per1000", masked ? null : n.per1000());
    Map<String, Long> shown = counts(categoryCounts(n.categories()), masked);
    Map<String, Object> categories = new LinkedHashMap<>();
    n.categories().forEach((c, count) -> {
      Long value = shown.get(c);
      anyMasked |= value == null;
      Map<String, Object> cell = new LinkedHashMap<>();
      cell.put("count", value);
      cell.put("per1000", value == null ? null : count.per1000());
      categories.put(c, cell);
    });
    row.put("categories", categories);
    // The heard groups of a masked row would add up to its count.
    row.put("heard", masked ? null : n.heard());
    markIf(row, masked);
    return row;
  }

  private static Map<String, Long> categoryCounts(Map<String, CategoryCount> categories) {
    Map<String, Long> out = new LinkedHashMap<>();
    categories.forEach((c, count) -> out.put(c, count.count()));
    return out;
  }

  private Long count(long pins) {
    anyMasked |= profile.masks(pins);
    return profile.count(pins);
  }

  private Map<String, Long> counts(Map<String, Long> parts) {
    return counts(parts, false);
  }

  private Map<String, Long> counts(Map<String, Long> parts, boolean whole) {
    Map<String, Long> out = profile.counts(parts, whole);
    anyMasked |= out.containsValue(null);
    return out;
  }

  private void markIf(Map<String, Object> target, boolean masked) {
    if (masked) {
      target.put("masked", ProfileDisclosure.FEWER_THAN);
      anyMasked = true;
    }
  }
}
