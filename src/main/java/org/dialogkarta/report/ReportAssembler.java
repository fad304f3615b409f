package org.dialogkarta.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dialogkarta.report.document.About;
import org.dialogkarta.report.document.AppendixEntry;
import org.dialogkarta.report.document.MapFigure;
import org.dialogkarta.report.document.Participation;
import org.dialogkarta.report.document.Position;
import org.dialogkarta.report.document.ReportDocument;
import org.dialogkarta.report.document.TopicSection;
import org.springframework.stereotype.Component;

/**
 * Compiles a dialogue's samrådsredogörelse from the database into a {@link ReportDocument}: what
 * the dialogue was about, who took part ({@link ReportParticipation}), the maps
 * ({@link ReportMaps}), one section per topic with its position, and every view in the appendix,
 * hidden ones by their moderation reason only. Views not grouped under a topic are gathered under
 * "Övriga synpunkter", so none is left out.
 */
@Component
class ReportAssembler {

  static final ZoneId MUNICIPALITY = ZoneId.of("Europe/Stockholm");
  private static final int QUOTES = 3;
  private static final int QUOTE_MAX = 400;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.of("sv"));

  private final DialogueFacts facts;
  private final ReportViews views;
  private final Topics topics;
  private final ReportMaps maps;
  private final ReportParticipation participation;

  ReportAssembler(DialogueFacts facts, ReportViews views, Topics topics, ReportMaps maps,
      ReportParticipation participation) {
    this.facts = facts;
    this.views = views;
    this.topics = topics;
    this.maps = maps;
    this.participation = participation;
  }

  /** The views as read, with the topics: what a published version also records per pin. */
  record Compiled(ReportDocument document, List<ReportView> views, Map<Long, Topic> topics) {}

  /** {@code step} is told when reading is done and how many views were read so far. */
  Compiled compile(long dialogueId, Integer version, ProgressListener progress) {
    DialogueFacts.Facts dialogue = facts.of(dialogueId);
    Map<Long, Topic> byId = topics.byId(dialogueId);
    List<ReportView> all = new ArrayList<>();
    views.forEach(dialogueId, v -> {
      all.add(v);
      if (all.size() % 1000 == 0) {
        progress.read(all.size());
      }
    });
    progress.read(all.size());
    List<MapFigure.NamedArea> neighbourhoods = facts.neighbourhoods(dialogueId);
    ReportDocument document = new ReportDocument(
        Words.of("report.title", Map.of("dialogue", dialogue.title())),
        version, LocalDate.now(MUNICIPALITY),
        about(dialogue, all),
        participation.of(dialogueId, all),
        maps.overview(dialogue, neighbourhoods, all),
        sections(dialogue, neighbourhoods, all, byId),
        appendix(all, byId));
    return new Compiled(document, all, byId);
  }

  /** Hears how far reading has come. */
  @FunctionalInterface
  interface ProgressListener {
    void read(int views);
  }

  private static About about(DialogueFacts.Facts d, List<ReportView> all) {
    Set<String> methods = new LinkedHashSet<>();
    all.stream().filter(ReportView::isPin).map(Words::channel).forEach(methods::add);
    all.stream().filter(v -> !v.isPin()).map(Words::channel).forEach(methods::add);
    String period = d.startsOn() == null && d.endsOn() == null ? null
        : (d.startsOn() == null ? "" : DAY.format(d.startsOn())) + " – " + (d.endsOn() == null ? "" : DAY.format(d.endsOn()));
    return new About(d.title(), d.summary(), period, Words.label("level.", d.participationLevel()),
        List.copyOf(methods), d.announcement(), d.outcome(), d.nextSteps(), d.responsibleUnit(), d.contact());
  }

  private List<TopicSection> sections(DialogueFacts.Facts dialogue, List<MapFigure.NamedArea> neighbourhoods,
      List<ReportView> all, Map<Long, Topic> byId) {
    Map<Long, List<ReportView>> grouped = new LinkedHashMap<>();
    byId.keySet().forEach(id -> grouped.put(id, new ArrayList<>()));
    List<ReportView> ungrouped = new ArrayList<>();
    for (ReportView v : all) {
      if (v.topicId() != null && grouped.containsKey(v.topicId())) {
        grouped.get(v.topicId()).add(v);
      } else {
        ungrouped.add(v);
      }
    }
    List<TopicSection> sections = new ArrayList<>();
    grouped.forEach((id, members) -> {
      Topic t = byId.get(id);
      sections.add(new TopicSection(t.title(), t.summary() != null ? t.summary() : composition(members),
          members.size(), quotes(members), maps.topic(t.title(), dialogue, neighbourhoods, members),
          new Position(Words.effect(t.effect()), t.answer(), t.reason())));
    });
    if (!ungrouped.isEmpty()) {
      String title = Words.of("report.topic.ungrouped");
      sections.add(new TopicSection(title, composition(ungrouped), ungrouped.size(), quotes(ungrouped),
          maps.topic(title, dialogue, neighbourhoods, ungrouped), Position.NONE));
    }
    return sections;
  }

  /** "Efter kategori och kanal: Trygghet 7, Förslag 5.", for a topic the planner has not summarised. */
  private static String composition(List<ReportView> members) {
    Map<String, Long> kinds = members.stream().collect(Collectors.groupingBy(
        v -> v.category() != null ? Words.label("category.", v.category()) : Words.channel(v),
        LinkedHashMap::new, Collectors.counting()));
    String parts = kinds.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    return Words.of("report.topic.composition", Map.of("n", members.size(), "parts", parts));
  }

  /** The visible texts most supported by others, then the earliest; long ones shortened. */
  private static List<String> quotes(List<ReportView> members) {
    return members.stream().filter(v -> v.text() != null && !v.text().isBlank())
        .sorted(Comparator.comparingInt(ReportView::supports).reversed().thenComparing(ReportView::ref))
        .limit(QUOTES)
        .map(v -> shorten(v.text()) + " (" + v.ref() + ")")
        .toList();
  }

  private static String shorten(String text) {
    String t = text.strip();
    return t.length() <= QUOTE_MAX ? t : t.substring(0, QUOTE_MAX - 1).stripTrailing() + "…";
  }

  private static List<AppendixEntry> appendix(List<ReportView> all, Map<Long, Topic> byId) {
    List<AppendixEntry> entries = new ArrayList<>(all.size());
    for (ReportView v : all) {
      Topic topic = v.topicId() == null ? null : byId.get(v.topicId());
      Stance stance = Stance.of(v, topic);
      String text = v.hidden() ? null : v.textDeleted() ? Words.of("report.text.deleted") : v.text();
      entries.add(new AppendixEntry(v.ref().toString(), v.receivedOn(), Words.channel(v), place(v), text,
          v.hidden() ? (v.hiddenReason() == null ? Words.of("report.hidden.noReason") : v.hiddenReason()) : null,
          topic == null ? null : topic.title(),
          new Position(Words.effect(stance.effect()), stance.answer(), stance.reason())));
    }
    return entries;
  }

  /** The neighbourhood, else the coordinates in SWEREF 99 TM, else "the whole area". */
  static String place(ReportView v) {
    if (v.x() == null) {
      return Words.of("report.place.whole");
    }
    if (v.neighbourhood() != null) {
      return v.neighbourhood();
    }
    return Words.of("report.place.coordinates", Map.of("n", Math.round(v.y()), "e", Math.round(v.x())));
  }
}
