package org.dialogkarta.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dialogkarta.analysis.api.ProfileDisclosure;
import org.dialogkarta.analysis.api.Statistics;
import org.dialogkarta.report.document.Participation;
import org.springframework.stereotype.Component;

/**
 * Section 2 of the report, who took part: the views by channel, category and sender type, and who
 * has been heard compared with who lives in the area. The heard table is the statistics page's own
 * (profile answers of the dialogue's published pins against the neighbourhoods' population), with
 * its masking: no group of fewer than {@link ProfileDisclosure#MIN_GROUP} is shown.
 */
@Component
class ReportParticipation {

  private final Statistics statistics;

  ReportParticipation(Statistics statistics) {
    this.statistics = statistics;
  }

  Participation of(long dialogueId, List<ReportView> views) {
    Statistics.Report stats = statistics.of(ReportMaps.filterOf(dialogueId), ProfileDisclosure.MIN_GROUP);
    List<Participation.HeardRow> heard = new ArrayList<>();
    heard.addAll(rows(stats.heard().ageBands(), "ageBand", "age."));
    heard.addAll(rows(stats.heard().genders(), "gender", "gender."));
    long supports = views.stream().mapToLong(ReportView::supports).sum();
    return new Participation(views.size(), supports,
        counts(views, Words::channel),
        counts(views.stream().filter(v -> v.category() != null).toList(), v -> Words.label("category.", v.category())),
        counts(views.stream().filter(v -> v.senderType() != null).toList(),
            v -> Words.label("views.senderType.", v.senderType())),
        heard,
        Words.of("report.heard.note", Map.of("min", ProfileDisclosure.MIN_GROUP,
            "unanswered", Words.count("views", stats.heard().unanswered()))));
  }

  private static List<Participation.CountRow> counts(List<ReportView> views, Function<ReportView, String> label) {
    Map<String, Long> counts = views.stream().collect(Collectors.groupingBy(label, LinkedHashMap::new,
        Collectors.counting()));
    return counts.entrySet().stream().map(e -> new Participation.CountRow(e.getKey(), e.getValue(), false)).toList();
  }

  private static List<Participation.HeardRow> rows(List<Map<String, Object>> groups, String key, String prefix) {
    return groups.stream().map(g -> {
      boolean masked = g.get("answers") == null;
      return new Participation.HeardRow(Words.label(prefix, (String) g.get(key)),
          masked ? null : percent(g.get("share")), percent(g.get("populationShare")), masked);
    }).toList();
  }

  private static Double percent(Object share) {
    return share instanceof Number n ? Math.round(n.doubleValue() * 1000) / 10.0 : null;
  }
}
