package org.dialogkarta.ogc;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.dialogue.DialogueStatus;
import org.dialogkarta.dialogue.ParticipationLevel;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.ogc.filter.Queryable;
import org.dialogkarta.ogc.filter.Queryable.Type;
import org.dialogkarta.pin.PinStatus;
import org.dialogkarta.pin.PublicPins;
import org.dialogkarta.pin.Source;

/**
 * What one kind of collection reads, as SQL parts: the rows ({@code from}, with its own WHERE),
 * the feature id, the geometry (WGS84 lon/lat, EPSG:4326 in the database), the public properties
 * as one {@code json_build_object}, and the time the {@code datetime} filter compares with (an
 * instant, or a start and an end; none for layers without time). Only pin layers take the
 * {@code category} and {@code status} filters. Its queryables are the properties a CQL2 filter and
 * {@code sortby} may name, each with the SQL it stands for (so a name in a filter is looked up,
 * never pasted).
 *
 * <p>The pin layers apply the public visibility rule ({@link PublicPins}) and carry only public
 * fields: no
 * receipt, profile answers, notes or department.
 */
record Layer(String from, Map<String, Object> params, String id, String geometry, String properties,
    String timeStart, String timeEnd, boolean pins, Map<String, Queryable> queryables) {

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

  private static final Map<String, Queryable> PIN_QUERYABLES = queryables(
      Queryable.of("id", "Pin id", "p.id", Type.INTEGER).withRole("id"),
      Queryable.of("dialogue", "Dialogue (slug)", "d.slug", Type.STRING),
      Queryable.of("category", "Category", "p.category", Type.STRING).withValues(codes(Category.values())),
      Queryable.of("status", "Status", "p.status", Type.STRING).withValues(codes(PinStatus.values())),
      Queryable.of("text", "Text", "p.text", Type.STRING),
      Queryable.of("source", "Source", "p.source", Type.STRING).withValues(codes(Source.values())),
      Queryable.of("neighbourhood", "Neighbourhood",
          "(SELECT n.name FROM neighbourhood n WHERE n.id = p.neighbourhood_id)", Type.STRING),
      Queryable.of("supports", "Supports", "p.supports", Type.INTEGER),
      Queryable.of("createdAt", "Created", "p.created_at", Type.TIMESTAMP).withRole("primary-instant"),
      Queryable.geometry("Place", "p.location", "point"));

  /** All published pins, or those of one dialogue. */
  static Layer pins(Long dialogueId) {
    return dialogueId == null
        ? new Layer(PIN_FROM, Map.of(), "p.id", "p.location", PIN_PROPERTIES, "p.created_at", "p.created_at", true,
            PIN_QUERYABLES)
        : new Layer(PIN_FROM + " AND p.dialogue_id = :dialogue", Map.of("dialogue", dialogueId), "p.id",
            "p.location", PIN_PROPERTIES, "p.created_at", "p.created_at", true, PIN_QUERYABLES);
  }

  /**
   * The drawn lines ({@code LINESTRING}) or areas ({@code POLYGON}) of one dialogue's published
   * pins: the same rows, rule and properties as {@link #pins}, with the drawn shape as geometry.
   */
  static Layer drawnShapes(long dialogueId, String geometryType) {
    if (!geometryType.equals("LINESTRING") && !geometryType.equals("POLYGON")) {
      throw new IllegalArgumentException("not a drawn shape type: " + geometryType);
    }
    Map<String, Queryable> queryables = new LinkedHashMap<>(PIN_QUERYABLES);
    queryables.put("geometry", Queryable.geometry(geometryType.equals("POLYGON") ? "Drawn area" : "Drawn line",
        "p.drawn_shape", geometryType.toLowerCase(java.util.Locale.ROOT)));
    return new Layer(PIN_FROM + " AND p.dialogue_id = :dialogue AND p.drawn_shape IS NOT NULL"
        + " AND GeometryType(p.drawn_shape) = '" + geometryType + "'", Map.of("dialogue", dialogueId), "p.id",
        "p.drawn_shape", PIN_PROPERTIES, "p.created_at", "p.created_at", true,
        java.util.Collections.unmodifiableMap(queryables));
  }

  /** Every public pin of its dialogue(s), as the pin trigger's counter counts them (not a drawn-shape layer). */
  boolean allPinsOfDialogues() {
    return pins && geometry.equals("p.location");
  }

  static Layer neighbourhoods() {
    return new Layer("FROM neighbourhood n WHERE true", Map.of(), "n.id", "n.boundary",
        "json_build_object('code', n.code, 'name', n.name, 'population', n.population)", null, null, false,
        queryables(
            Queryable.of("id", "Id", "n.id", Type.INTEGER).withRole("id"),
            Queryable.of("code", "Code", "n.code", Type.STRING),
            Queryable.of("name", "Name", "n.name", Type.STRING),
            Queryable.of("population", "Population", "n.population", Type.INTEGER),
            Queryable.geometry("Boundary", "n.boundary", "multipolygon")));
  }

  /** Dialogues that have a study area; the dialogue itself is public, so all of its summary is. */
  static Layer studyAreas() {
    return new Layer("FROM dialogue d WHERE d.study_area IS NOT NULL", Map.of(), "d.id", "d.study_area", """
        json_build_object('slug', d.slug, 'title', d.title, 'status', d.status,
          'participationLevel', d.participation_level,
          'startsOn', to_char(d.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(d.ends_on, 'YYYY-MM-DD'))""",
        null, null, false, queryables(
            Queryable.of("id", "Id", "d.id", Type.INTEGER).withRole("id"),
            Queryable.of("slug", "Slug", "d.slug", Type.STRING),
            Queryable.of("title", "Title", "d.title", Type.STRING),
            Queryable.of("status", "Status", "d.status", Type.STRING).withValues(codes(DialogueStatus.values())),
            Queryable.of("participationLevel", "Participation level", "d.participation_level", Type.STRING)
                .withValues(codes(ParticipationLevel.values())),
            Queryable.of("startsOn", "Starts on", "d.starts_on", Type.DATE).withRole("primary-interval-start"),
            Queryable.of("endsOn", "Ends on", "d.ends_on", Type.DATE).withRole("primary-interval-end"),
            Queryable.geometry("Study area", "d.study_area", "multipolygon")));
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
        "w.starts_at", "w.ends_at", false, queryables(
            Queryable.of("id", "Id", "w.id", Type.INTEGER).withRole("id"),
            Queryable.of("dialogue", "Dialogue (slug)", "d.slug", Type.STRING),
            Queryable.of("kind", "Kind (safety_walk or community_walk)", "w.kind", Type.STRING),
            Queryable.of("title", "Title", "w.title", Type.STRING),
            Queryable.of("startsAt", "Starts", "w.starts_at", Type.TIMESTAMP).withRole("primary-interval-start"),
            Queryable.of("endsAt", "Ends", "w.ends_at", Type.TIMESTAMP).withRole("primary-interval-end"),
            Queryable.of("meetingPointName", "Meeting point", "w.meeting_point_name", Type.STRING),
            Queryable.geometry("Planned route", "w.planned_route", "linestring")));
  }

  private static Map<String, Queryable> queryables(Queryable... all) {
    Map<String, Queryable> out = new LinkedHashMap<>();
    for (Queryable q : all) {
      out.put(q.name(), q);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static List<String> codes(Coded[] values) {
    return Arrays.stream(values).map(Coded::code).toList();
  }

  /** RFC 3339 in UTC whatever the session's time zone. */
  private static String utc(String column) {
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
  }
}
