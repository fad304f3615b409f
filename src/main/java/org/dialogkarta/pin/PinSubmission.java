package org.dialogkarta.pin;

import java.util.List;

/**
 * The JSON body of {@code POST /api/v1/dialogues/{id}/pins}, exactly as sent. Values stay strings
 * here so that a wrong one is reported by field name ({@link PinRules}), not as broken JSON.
 *
 * @param walkId     the walk the pin was made on, if any
 * @param receipt    an earlier receipt token of the same submitter, to gather their pins on one link
 * @param accuracy   the position accuracy the device reported, in metres
 * @param recordedAt when the device made the pin (ISO 8601 with offset), for pins sent later
 * @param shape      a drawn line or area (GeoJSON LineString or Polygon) instead of a point; the
 *                   pin's location is then its representative point ({@link ShapeRules})
 * @param answers    answers to the questions of the pin's category ({@link PinAnswers}), if any
 * @param language   the language of the page the pin was written on (sv, lattlast, en, …); optional
 */
public record PinSubmission(
    String category,
    List<String> subtags,
    String text,
    Location location,
    Profile profile,
    Long walkId,
    String receipt,
    Double accuracy,
    String recordedAt,
    Shape shape,
    List<GivenAnswer> answers,
    String language) {

  /** A pin without the page's language, as every pin was before issue 19. */
  public PinSubmission(String category, List<String> subtags, String text, Location location, Profile profile,
      Long walkId, String receipt, Double accuracy, String recordedAt, Shape shape, List<GivenAnswer> answers) {
    this(category, subtags, text, location, profile, walkId, receipt, accuracy, recordedAt, shape, answers, null);
  }

  /** A pin at a point without answers to questions, as every pin was before lines, areas and questions. */
  public PinSubmission(String category, List<String> subtags, String text, Location location, Profile profile,
      Long walkId, String receipt, Double accuracy, String recordedAt) {
    this(category, subtags, text, location, profile, walkId, receipt, accuracy, recordedAt, null, null);
  }

  /** A drawn line or area without answers to questions. */
  public PinSubmission(String category, List<String> subtags, String text, Location location, Profile profile,
      Long walkId, String receipt, Double accuracy, String recordedAt, Shape shape) {
    this(category, subtags, text, location, profile, walkId, receipt, accuracy, recordedAt, shape, null);
  }

  /** A pin at a point with answers to its category's questions. */
  public PinSubmission(String category, List<String> subtags, String text, Location location, Profile profile,
      Long walkId, String receipt, Double accuracy, String recordedAt, List<GivenAnswer> answers) {
    this(category, subtags, text, location, profile, walkId, receipt, accuracy, recordedAt, null, answers);
  }

  /** A GeoJSON Point: {@code {"type": "Point", "coordinates": [lon, lat]}}. */
  public record Location(String type, List<Double> coordinates) {}

  /**
   * A GeoJSON LineString or Polygon as sent; coordinates stay untyped JSON (lists of numbers) so
   * that a wrong nesting is reported on {@code shape.coordinates}, not as broken JSON.
   */
  public record Shape(String type, Object coordinates) {}

  /** Optional anonymous profile answers; every field may be left out. */
  public record Profile(String ageBand, String gender, List<String> relations) {}
}
