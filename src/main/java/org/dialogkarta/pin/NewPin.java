package org.dialogkarta.pin;

import java.time.Instant;
import java.util.List;
import org.dialogkarta.dialogue.Category;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A submission that has passed every rule of its dialogue; the only way to make a {@link Pin}.
 *
 * @param walkId      the walk it was made on ({@code source} is then {@code walk})
 * @param accuracyM   the device's reported position accuracy, metres
 * @param recordedAt  when the device made it, if it said so
 * @param meetingName the meeting at which a facilitator entered it ({@code source} {@code meeting})
 * @param drawnShape  the line or area drawn ({@link ShapeRules}); {@code location} is then its
 *                    representative point. Null for a pin at a point.
 * @param language    the page language it was written on ({@code ContentLanguage.isPageLanguage}), or null
 */
public record NewPin(
    long dialogueId,
    Point location,
    Category category,
    List<String> subtags,
    String text,
    Profile profile,
    Source source,
    Long walkId,
    Float accuracyM,
    Instant recordedAt,
    String meetingName,
    Geometry drawnShape,
    String language) {

  public NewPin {
    subtags = List.copyOf(subtags);
  }

  /** A pin at a point. */
  public NewPin(long dialogueId, Point location, Category category, List<String> subtags, String text,
      Profile profile, Source source, Long walkId, Float accuracyM, Instant recordedAt, String meetingName) {
    this(dialogueId, location, category, subtags, text, profile, source, walkId, accuracyM, recordedAt, meetingName,
        null, null);
  }

  /** A pin with a drawn shape, its page language unknown. */
  public NewPin(long dialogueId, Point location, Category category, List<String> subtags, String text,
      Profile profile, Source source, Long walkId, Float accuracyM, Instant recordedAt, String meetingName,
      Geometry drawnShape) {
    this(dialogueId, location, category, subtags, text, profile, source, walkId, accuracyM, recordedAt, meetingName,
        drawnShape, null);
  }

  /** The anonymous profile; any part may be unanswered (null or empty). */
  public record Profile(AgeBand ageBand, Gender gender, List<Relation> relations) {
    public static final Profile NONE = new Profile(null, null, List.of());

    public Profile {
      relations = relations == null ? List.of() : List.copyOf(relations);
    }
  }
}
