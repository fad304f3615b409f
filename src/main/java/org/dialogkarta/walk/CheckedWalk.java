package org.dialogkarta.walk;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.pin.PinText;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/** A {@link WalkDraft} that passed every rule, with typed values, ready to store. */
record CheckedWalk(Dialogue dialogue, WalkKind kind, String title, String description, Instant startsAt, Instant endsAt,
    Point meetingPoint, String meetingPointName, LineString plannedRoute, Integer participantCount,
    List<WalkGroup> groups, String facilitator, Light light, String weather, String note, Long repeatOf) {

  /** Longer than a day is a typo in a date, and would keep the walk taking pins for days. */
  static final Duration LONGEST = Duration.ofHours(24);
  static final int SHORT_TEXT = 200;
  static final int NOTE_MAX = 5000;
  static final int DESCRIPTION_MAX = 2000;
  static final int MOST_PARTICIPANTS = 100_000;

  /**
   * Checks every field and reports all faults at once.
   *
   * @param dialogues finds a dialogue by id or slug, as the API's dialogue references allow both
   */
  static CheckedWalk check(WalkDraft d, Function<String, Optional<Dialogue>> dialogues) {
    List<FieldViolation> faults = new ArrayList<>();
    Dialogue dialogue = dialogue(d, dialogues, faults);
    WalkKind kind = code(WalkKind.class, d.kind(), "kind", true, faults);
    String title = text(d.title(), "title", SHORT_TEXT, true, faults);
    String description = WalkDescription.check(d.description(), "description", faults);
    Instant startsAt = time(d.startsAt(), "startsAt", faults);
    Instant endsAt = time(d.endsAt(), "endsAt", faults);
    if (startsAt != null && endsAt != null) {
      if (!endsAt.isAfter(startsAt)) {
        faults.add(FieldViolation.of("endsAt", "times.order", "The walk must end after it starts"));
      } else if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
        faults.add(FieldViolation.of("endsAt", "walk.too_long", "A walk lasts at most 24 hours"));
      }
    }
    Point meetingPoint = WalkGeometry.point(d.meetingPoint(), "meetingPoint", faults);
    String meetingPointName = text(d.meetingPointName(), "meetingPointName", SHORT_TEXT, false, faults);
    LineString route = WalkGeometry.line(d.plannedRoute(), "plannedRoute", faults);
    Integer participants = d.participantCount();
    if (participants != null && (participants < 0 || participants > MOST_PARTICIPANTS)) {
      faults.add(FieldViolation.of("participantCount", "participantCount.out_of_range",
          "The number of participants is from 0 to " + MOST_PARTICIPANTS));
    }
    List<WalkGroup> groups = new ArrayList<>();
    for (String g : d.groups() == null ? List.<String>of() : d.groups()) {
      WalkGroup group = code(WalkGroup.class, g, "groups", true, faults);
      if (group != null && !groups.contains(group)) {
        groups.add(group);
      }
    }
    String facilitator = text(d.facilitator(), "facilitator", SHORT_TEXT, true, faults);
    Light light = code(Light.class, d.light(), "light", false, faults);
    String weather = text(d.weather(), "weather", SHORT_TEXT, false, faults);
    String note = text(d.note(), "note", NOTE_MAX, false, faults);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new CheckedWalk(dialogue, kind, title, description, startsAt, endsAt, meetingPoint, meetingPointName, route,
        participants, List.copyOf(groups), facilitator, light, weather, note, d.repeatOf());
  }

  private static Dialogue dialogue(WalkDraft d, Function<String, Optional<Dialogue>> dialogues,
      List<FieldViolation> faults) {
    String byId = d.dialogueId() == null ? null : d.dialogueId().toString();
    String byRef = d.dialogue() == null || d.dialogue().isBlank() ? null : d.dialogue().strip();
    if (byId == null && byRef == null) {
      faults.add(FieldViolation.of("dialogue", "dialogue.missing", "Name the walk's dialogue (dialogueId or dialogue)"));
      return null;
    }
    Optional<Dialogue> found = dialogues.apply(byId != null ? byId : byRef);
    if (found.isEmpty()) {
      faults.add(FieldViolation.of(byId != null ? "dialogueId" : "dialogue", "dialogue.unknown",
          "No dialogue '" + (byId != null ? byId : byRef) + "'"));
      return null;
    }
    if (byId != null && byRef != null && !byRef.equals(byId) && !byRef.equals(found.get().slug())) {
      faults.add(FieldViolation.of("dialogue", "dialogue.mismatch", "dialogueId and dialogue name different dialogues"));
      return null;
    }
    return found.get();
  }

  /** An instant with Z or an offset: a local time alone would depend on the server's zone. */
  private static Instant time(String raw, String field, List<FieldViolation> faults) {
    if (raw == null || raw.isBlank()) {
      faults.add(FieldViolation.of(field, "time.missing", "Required"));
      return null;
    }
    try {
      return OffsetDateTime.parse(raw.strip()).toInstant();
    } catch (DateTimeParseException e) {
      faults.add(FieldViolation.of(field, "time.malformed",
          "An ISO 8601 time with Z or an offset, e.g. 2026-10-14T18:00:00+02:00"));
      return null;
    }
  }

  private static String text(String raw, String field, int max, boolean required, List<FieldViolation> faults) {
    String t = PinText.clean(raw);
    if (t == null) {
      if (required) {
        faults.add(FieldViolation.of(field, "text.blank", "Required"));
      }
      return null;
    }
    if (PinText.hasLoneSurrogate(t)) {
      faults.add(FieldViolation.of(field, "text.invalid", "The text contains invalid characters"));
    } else if (PinText.length(t) > max) {
      faults.add(FieldViolation.of(field, "text.too_long", "At most " + max + " characters"));
    }
    return t;
  }

  private static <E extends Enum<E> & Coded> E code(Class<E> type, String code, String field, boolean required,
      List<FieldViolation> faults) {
    if (code == null || code.isBlank()) {
      if (required) {
        faults.add(FieldViolation.of(field, "code.missing", "One of " + Coded.codesOf(type)));
      }
      return null;
    }
    E value = Coded.fromCode(type, code.strip()).orElse(null);
    if (value == null) {
      faults.add(FieldViolation.of(field, "code.unknown", "'" + code + "' is not one of " + Coded.codesOf(type)));
    }
    return value;
  }
}
