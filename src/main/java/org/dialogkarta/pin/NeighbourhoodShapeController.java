package org.dialogkarta.pin;

import java.util.List;
import java.util.Map;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.dialogue.ShapeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The path to an area pin without drawing: the neighbourhoods (or villages) a dialogue that
 * accepts areas covers, each clipped to its study area as one polygon (the largest part), with
 * at most {@link ShapeRules#MAX_VERTICES} vertices and no larger than
 * {@link ShapeRules#MAX_AREA_SQUARE_METRES}, so that a chosen one passes {@link ShapeRules}
 * when it is sent as the pin's shape. Empty for a dialogue that takes no areas.
 */
@RestController
class NeighbourhoodShapeController {

  record Choice(long id, String name, Map<String, Object> geometry) {}

  record Choices(List<Choice> neighbourhoods) {}

  private final DialogueRepository dialogues;
  private final JdbcClient jdbc;

  NeighbourhoodShapeController(DialogueRepository dialogues, JdbcClient jdbc) {
    this.dialogues = dialogues;
    this.jdbc = jdbc;
  }

  @GetMapping("/api/v1/dialogues/{id}/neighbourhoods")
  Choices neighbourhoods(@PathVariable String id) {
    Dialogue dialogue = dialogues.getByIdOrSlug(id);
    if (!dialogue.accepts(ShapeKind.AREA)) {
      return new Choices(List.of());
    }
    return new Choices(jdbc.sql("""
            WITH clipped AS (
              SELECT n.id, n.name,
                     (SELECT part.geom FROM ST_Dump(CASE WHEN d.study_area IS NULL THEN n.boundary
                                                         ELSE ST_Intersection(n.boundary, d.study_area) END) part
                      WHERE GeometryType(part.geom) = 'POLYGON' ORDER BY ST_Area(part.geom) DESC LIMIT 1) AS g
              FROM neighbourhood n JOIN dialogue d ON d.id = :dialogue
              WHERE d.study_area IS NULL OR ST_Intersects(n.boundary, d.study_area)),
            simple AS (
              SELECT id, name, ST_MakeValid(ST_SimplifyPreserveTopology(ST_ExteriorRing(g) , 0.00002)) AS ring
              FROM clipped WHERE g IS NOT NULL)
            SELECT id, name, ST_AsBinary(ST_MakePolygon(ring)) AS drawn_shape_wkb
            FROM simple
            WHERE GeometryType(ring) = 'LINESTRING' AND ST_IsClosed(ring) AND ST_NPoints(ring) BETWEEN 4 AND :max
              AND ST_IsValid(ST_MakePolygon(ring)) AND ST_Area(ST_MakePolygon(ring)::geography) BETWEEN 1 AND :maxArea
            ORDER BY name, id""")
        .param("dialogue", dialogue.id())
        .param("max", ShapeRules.MAX_VERTICES)
        .param("maxArea", ShapeRules.MAX_AREA_SQUARE_METRES)
        .query((rs, row) -> new Choice(rs.getLong("id"), rs.getString("name"), ShapeColumn.read(rs)))
        .list());
  }
}
