package org.dialogkarta.export;

import static org.dialogkarta.export.Field.datetime;
import static org.dialogkarta.export.Field.integer;
import static org.dialogkarta.export.Field.text;

import java.util.List;
import org.dialogkarta.pin.PublicPins;

/**
 * The layers read straight from the database. What may leave the system is decided here, in the
 * SQL: pins only when published and not merged into another pin (the rule of
 * {@code pin.PublicPins}); no receipt, age band, gender, relations, moderation reason, note
 * texts or redacted originals in any layer; walks without facilitator, participants' names or
 * note. Exports are for the GIS role, which also gets a few internal workflow fields of pins
 * (department, count of internal notes, day or dark, when the device made the pin, accuracy).
 */
final class DatabaseLayers {

  private DatabaseLayers() {}

  /** dBASE widths for texts that are codes, slugs or names (see Field): enough, and no padding. */
  private static final int CODE = 16;
  private static final int SLUG = 80;
  /** Names of departments and neighbourhoods may be 200 characters: keep them whole. */
  private static final int NAME = Field.MAX_WIDTH;

  /** The public pin rule (pin.PublicPins). */
  static final String PUBLISHED = PublicPins.condition("pin");

  static final SqlLayer PINS = new SqlLayer(
      new LayerSchema("pins", "Pins", GeometryKind.POINT, List.of(
          integer("id"), text("dialogue", SLUG), text("category", CODE).labelled("category"), text("subtags"),
          text("text"), text("status", CODE).labelled("pinStatus"), text("reply"), text("department", NAME),
          datetime("created"), text("source", CODE), integer("walk"), text("neighbourhood", NAME),
          integer("supports"), integer("notes"), text("time_of_day", CODE).labelled("analysis.timeOfDay"),
          datetime("recorded"), Field.real("accuracy_m"))),
      "pin.location",
      List.of("pin.id", "d.slug", "pin.category", "array_to_string(pin.subtags, ',')", "pin.text",
          "pin.status",
          // Public replies only (pin_reply); internal notes stay inside, only their number goes out.
          "(SELECT string_agg(r.text, E'\\n\\n' ORDER BY r.created_at, r.id) FROM pin_reply pr"
              + " JOIN reply r ON r.id = pr.reply_id WHERE pr.pin_id = pin.id)",
          "dep.name", "pin.created_at", "pin.source", "pin.walk_id",
          "nb.name",
          "pin.supports",
          "(SELECT count(*) FROM pin_note pn WHERE pn.pin_id = pin.id)",
          "pin.time_of_day", "pin.recorded_at", "pin.accuracy_m"),
      // pin.neighbourhood_id is kept right by triggers (V8), so no spatial join per pin here.
      "pin JOIN dialogue d ON d.id = pin.dialogue_id LEFT JOIN department dep ON dep.id = pin.department_id"
          + " LEFT JOIN neighbourhood nb ON nb.id = pin.neighbourhood_id",
      PUBLISHED, "pin.dialogue_id = :dialogue", "pin.id");

  static final SqlLayer NEIGHBOURHOODS = new SqlLayer(
      new LayerSchema("neighbourhoods", "Neighbourhoods", GeometryKind.MULTIPOLYGON, List.of(
          integer("id"), text("code", SLUG), text("name", NAME), integer("population"))),
      "n.boundary",
      List.of("n.id", "n.code", "n.name", "n.population"),
      "neighbourhood n", "true",
      // One dialogue: the neighbourhoods its study area touches (all of them if it has none).
      "EXISTS (SELECT 1 FROM dialogue d WHERE d.id = :dialogue"
          + " AND (d.study_area IS NULL OR ST_Intersects(d.study_area, n.boundary)))",
      "n.id");

  static final SqlLayer STUDY_AREAS = new SqlLayer(
      new LayerSchema("study_areas", "Study areas", GeometryKind.MULTIPOLYGON, List.of(
          integer("id"), text("slug", SLUG), text("title"), text("status", CODE).labelled("dialogueStatus"),
          text("level", CODE).labelled("level"), Field.date("starts_on"), Field.date("ends_on"), integer("pins"))),
      "d.study_area",
      List.of("d.id", "d.slug", "d.title", "d.status", "d.participation_level",
          "d.starts_on", "d.ends_on",
          "(SELECT count(*) FROM pin WHERE pin.dialogue_id = d.id AND " + PUBLISHED + ")"),
      "dialogue d", "d.study_area IS NOT NULL", "d.id = :dialogue", "d.id");

  static final SqlLayer WALK_ROUTES = new SqlLayer(
      new LayerSchema("walk_routes", "Walk routes", GeometryKind.LINESTRING, List.of(
          integer("id"), text("dialogue", SLUG), text("kind", CODE).labelled("walk.kind"), text("title"),
          datetime("starts"), datetime("ends"), text("meeting"), text("light", CODE).labelled("walk.light"),
          integer("people"), integer("pins"))),
      "w.planned_route",
      List.of("w.id", "d.slug", "w.kind", "w.title", "w.starts_at", "w.ends_at", "w.meeting_point_name",
          "w.light", "w.participant_count",
          "(SELECT count(*) FROM pin WHERE pin.walk_id = w.id AND " + PUBLISHED + ")"),
      "walk w JOIN dialogue d ON d.id = w.dialogue_id", "w.planned_route IS NOT NULL",
      "w.dialogue_id = :dialogue", "w.id");

  static final SqlLayer WALK_TRACKS = new SqlLayer(
      new LayerSchema("walk_tracks", "Walk tracks", GeometryKind.LINESTRING, List.of(
          integer("id"), integer("walk"), text("dialogue", SLUG), text("kind", CODE).labelled("walk.kind"),
          integer("received"),
          integer("dropped"), datetime("created"))),
      "t.track",
      List.of("t.id", "t.walk_id", "d.slug", "w.kind", "t.points_received", "t.points_dropped", "t.created_at"),
      "walk_track t JOIN walk w ON w.id = t.walk_id JOIN dialogue d ON d.id = w.dialogue_id", "true",
      "w.dialogue_id = :dialogue", "t.id");

  static final List<SqlLayer> ALL = List.of(PINS, DrawnShapeLayers.LINES, DrawnShapeLayers.AREAS, NEIGHBOURHOODS,
      STUDY_AREAS, WALK_ROUTES, WALK_TRACKS);
}
