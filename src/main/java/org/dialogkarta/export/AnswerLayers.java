package org.dialogkarta.export;

import static org.dialogkarta.export.Field.datetime;
import static org.dialogkarta.export.Field.integer;
import static org.dialogkarta.export.Field.text;

import java.util.List;

/**
 * The answers to the dialogues' own questions (survey, V26) as export layers: {@code answers},
 * a table without geometry (GeoPackage attributes table, or CSV) with one row per answer, joined
 * to the pins by {@code pin_id} and to one another by {@code response_id}; and
 * {@code answer_places}, the map answers as features (points, lines and areas: mixed, so not in a
 * Shapefile). What may leave the system: a visit's answers, and a pin's answers only while the pin
 * is public ({@code pin.PublicPins}); no receipt, only {@code respondent}, a number that tells the
 * responses of one receipt apart within this file and means nothing outside it.
 */
final class AnswerLayers {

  private AnswerLayers() {}

  private static final String FROM = "answer a JOIN questionnaire_response r ON r.id = a.response_id"
      + " JOIN question_version v ON v.id = a.question_version_id JOIN dialogue d ON d.id = r.dialogue_id";
  private static final String VISIBLE = "(r.pin_id IS NULL OR EXISTS (SELECT 1 FROM pin WHERE pin.id = r.pin_id AND "
      + DatabaseLayers.PUBLISHED + "))";
  private static final String OF_DIALOGUE = "r.dialogue_id = :dialogue";

  /** The value in words: an option's Swedish label (codes of a list joined by "; "), a text, a number, or WKT. */
  private static final String VALUE_TEXT = """
      CASE WHEN a.geom IS NOT NULL THEN ST_AsText(a.geom)
           WHEN v.kind IN ('single_choice', 'multiple_choice', 'ranking') THEN
             (SELECT string_agg(coalesce(o.option ->> 'sv', e.code), '; ' ORDER BY e.n)
              FROM jsonb_array_elements_text(CASE jsonb_typeof(a.value) WHEN 'array' THEN a.value
                                                  ELSE jsonb_build_array(a.value) END) WITH ORDINALITY e(code, n)
              LEFT JOIN LATERAL (SELECT x AS option FROM jsonb_array_elements(v.options) x
                                 WHERE x ->> 'code' = e.code LIMIT 1) o ON true)
           ELSE a.value #>> '{}' END""";
  private static final String CODES = """
      CASE WHEN v.kind IN ('single_choice', 'multiple_choice', 'ranking') THEN
        (SELECT string_agg(e, ';' ORDER BY n) FROM jsonb_array_elements_text(CASE jsonb_typeof(a.value)
           WHEN 'array' THEN a.value ELSE jsonb_build_array(a.value) END) WITH ORDINALITY t(e, n)) END""";
  private static final String RESPONDENT = "CASE WHEN r.receipt_id IS NULL THEN NULL ELSE dense_rank() OVER (ORDER BY r.receipt_id) END";

  static final SqlLayer ANSWERS = new SqlLayer(
      new LayerSchema("answers", "Answers to the dialogue's questions", null, List.of(
          integer("answer_id"), integer("response_id"), integer("respondent"), integer("pin_id"), text("dialogue", 80),
          integer("question_id"), integer("version"), text("kind", 16), text("question"), text("codes"), text("value"),
          datetime("created"))),
      null,
      List.of("a.id", "r.id", RESPONDENT, "r.pin_id", "d.slug", "v.question_id", "v.version", "v.kind", "v.label_sv",
          CODES, VALUE_TEXT, "r.created_at"),
      FROM, VISIBLE, OF_DIALOGUE, "a.id");

  static final SqlLayer ANSWER_PLACES = new SqlLayer(
      new LayerSchema("answer_places", "Map answers to the dialogue's questions", GeometryKind.GEOMETRY, List.of(
          integer("answer_id"), integer("response_id"), integer("pin_id"), text("dialogue", 80), integer("question_id"),
          integer("version"), text("kind", 16), text("question"), datetime("created"))),
      "a.geom",
      List.of("a.id", "r.id", "r.pin_id", "d.slug", "v.question_id", "v.version", "v.kind", "v.label_sv", "r.created_at"),
      FROM, VISIBLE + " AND a.geom IS NOT NULL", OF_DIALOGUE, "a.id");

  static final List<SqlLayer> ALL = List.of(ANSWERS, ANSWER_PLACES);
}
