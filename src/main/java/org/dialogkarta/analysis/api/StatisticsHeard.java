package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who has been heard: the profile answers of one question (age band or gender) set against the
 * population's make-up. A group with fewer answers than {@code minimumGroup} is shown only as
 * "fewer than N" so that no one can be singled out. Masking one group alone would not be enough:
 * the total of answers is known, so a single masked count could be found by subtraction. While
 * the masked groups together hold between 1 and N-1 answers, the smallest shown group is masked
 * too (secondary suppression, as statistics offices do with small cells).
 */
final class StatisticsHeard {

  private StatisticsHeard() {}

  /**
   * One entry per group, in {@code groups} order: {@code {key: group, answers, share,
   * populationShare}} or, masked, {@code {key: group, answers: null, fewerThan: N,
   * populationShare}}. {@code population} maps group to people (missing: not known).
   */
  static List<Map<String, Object>> groups(String key, List<String> groups, Map<String, Long> answers,
      Map<String, Long> population, int minimumGroup) {
    long totalAnswers = 0;
    for (String g : groups) {
      totalAnswers += answers.getOrDefault(g, 0L);
    }
    long totalPopulation = population.values().stream().mapToLong(Long::longValue).sum();
    boolean[] masked = masked(groups, answers, minimumGroup);
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      String g = groups.get(i);
      long n = answers.getOrDefault(g, 0L);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(key, g);
      if (masked[i]) {
        entry.put("answers", null);
        entry.put("fewerThan", minimumGroup);
      } else {
        entry.put("answers", n);
        entry.put("share", totalAnswers == 0 ? null : round(n / (double) totalAnswers));
      }
      Long people = population.get(g);
      entry.put("populationShare", people == null || totalPopulation == 0 ? null
          : round(people / (double) totalPopulation));
      out.add(entry);
    }
    return out;
  }

  static boolean[] masked(List<String> groups, Map<String, Long> answers, int minimumGroup) {
    return ProfileDisclosure.suppress(groups.stream().mapToLong(g -> answers.getOrDefault(g, 0L)).toArray(),
        minimumGroup);
  }

  /** Shares to four decimals: enough for a percentage with two. */
  static double round(double share) {
    return Math.round(share * 10_000) / 10_000.0;
  }
}
