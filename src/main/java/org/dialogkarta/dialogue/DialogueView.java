package org.dialogkarta.dialogue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.geo.GeoJson;

/** A dialogue as the public API shows it. */
public record DialogueView(
    long id,
    String slug,
    String title,
    String summary,
    DialogueStatus status,
    LocalDate startsOn,
    LocalDate endsOn,
    ParticipationLevel participationLevel,
    ModerationMode moderationMode,
    List<Category> categories,
    Map<String, List<String>> subtags,
    Map<String, String> subtagLabels,
    String outcome,
    String nextSteps,
    String responsibleUnit,
    String contact,
    Map<String, Object> studyArea,
    long pinCount,
    String page,
    List<ShapeKind> acceptedShapes) {

  static DialogueView of(Dialogue d, long pinCount) {
    return new DialogueView(d.id(), d.slug(), d.title(), d.summary(), d.status(), d.startsOn(),
        d.endsOn(), d.participationLevel(), d.moderationMode(), d.categories(), subtagsByCode(d),
        d.subtagLabels(), d.outcome(), d.nextSteps(), d.responsibleUnit(), d.contact(),
        d.studyArea().map(GeoJson::geometry).orElse(null), pinCount, "/dialoger/" + d.slug(),
        d.acceptedShapes());
  }

  private static Map<String, List<String>> subtagsByCode(Dialogue d) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    d.subtagsByCategory().forEach((category, tags) -> out.put(category.code(), tags));
    return out;
  }
}
