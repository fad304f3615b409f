package org.dialogkarta.pin;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.dialogue.ContentLanguage;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.ShapeKind;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Point;

/**
 * Checks a {@link PinSubmission} against its dialogue and turns it into a {@link NewPin}, or
 * refuses it with every fault at once so that a form can mark all of its fields in one go.
 */
final class PinRules {

  /** The farthest in the future a device clock may be and still be believed. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  static final double MAX_ACCURACY_METRES = 10_000;
  static final int MEETING_NAME_MAX = 200;

  private PinRules() {}

  /** A pin from the public form or from walk mode; {@code walk} is the walk its walkId names. */
  static NewPin check(Dialogue dialogue, PinSubmission s, WalkWindow walk, Instant now) {
    return check(dialogue, s, walk, null, false, now, Shaped.NONE);
  }

  /**
   * The same, for a submission whose {@code shape} {@link ShapeRules} has already checked: its
   * result (or its faults, reported together with every other fault).
   */
  static NewPin check(Dialogue dialogue, PinSubmission s, WalkWindow walk, Instant now, Shaped shaped) {
    return check(dialogue, s, walk, null, false, now, shaped);
  }

  /** What {@link ShapeRules} made of a submission's shape: the shape, or faults (or neither: no shape). */
  record Shaped(DrawnShape shape, List<FieldViolation> faults) {
    static final Shaped NONE = new Shaped(null, List.of());
  }

  /** A pin without walk, checked now (the rules' tests and callers that know no walks). */
  static NewPin check(Dialogue dialogue, PinSubmission s) {
    return check(dialogue, s, null, Instant.now());
  }

  /** A pin a facilitator enters for a participant at a meeting: it names the meeting, no walk. */
  static NewPin checkAtMeeting(Dialogue dialogue, PinSubmission s, String meetingName, Instant now) {
    return check(dialogue, s, null, meetingName, true, now, Shaped.NONE);
  }

  /** The same with a shape {@link ShapeRules} has checked. */
  static NewPin checkAtMeeting(Dialogue dialogue, PinSubmission s, String meetingName, Instant now, Shaped shaped) {
    return check(dialogue, s, null, meetingName, true, now, shaped);
  }

