package org.dialogkarta.demo;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lines and areas in the rural demo dialogue ({@link DemoMunicipality#VILLAGES}): it accepts
 * point, line and area, and has a handful of published lines ("bussen borde gå här") and areas
 * drawn in its villages, each made from the village's own part of the study area so that it lies
 * inside it. Each pin's location is its representative point, as for drawn pins: the point on the
 * area, the middle of the line.
 */
final class DemoShapes {

  /**
   * One drawn pin: which village (part of the study area, largest first), line or area, the
   * bearing of a line or the radius of an area in metres, category and text.
   */
  record Shape(int part, String kind, int degreesOrMetres, String category, String text) {}

  static final List<Shape> SHAPES = List.of(
      new Shape(0, "line", 75, "service_gap", "Bussen borde gå här, förbi skolan och affären, så slipper vi byta i stan."),
      new Shape(1, "line", 20, "safety_concern", "Ingen gång- eller cykelväg längs den här sträckan. Barnen cyklar på vägen."),
      new Shape(2, "line", 110, "suggestion", "En belyst slinga här skulle användas året runt, av både hundägare och motionärer."),
      new Shape(0, "area", 180, "service_gap", "Hela byn behöver en samlingslokal och en paketutlämning."),
      new Shape(1, "area", 150, "safety_concern", "Det här kvarteret är helt mörkt på vintern. Mer belysning behövs."),
      new Shape(3, "area", 120, "valued_place", "Ängen vid bygdegården – här firas midsommar. Låt den vara kvar."));

  private DemoShapes() {}

  static void add(JdbcClient jdbc, long dialogueId) {
    jdbc.sql("UPDATE dialogue SET accepted_shapes = '{point,line,area}' WHERE id = :d").param("d", dialogueId).update();
    for (Shape s : SHAPES) {
      jdbc.sql("""
              WITH part AS (
                     SELECT p.geom FROM dialogue d, ST_Dump(d.study_area) p WHERE d.id = :d
                     ORDER BY ST_Area(p.geom) DESC, p.path OFFSET :part LIMIT 1),
                   centre AS (SELECT geom, ST_PointOnSurface(geom) AS c FROM part),
                   shape AS (
                     SELECT geom, CASE WHEN :kind = 'line' THEN
                              ST_MakeLine(ARRAY[
                                ST_Project(c::geography, 350, radians(:value + 180))::geometry, c,
                                ST_Project(c::geography, 350, radians(:value))::geometry])
                            ELSE (SELECT g.geom FROM ST_Dump(ST_Intersection(geom,
                                    ST_Buffer(c::geography, :value, 'quad_segs=4')::geometry)) g
                                  ORDER BY ST_Area(g.geom) DESC LIMIT 1) END AS g
                     FROM centre)
              INSERT INTO pin (dialogue_id, location, drawn_shape, category, text, source, moderation_state, status,
                               created_at)
              SELECT :d, CASE WHEN :kind = 'area' THEN ST_PointOnSurface(g)
                              WHEN ST_Covers(geom, ST_LineInterpolatePoint(g, 0.5)) THEN ST_LineInterpolatePoint(g, 0.5)
                              ELSE ST_ClosestPoint(ST_Intersection(geom, g), ST_LineInterpolatePoint(g, 0.5)) END,
                     ST_SetSRID(g, 4326), :category, :text, 'web', 'published', 'received',
                     TIMESTAMPTZ '2026-11-02 09:00:00+00' + make_interval(hours => 7 * :part + length(:text))
              FROM shape""")
          .param("d", dialogueId).param("part", s.part()).param("kind", s.kind()).param("value", s.degreesOrMetres())
          .param("category", s.category()).param("text", s.text())
          .update();
    }
  }
}
