package org.dialogkarta.walk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.dialogue.ContentLanguage;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRef;

/**
 * A walk as walk mode shows it to anyone with the link: where and when, the route, and the
 * categories to pin with. Not the facilitator's name, the note or the participants: walk mode
 * needs none of them, and the link travels by text message.
 */
record PublicWalk(
    long id,
    DialogueRef dialogue,
    WalkKind kind,
    String title,
    String description,
    Instant startsAt,
    Instant endsAt,
    Instant closedAt,
    Map<String, Object> meetingPoint,
    String meetingPointName,
    Map<String, Object> plannedRoute,
    List<Category> categories,
    Map<String, List<String>> subtags,
    Instant pinsFrom,
    Instant pinsUntil,
    boolean open,
    String titleLang,
    String meetingPointNameLang,
    String descriptionLang) {

  static PublicWalk of(Walk w, Dialogue d) {
    return of(w, d, ContentLanguage.SV, Map.of());
  }

  /**
   * With the title, the description and the meeting point's name in {@code lang} where translated ({@link WalkTranslations}),
   * else in Swedish; {@code titleLang}, {@code descriptionLang} and {@code meetingPointNameLang} say which (null: no text).
   */
  static PublicWalk of(Walk w, Dialogue d, ContentLanguage lang, Map<String, String> texts) {
    Map<String, List<String>> subtags = new LinkedHashMap<>();
    d.subtagsByCategory().forEach((category, tags) -> subtags.put(category.code(), tags));
    return new PublicWalk(w.id(), DialogueRef.of(d), w.kind(), texts.getOrDefault("title", w.title()),
        texts.getOrDefault("description", w.description()), w.startsAt(),
        w.endsAt(), w.closedAt(), w.meetingPoint(), texts.getOrDefault("meetingPointName", w.meetingPointName()),
        w.plannedRoute(), d.categories(), subtags, w.pinsFrom(), w.pinsUntil(), w.open(),
        langOf("title", w.title(), lang, texts), langOf("meetingPointName", w.meetingPointName(), lang, texts),
        langOf("description", w.description(), lang, texts));
  }

  private static String langOf(String field, String swedish, ContentLanguage lang, Map<String, String> texts) {
    return texts.containsKey(field) ? lang.code() : swedish == null ? null : ContentLanguage.SV.code();
  }
}