  private static NewPin check(Dialogue dialogue, PinSubmission s, WalkWindow walk, String rawMeetingName,
      boolean atMeeting, Instant now, Shaped shaped) {
    if (!dialogue.isOpenForPins()) {
      throw new ConflictException("dialogue.closed", "The dialogue '" + dialogue.title()
          + "' is " + dialogue.status().code() + " and does not take new pins");
    }
    List<FieldViolation> faults = new ArrayList<>(shaped.faults());
    Point location;
    if (s.shape() != null) {
      location = shaped.shape() == null ? null : shaped.shape().representative();
    } else if (!atMeeting && s.walkId() == null && !dialogue.accepts(ShapeKind.POINT)) {
      faults.add(FieldViolation.of("shape", "shape.point_not_accepted",
          "This dialogue takes drawn lines or areas, not points: send a shape"));
      location = null;
    } else {
      location = location(dialogue, s.location(), faults);
    }
    Category category = category(dialogue, s.category(), faults);
    List<String> subtags = subtags(dialogue, category, s.subtags(), faults);
    // On a walk, "pin here" is two taps (category, save): words are welcome but not required.
    String text = s.walkId() != null && PinText.clean(s.text()) == null ? null : text(s.text(), faults);
    NewPin.Profile profile = profile(s.profile(), faults);
    Float accuracy = accuracy(s.accuracy(), faults);
    Instant recordedAt = recordedAt(s.recordedAt(), now, faults);
    String meetingName = atMeeting ? meetingName(rawMeetingName, faults) : null;
    String language = s.language() == null || s.language().isBlank() ? null : s.language().strip();
    if (language != null && !ContentLanguage.isPageLanguage(language)) {
      faults.add(FieldViolation.of("language", "language.unknown", "'" + language + "' is not a page language"));
    }
    boolean walkEnded = false;
    if (s.walkId() != null && atMeeting) {
      faults.add(FieldViolation.of("walkId", "walk.not_at_meeting", "A pin entered at a meeting belongs to no walk"));
    } else if (s.walkId() != null) {
      walkEnded = walk(dialogue, s.walkId(), walk, recordedAt == null ? now : recordedAt, faults);
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    if (walkEnded) {
      throw new ConflictException("walk.ended", "Walk " + s.walkId() + " had ended when this pin was made;"
          + " send it without walkId to add it to the dialogue");
    }
    Source source = atMeeting ? Source.MEETING : s.walkId() != null ? Source.WALK : Source.WEB;
    return new NewPin(dialogue.id(), location, category, subtags, text, profile, source, s.walkId(), accuracy,
        recordedAt, meetingName, shaped.shape() == null ? null : shaped.shape().geometry(), language);
  }

  /**
   * A walk pin must name a walk of this dialogue and be made while the walk takes pins. Returns
   * true when the walk had ended: that is a conflict (409) with the walk's state, not a fault of
   * a field, and is answered only if nothing else is wrong.
   */
  private static boolean walk(Dialogue dialogue, long walkId, WalkWindow walk, Instant madeAt,
      List<FieldViolation> faults) {
    if (walk == null) {
      faults.add(FieldViolation.of("walkId", "walk.unknown", "No walk " + walkId + " in this dialogue"));
      return false;
    }
    if (walk.dialogueId() != dialogue.id()) {
      faults.add(FieldViolation.of("walkId", "walk.other_dialogue", "Walk " + walkId + " belongs to another dialogue"));
      return false;
    }
    WalkWindow.Timing timing = walk.timing(madeAt);
    if (timing == WalkWindow.Timing.BEFORE) {
      faults.add(FieldViolation.of("walkId", "walk.not_started",
          "Walk " + walkId + " takes pins from " + walk.opens() + ", an hour before it starts"));
    }
    return timing == WalkWindow.Timing.AFTER;
  }

  private static Float accuracy(Double metres, List<FieldViolation> faults) {
    if (metres == null) {
      return null;
    }
    if (!Double.isFinite(metres) || metres < 0 || metres > MAX_ACCURACY_METRES) {
      faults.add(FieldViolation.of("accuracy", "accuracy.out_of_range",
          "The accuracy is in metres, from 0 to " + (int) MAX_ACCURACY_METRES));
      return null;
    }
    return metres.floatValue();
  }

  /** An instant with Z or an offset; a device clock a few minutes fast is forgiven. */
  private static Instant recordedAt(String raw, Instant now, List<FieldViolation> faults) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(raw.strip()).toInstant();
    } catch (DateTimeParseException e) {
      faults.add(FieldViolation.of("recordedAt", "recordedAt.malformed",
          "recordedAt is an ISO 8601 time with Z or an offset, e.g. 2026-10-14T18:25:00Z"));
      return null;
    }
    if (at.isAfter(now.plus(CLOCK_SKEW))) {
      faults.add(FieldViolation.of("recordedAt", "recordedAt.future", "recordedAt is in the future"));
      return null;
    }
    return at;
  }

  private static String meetingName(String raw, List<FieldViolation> faults) {
    String name = PinText.clean(raw);
    if (name == null) {
      faults.add(FieldViolation.of("meetingName", "meetingName.blank", "Name the meeting"));
    } else if (PinText.hasLoneSurrogate(name) || name.contains("\n")) {
      faults.add(FieldViolation.of("meetingName", "meetingName.invalid", "The meeting's name is one line of text"));
    } else if (PinText.length(name) > MEETING_NAME_MAX) {
      faults.add(FieldViolation.of("meetingName", "meetingName.too_long",
          "The meeting's name is at most " + MEETING_NAME_MAX + " characters"));
    } else {
      return name;
    }
    return null;
  }

  private static Point location(Dialogue dialogue, PinSubmission.Location loc, List<FieldViolation> faults) {
    if (loc == null) {
      faults.add(FieldViolation.of("location", "location.missing", "A location is required"));
      return null;
    }
    if (!"Point".equals(loc.type())) {
      faults.add(FieldViolation.of("location.type", "location.not_point", "The location must be a GeoJSON Point"));
      return null;
    }
    List<Double> c = loc.coordinates();
    if (c == null || c.size() < 2 || c.size() > 3 || c.get(0) == null || c.get(1) == null) {
      faults.add(FieldViolation.of("location.coordinates", "location.malformed",
          "Coordinates must be [longitude, latitude]"));
      return null;
    }
    double lon = c.get(0);
    double lat = c.get(1);
    if (!Wgs84.isValidLon(lon) || !Wgs84.isValidLat(lat)) {
      faults.add(FieldViolation.of("location.coordinates", "location.out_of_range",
          "Longitude must be within -180..180 and latitude within -90..90 (WGS84, [lon, lat])"));
      return null;
    }
    Point point = Wgs84.point(lon, lat);
    if (!dialogue.covers(point)) {
      faults.add(FieldViolation.of("location", "location.outside_study_area",
          "The place is outside the area of this dialogue"));
      return null;
    }
    return point;
  }

  private static Category category(Dialogue dialogue, String code, List<FieldViolation> faults) {
    if (code == null || code.isBlank()) {
      faults.add(FieldViolation.of("category", "category.missing", "A category is required"));
      return null;
    }
    Optional<Category> category = Coded.fromCode(Category.class, code);
    if (category.isEmpty()) {
      faults.add(FieldViolation.of("category", "category.unknown",
          "Unknown category; one of " + Coded.codesOf(Category.class)));
      return null;
    }
    if (!dialogue.offers(category.get())) {
      faults.add(FieldViolation.of("category", "category.disabled",
          "The category " + code + " is not used in this dialogue"));
      return null;
    }
    return category.get();
  }

  private static List<String> subtags(Dialogue dialogue, Category category, List<String> given,
      List<FieldViolation> faults) {
    if (given == null || given.isEmpty() || category == null) {
      return List.of();
    }
    List<String> offered = dialogue.subtagsByCategory().getOrDefault(category, List.of());
    LinkedHashSet<String> tags = new LinkedHashSet<>();
    for (String tag : given) {
      if (!offered.contains(tag)) {
        faults.add(FieldViolation.of("subtags", "subtag.unknown",
            "The sub-tag '" + tag + "' is not offered for " + category.code() + " in this dialogue"));
        return List.of();
      }
      tags.add(tag);
    }
    return List.copyOf(tags);
  }

  private static String text(String raw, List<FieldViolation> faults) {
    String text = PinText.clean(raw);
    if (text == null) {
      faults.add(FieldViolation.of("text", "text.blank", "Write something: the text is empty"));
    } else if (PinText.hasLoneSurrogate(text)) {
      faults.add(FieldViolation.of("text", "text.invalid", "The text contains invalid characters"));
    } else if (PinText.length(text) > PinText.MAX_LENGTH) {
      faults.add(FieldViolation.of("text", "text.too_long",
          "The text is " + PinText.length(text) + " characters; at most " + PinText.MAX_LENGTH));
    } else {
      return text;
    }
    return null;
  }

  private static NewPin.Profile profile(PinSubmission.Profile p, List<FieldViolation> faults) {
    if (p == null) {
      return NewPin.Profile.NONE;
    }
    AgeBand age = optional(AgeBand.class, p.ageBand(), "profile.ageBand", faults);
    Gender gender = optional(Gender.class, p.gender(), "profile.gender", faults);
    List<Relation> relations = new ArrayList<>();
    for (String r : p.relations() == null ? List.<String>of() : p.relations()) {
      Relation relation = optional(Relation.class, r, "profile.relations", faults);
      if (relation != null && !relations.contains(relation)) {
        relations.add(relation);
      }
    }
    return new NewPin.Profile(age, gender, relations);
  }

  private static <E extends Enum<E> & Coded> E optional(Class<E> type, String code, String field,
      List<FieldViolation> faults) {
    if (code == null || code.isEmpty()) {
      return null;
    }
    Optional<E> value = Coded.fromCode(type, code);
    if (value.isEmpty()) {
      faults.add(FieldViolation.of(field, "profile.unknown",
          "Unknown answer '" + code + "'; one of " + Coded.codesOf(type)));
    }
    return value.orElse(null);
  }
}
