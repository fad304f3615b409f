package org.dialogkarta.ogc;

import java.util.Map;
import org.dialogkarta.pin.PublicPins;

/**
 * What one kind of collection reads, as SQL parts: the rows ({@code from}, with its own WHERE),
 * the feature id, the geometry (WGS84 lon/lat, EPSG:4326 in the database), the public properties
 * as one {@code json_build_object}, and the time the {@code datetime} filter compares with (an
 * instant, or a start and an end; none for layers without time). Only pin layers take the
 * {@code category} and {@code status} filters.
 *
 * <p>The pin layers apply the public visibility rule ({@link PublicPins}) and carry only public
 * fields: no
 * receipt, profile answers, notes or department.
 */
record Layer(String from, Map<String, Object> params, String id, String geometry, String properties,
    String timeStart, String timeEnd, boolean pins) {

  private static final String PIN_FROM = """
      FROM pin p JOIN dialogue d ON d.id = p.dialogue_id
      WHERE\s""" + PublicPins.condition("p");

  private static final String PIN_PROPERTIES = """
      json_build_object(
        'dialogue', d.slug,
        'category', p.category,
        'subtags', p.subtags,
        'text', p.text,
        'status', p.status,
        'replies', ARRAY(SELECT r.text FROM pin_reply pr JOIN reply r ON r.id = pr.reply_id
                         WHERE pr.pin_id = p.id ORDER BY r.created_at, r.id),
        'createdAt', %s,
        'source', p.source,
        'neighbourhood', (SELECT n.name FROM neighbourhood n WHERE n.id = p.neighbourhood_id),
        'supports', p.supports)""".formatted(utc("p.created_at"));

  /** All published pins, or those of one dialogue. */
  static Layer pins(Long dialogueId) {
    return dialogueId == null
        ? new Layer(PIN_FROM, Map.of(), "p.id", "p.location", PIN_PROPERTIES, "p.created_at", "p.created_at", true)
        : new Layer(PIN_FROM + " AND p.dialogue_id = :dialogue", Map.of("dialogue", dialogueId), "p.id",
            "p.location", PIN_PROPERTIES, "p.created_at", "p.created_at", true);
  }

  static Layer neighbourhoods() {
    return new Layer("FROM neighbourhood n WHERE true", Map.of(), "n.id", "n.boundary",
        "json_build_object('code', n.code, 'name', n.name, 'population', n.population)", null, null, false);
  }

  /** Dialogues that have a study area; the dialogue itself is public, so all of its summary is. */
  static Layer studyAreas() {
    return new Layer("FROM dialogue d WHERE d.study_area IS NOT NULL", Map.of(), "d.id", "d.study_area", """
        json_build_object('slug', d.slug, 'title', d.title, 'status', d.status,
          'participationLevel', d.participation_level,
          'startsOn', to_char(d.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(d.ends_on, 'YYYY-MM-DD'))""",
        null, null, false);
  }

  /**
   * Planned routes of walks: what walk mode shows anyone with the walk's link
   * ({@code walk.PublicWalk}), without the facilitator, notes or participants. GPS tracks of
   * participants are not published.
   */
  static Layer walkRoutes() {
    return new Layer("FROM walk w JOIN dialogue d ON d.id = w.dialogue_id WHERE w.planned_route IS NOT NULL",
        Map.of(), "w.id", "w.planned_route", """
        json_build_object('dialogue', d.slug, 'kind', w.kind, 'title', w.title,
          'startsAt', %s, 'endsAt', %s, 'meetingPointName', w.meeting_point_name)"""
            .formatted(utc("w.starts_at"), utc("w.ends_at")),
        "w.starts_at", "w.ends_at", false);
  }

  /** RFC 3339 in UTC whatever the session's time zone. */
  private static String utc(String column) {
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
  }
}
