package org.dialogkarta.pin;

import java.util.List;
import org.dialogkarta.dialogue.Category;
import org.locationtech.jts.geom.Point;

/** A submission that has passed every rule of its dialogue; the only way to make a {@link Pin}. */
public record NewPin(
    long dialogueId,
    Point location,
    Category category,
    List<String> subtags,
    String text,
    Profile profile,
    Source source) {

  public NewPin {
    subtags = List.copyOf(subtags);
  }

  /** The anonymous profile; any part may be unanswered (null or empty). */
  public record Profile(AgeBand ageBand, Gender gender, List<Relation> relations) {
    public static final Profile NONE = new Profile(null, null, List.of());

    public Profile {
      relations = relations == null ? List.of() : List.copyOf(relations);
    }
  }
}
