package org.dialogkarta.pin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.web.Coded;
import org.dialogkarta.web.ConflictException;
import org.dialogkarta.web.FieldViolation;
import org.dialogkarta.web.InvalidInputException;
import org.locationtech.jts.geom.Point;

/**
 * Checks a {@link PinSubmission} against its dialogue and turns it into a {@link NewPin}, or
 * refuses it with every fault at once so that a form can mark all of its fields in one go.
 */
final class PinRules {

  private PinRules() {}

  static NewPin check(Dialogue dialogue, PinSubmission s) {
    if (!dialogue.isOpenForPins()) {
      throw new ConflictException("dialogue.closed", "The dialogue '" + dialogue.title()
          + "' is " + dialogue.status().code() + " and does not take new pins");
    }
    List<FieldViolation> faults = new ArrayList<>();
    Point location = location(dialogue, s.location(), faults);
    Category category = category(dialogue, s.category(), faults);
    List<String> subtags = subtags(dialogue, category, s.subtags(), faults);
    String text = text(s.text(), faults);
    NewPin.Profile profile = profile(s.profile(), faults);
    if (s.walkId() != null) {
      faults.add(FieldViolation.of("walkId", "walk.unknown", "No walk " + s.walkId() + " in this dialogue"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return new NewPin(dialogue.id(), location, category, subtags, text, profile, Source.WEB);
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
