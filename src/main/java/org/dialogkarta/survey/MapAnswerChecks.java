package org.dialogkarta.survey;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.geo.ShapeCheck;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;

/**
 * The map answers' checks in PostGIS, by the rules pins drawn as lines and areas pass too
 * ({@link ShapeCheck}): a valid geometry (an area crossing itself is refused, not repaired); a
 * simple line; a point inside the study area; a line or area that touches the study area and stays
 * within {@link #MARGIN_METRES} of it (so an area over the whole country is refused); without a
 * study area, at most {@link #MAX_AREA_KM2} km² or {@link #MAX_LENGTH_KM} km. A fault names the
 * answer ({@code answers[i]}) with an {@code answer.*} code.
 */
@Component
class MapAnswerChecks {

  static final double MARGIN_METRES = 2_000;
  static final double MAX_AREA_KM2 = 100;
  static final double MAX_LENGTH_KM = 100;

  /** With a study area, its margin is the limit; answers are never repaired. */
  static final ShapeCheck.Limits NEAR_THE_AREA = new ShapeCheck.Limits(0, Double.POSITIVE_INFINITY, 0,
      Double.POSITIVE_INFINITY, MARGIN_METRES, false);
  static final ShapeCheck.Limits WITHOUT_AN_AREA = new ShapeCheck.Limits(0, MAX_LENGTH_KM * 1_000, 0,
      MAX_AREA_KM2 * 1_000_000, null, false);

  private final ShapeCheck check;
  private final DialogueRepository dialogues;

  MapAnswerChecks(ShapeCheck check, DialogueRepository dialogues) {
    this.check = check;
    this.dialogues = dialogues;
  }

  void check(long dialogueId, List<CheckedAnswer> answers) {
    if (answers.stream().allMatch(a -> a.geometry() == null)) {
      return;
    }
    // In the caller's transaction the dialogue is already loaded: no second query.
    Geometry studyArea = dialogues.findById(dialogueId).flatMap(Dialogue::studyArea).orElse(null);
    ShapeCheck.Limits limits = studyArea == null ? WITHOUT_AN_AREA : NEAR_THE_AREA;
    List<FieldViolation> faults = new ArrayList<>();
    for (CheckedAnswer a : answers) {
      if (a.geometry() == null) {
        continue;
      }
      ShapeCheck.Verdict v = check.check(a.geometry(), studyArea, limits);
      if (!v.passed()) {
        faults.add(FieldViolation.of(a.field(), code(v.fault()), "Question " + a.question().id() + ": " + v.message()));
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
  }

  private static String code(ShapeCheck.Fault fault) {
    return switch (fault) {
      case INVALID, DEGENERATE -> "answer.geometry_invalid";
      case NOT_SIMPLE -> "answer.geometry_not_simple";
      case OUTSIDE_STUDY_AREA -> "answer.outside_study_area";
      case TOO_LONG, TOO_LARGE, BEYOND_MARGIN -> "answer.too_large";
    };
  }
}
