package org.dialogkarta.dialogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialogkarta.geo.StudyAreaReader;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.MultiPolygon;

/** A {@link DialogueDraft} that passed every rule, with typed values, ready to store. */
record CheckedDialogue(String slug, String title, String summary, DialogueStatus status,
    LocalDate startsOn, LocalDate endsOn, ParticipationLevel participationLevel, String moderationMode,
    MultiPolygon studyArea, List<Category> categories, Map<Category, List<String>> subtags,
    Map<String, String> subtagLabels, String outcome, String nextSteps, String responsibleUnit, String contact,
    List<ShapeKind> acceptedShapes) {

  /** Suggestions, safety concerns and service gaps are in every dialogue; valued places are optional. */
  static final List<Category> ALWAYS = List.of(Category.SUGGESTION, Category.SAFETY_CONCERN, Category.SERVICE_GAP);

  static CheckedDialogue check(DialogueDraft d) {
    List<FieldViolation> faults = new ArrayList<>();
    String slug = d.slug() == null ? "" : d.slug().strip();
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 80) {
      faults.add(FieldViolation.of("slug", "slug.invalid", "Lower-case letters, digits and single hyphens, at most 80"));
    }
    String title = text(d.title(), "title", 200, true, faults);
    String summary = text(d.summary(), "summary", 5000, true, faults);
    DialogueStatus status = code(DialogueStatus.class, d.status(), "status", faults);
    ParticipationLevel level = code(ParticipationLevel.class, d.participationLevel(), "participationLevel", faults);
    String mode = d.moderationMode() == null ? "post" : d.moderationMode();
    if (!mode.equals("pre") && !mode.equals("post")) {
      faults.add(FieldViolation.of("moderationMode", "code.unknown", "One of pre, post"));
    }
    if (d.startsOn() != null && d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
      faults.add(FieldViolation.of("endsOn", "dates.order", "The end date is before the start date"));
    }
    List<Category> categories = new ArrayList<>(ALWAYS);
    for (String c : d.categories() == null ? List.<String>of() : d.categories()) {
      Category category = code(Category.class, c, "categories", faults);
      if (category != null && !categories.contains(category)) {
        categories.add(category);
      }
    }
    Map<Category, List<String>> subtags = new java.util.LinkedHashMap<>();
    (d.subtags() == null ? Map.<String, List<String>>of() : d.subtags()).forEach((c, tags) -> {
      Category category = code(Category.class, c, "subtags", faults);
      if (category != null && !categories.contains(category)) {
        faults.add(FieldViolation.of("subtags", "subtag.category_disabled", "Sub-tags for a category the dialogue does not use: " + c));
      } else if (category != null) {
        List<String> clean = tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList();
        clean.stream().filter(t -> !t.matches("[a-z0-9_]{1,40}")).findFirst().ifPresent(t -> faults.add(
            FieldViolation.of("subtags", "subtag.invalid", "Sub-tag codes are lower-case letters, digits and _: " + t)));
        subtags.put(category, clean);
      }
    });
    // Labels of the planner's own codes, as typed: only for codes in use, short, one line.
    Map<String, String> labels = new java.util.TreeMap<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    subtags.values().forEach(used::addAll);
    (d.subtagLabels() == null ? Map.<String, String>of() : d.subtagLabels()).forEach((code, raw) -> {
      String label = raw == null ? "" : raw.strip();
      if (!used.contains(code)) {
        faults.add(FieldViolation.of("subtagLabels", "subtag.label_unused", "A label for a sub-tag the dialogue does not offer: " + code));
      } else if (label.isEmpty() || label.length() > 60 || label.chars().anyMatch(Character::isISOControl)) {
        faults.add(FieldViolation.of("subtagLabels", "subtag.label_invalid", "A sub-tag label is 1–60 characters on one line: " + code));
      } else {
        labels.put(code, label);
      }
    });
    MultiPolygon area = null;
    if (d.studyArea() != null && !d.studyArea().isNull()) {
      try {
        area = StudyAreaReader.read(d.studyArea().toString(), "studyArea");
      } catch (InvalidInputException e) {
        faults.addAll(e.violations());
      }
    }
    String outcome = text(d.outcome(), "outcome", 5000, false, faults);
    String nextSteps = text(d.nextSteps(), "nextSteps", 5000, false, faults);
    String unit = text(d.responsibleUnit(), "responsibleUnit", 200, false, faults);
    String contact = text(d.contact(), "contact", 200, false, faults);
    List<ShapeKind> shapes = acceptedShapes(d.acceptedShapes(), faults);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new CheckedDialogue(slug, title, summary, status, d.startsOn(), d.endsOn(), level, mode, area,
        categories, subtags, labels, outcome, nextSteps, unit, contact, shapes);
  }

  /** Point, line, area: at least one; left out means point only, as before lines and areas. */
  private static List<ShapeKind> acceptedShapes(List<String> codes, List<FieldViolation> faults) {
    if (codes == null) {
      return List.of(ShapeKind.POINT);
    }
    List<ShapeKind> shapes = new ArrayList<>();
    for (String c : codes) {
      ShapeKind kind = code(ShapeKind.class, c, "acceptedShapes", faults);
      if (kind != null && !shapes.contains(kind)) {
        shapes.add(kind);
      }
    }
    if (codes.isEmpty()) {
      faults.add(FieldViolation.of("acceptedShapes", "acceptedShapes.empty", "Accept at least one of point, line, area"));
    }
    return shapes.stream().sorted().toList();
  }

  private static String text(String raw, String field, int max, boolean required, List<FieldViolation> faults) {
    String t = raw == null ? null : raw.strip();
    if (t == null || t.isEmpty()) {
      if (required) {
        faults.add(FieldViolation.of(field, "text.blank", "Required"));
      }
      return null;
    }
    if (t.codePointCount(0, t.length()) > max) {
      faults.add(FieldViolation.of(field, "text.too_long", "At most " + max + " characters"));
    }
    return t;
  }

  private static <E extends Enum<E> & Coded> E code(Class<E> type, String code, String field, List<FieldViolation> faults) {
    E value = code == null ? null : Coded.fromCode(type, code).orElse(null);
    if (value == null) {
      faults.add(FieldViolation.of(field, "code.unknown", "'" + code + "' is not one of " + Coded.codesOf(type)));
    }
    return value;
  }
}
