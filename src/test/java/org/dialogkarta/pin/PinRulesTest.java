package org.dialogkarta.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueStatus;
import org.dialogkarta.dialogue.ParticipationLevel;
import org.dialogkarta.dialogue.Subtag;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class PinRulesTest {

  private static final MultiPolygon AREA = multiPolygon(
      "MULTIPOLYGON(((16.14 58.57, 16.22 58.57, 16.22 58.61, 16.14 58.61, 16.14 58.57)))");

  private final Dialogue open = dialogue(DialogueStatus.ONGOING);

  @Test
  void aGoodSubmissionBecomesANewPin() {
    NewPin pin = PinRules.check(open, new PinSubmission("safety_concern", List.of("lighting", "lighting"),
        "  Mörk gångtunnel  ", point(16.18, 58.59),
        new PinSubmission.Profile("25_44", "woman", List.of("lives", "works", "lives")), null, null, null, null));
    assertThat(pin.category()).isEqualTo(Category.SAFETY_CONCERN);
    assertThat(pin.subtags()).containsExactly("lighting");
    assertThat(pin.text()).isEqualTo("Mörk gångtunnel");
    assertThat(pin.location().getX()).isEqualTo(16.18);
    assertThat(pin.location().getY()).isEqualTo(58.59);
    assertThat(pin.profile().ageBand()).isEqualTo(AgeBand.FROM_25_TO_44);
    assertThat(pin.profile().relations()).containsExactly(Relation.LIVES, Relation.WORKS);
    assertThat(pin.source()).isEqualTo(Source.WEB);
    assertThat(pin.dialogueId()).isEqualTo(7L);
  }

  @Test
  void theEdgeOfTheStudyAreaIsInside() {
    assertThat(PinRules.check(open, submission("suggestion", "Kant", point(16.14, 58.59))).location())
        .isNotNull();
  }

  @ParameterizedTest
  @EnumSource(value = DialogueStatus.class, names = {"PLANNED", "COMPLETED"})
  void closedDialoguesTakeNoPins(DialogueStatus status) {
    assertThatThrownBy(() -> PinRules.check(dialogue(status), submission("suggestion", "Hej", point(16.18, 58.59))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(status.code());
  }

  @Test
  void everyFaultIsReportedAtOnceWithItsField() {
    PinSubmission bad = new PinSubmission("valued_place", List.of(), " ", point(200, 58.59),
        new PinSubmission.Profile("teen", null, List.of("sleeps")), 7L, null, null, null);
    assertThat(faults(bad)).extracting(FieldViolation::field, FieldViolation::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("location.coordinates", "location.out_of_range"),
        org.assertj.core.groups.Tuple.tuple("category", "category.disabled"),
        // no text.blank: on a walk the text is optional ("pin here" in two taps)
        org.assertj.core.groups.Tuple.tuple("profile.ageBand", "profile.unknown"),
        org.assertj.core.groups.Tuple.tuple("profile.relations", "profile.unknown"),
        org.assertj.core.groups.Tuple.tuple("walkId", "walk.unknown"));
    PinSubmission noWalk = new PinSubmission("valued_place", List.of(), " ", point(200, 58.59), null, null, null, null, null);
    assertThat(faults(noWalk)).extracting(FieldViolation::code)
        .containsExactly("location.out_of_range", "category.disabled", "text.blank");
  }

  @Test
  void locationFaults() {
    assertThat(codes(submission("suggestion", "x", null))).containsExactly("location.missing");
    assertThat(codes(new PinSubmission("suggestion", null, "x",
        new PinSubmission.Location("LineString", List.of(16.18, 58.59)), null, null, null, null, null)))
        .containsExactly("location.not_point");
    assertThat(codes(submission("suggestion", "x", new PinSubmission.Location("Point", List.of(16.18)))))
        .containsExactly("location.malformed");
    assertThat(codes(submission("suggestion", "x", new PinSubmission.Location("Point", Arrays.asList(16.18, null)))))
        .containsExactly("location.malformed");
    assertThat(codes(submission("suggestion", "x", point(Double.NaN, 58.59)))).containsExactly("location.out_of_range");
    assertThat(codes(submission("suggestion", "x", point(16.18, 91)))).containsExactly("location.out_of_range");
    assertThat(codes(submission("suggestion", "x", point(16.30, 58.59)))).containsExactly("location.outside_study_area");
  }

  @Test
  void categoryAndSubtagFaults() {
    assertThat(codes(submission(null, "x", point(16.18, 58.59)))).containsExactly("category.missing");
    assertThat(codes(submission("complaint", "x", point(16.18, 58.59)))).containsExactly("category.unknown");
    assertThat(codes(new PinSubmission("suggestion", List.of("lighting"), "x", point(16.18, 58.59), null, null, null, null, null)))
        .containsExactly("subtag.unknown");
  }

  @Test
  void textFaults() {
    assertThat(codes(submission("suggestion", null, point(16.18, 58.59)))).containsExactly("text.blank");
    assertThat(codes(submission("suggestion", " \n\t ", point(16.18, 58.59)))).containsExactly("text.blank");
    assertThat(codes(submission("suggestion", "å".repeat(2001), point(16.18, 58.59)))).containsExactly("text.too_long");
    assertThat(PinRules.check(open, submission("suggestion", "å".repeat(2000), point(16.18, 58.59))).text())
        .hasSize(2000);
    assertThat(codes(submission("suggestion", "x \uD800 y", point(16.18, 58.59)))).containsExactly("text.invalid");
  }

  private static final java.time.Instant NOW = java.time.Instant.parse("2026-10-14T18:30:00Z");
  /** A walk of the dialogue from 18:00 to 20:00 UTC, not closed. */
  private static final WalkWindow WALK = new WalkWindow(3, 7, java.time.Instant.parse("2026-10-14T18:00:00Z"),
      java.time.Instant.parse("2026-10-14T20:00:00Z"), null);

  @Test
  void aWalkPinKeepsItsWalkTimeAndAccuracy() {
    NewPin pin = PinRules.check(open, walkPin(3L, 12.5, "2026-10-14T20:25:00+02:00"), WALK, NOW);
    assertThat(pin.source()).isEqualTo(Source.WALK);
    assertThat(pin.walkId()).isEqualTo(3L);
    assertThat(pin.accuracyM()).isEqualTo(12.5f);
    assertThat(pin.recordedAt()).isEqualTo(java.time.Instant.parse("2026-10-14T18:25:00Z"));
  }

  @Test
  void theWalksWindowIsJudgedByWhenThePinWasMade() {
    java.time.Instant nextDay = NOW.plus(java.time.Duration.ofDays(1));
    assertThat(PinRules.check(open, walkPin(3L, null, "2026-10-14T19:59:00Z"), WALK, nextDay).walkId()).isEqualTo(3L);
    assertThatThrownBy(() -> PinRules.check(open, walkPin(3L, null, null), WALK, nextDay))
        .isInstanceOf(ConflictException.class).hasMessageContaining("had ended");
    assertThatThrownBy(() -> PinRules.check(open, walkPin(3L, null, "2026-10-14T23:00:01Z"), WALK, nextDay))
        .isInstanceOf(ConflictException.class);
    WalkWindow closedEarly = new WalkWindow(3, 7, WALK.startsAt(), WALK.endsAt(), NOW);
    assertThatThrownBy(() -> PinRules.check(open, walkPin(3L, null, "2026-10-14T18:31:00Z"), closedEarly, NOW.plusSeconds(90)))
        .isInstanceOf(ConflictException.class);
    assertThat(walkFaults(walkPin(3L, null, "2026-10-14T16:59:00Z"), WALK)).containsExactly("walkId:walk.not_started");
    assertThat(walkFaults(walkPin(3L, null, null), new WalkWindow(3, 8, WALK.startsAt(), WALK.endsAt(), null)))
        .containsExactly("walkId:walk.other_dialogue");
    assertThat(walkFaults(walkPin(3L, null, null), null)).containsExactly("walkId:walk.unknown");
  }

  @Test
  void deviceTimeAndAccuracyFaults() {
    assertThat(walkFaults(walkPin(null, -0.5, null), null)).containsExactly("accuracy:accuracy.out_of_range");
    assertThat(walkFaults(walkPin(null, Double.NaN, null), null)).containsExactly("accuracy:accuracy.out_of_range");
    assertThat(walkFaults(walkPin(null, null, "2026-10-14T18:36:00Z"), null)).containsExactly("recordedAt:recordedAt.future");
    assertThat(walkFaults(walkPin(null, null, "2026-10-14 18:00"), null)).containsExactly("recordedAt:recordedAt.malformed");
    assertThat(PinRules.check(open, walkPin(null, 0.0, "2026-10-14T18:34:00Z"), null, NOW).source()).isEqualTo(Source.WEB);
  }

  @Test
  void aMeetingPinNamesItsMeeting() {
    NewPin pin = PinRules.checkAtMeeting(open, submission("suggestion", "Fler bussar", point(16.18, 58.59)),
        "  Öppet möte i Kimstad  ", NOW);
    assertThat(pin.source()).isEqualTo(Source.MEETING);
    assertThat(pin.meetingName()).isEqualTo("Öppet möte i Kimstad");
    assertThatThrownBy(() -> PinRules.checkAtMeeting(open, walkPin(3L, null, null), "Möte", NOW))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no walk");
    assertThatThrownBy(() -> PinRules.checkAtMeeting(open, submission("suggestion", "x", point(16.18, 58.59)), "a\nb", NOW))
        .isInstanceOf(InvalidInputException.class);
  }

  private List<String> walkFaults(PinSubmission s, WalkWindow walk) {
    try {
      PinRules.check(open, s, walk, NOW);
    } catch (InvalidInputException e) {
      return e.violations().stream().map(v -> v.field() + ":" + v.code()).toList();
    }
    throw new AssertionError("expected the submission to be refused");
  }

  private static PinSubmission walkPin(Long walkId, Double accuracy, String recordedAt) {
    return new PinSubmission("suggestion", null, "Här", point(16.18, 58.59), null, walkId, null, accuracy, recordedAt);
  }

  private List<String> codes(PinSubmission s) {
    return faults(s).stream().map(FieldViolation::code).toList();
  }

  private List<FieldViolation> faults(PinSubmission s) {
    try {
      PinRules.check(open, s);
    } catch (InvalidInputException e) {
      return e.violations();
    }
    throw new AssertionError("expected the submission to be refused");
  }

  private static PinSubmission submission(String category, String text, PinSubmission.Location location) {
    return new PinSubmission(category, null, text, location, null, null, null, null, null);
  }

  private static PinSubmission.Location point(double lon, double lat) {
    return new PinSubmission.Location("Point", List.of(lon, lat));
  }

  private static Dialogue dialogue(DialogueStatus status) {
    Dialogue d = new Dialogue("trygghet", "Trygghet i parken", "Om parken", status,
        ParticipationLevel.DIALOGUE, AREA, List.of(Category.SUGGESTION, Category.SAFETY_CONCERN, Category.SERVICE_GAP),
        Set.of(new Subtag(Category.SAFETY_CONCERN, "lighting", 0, null)));
    ReflectionTestUtils.setField(d, "id", 7L); // as if saved
    return d;
  }

  private static MultiPolygon multiPolygon(String wkt) {
    try {
      MultiPolygon mp = (MultiPolygon) new WKTReader(org.dialogkarta.geo.Wgs84.FACTORY).read(wkt);
      return mp;
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
