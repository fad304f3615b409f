package org.dialogkarta.analysis.api;

import java.util.HashMap;
import java.util.Map;
import org.dialogkarta.dialogue.DialogueIdOrSlug;
import org.dialogkarta.analysis.StudyArea;
import org.dialogkarta.geo.MetricCrs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The study area of a planner's selection, in the metric CRS: the selected dialogue's study area;
 * with no dialogue selected, the union of the areas of the dialogues the selected pins belong to;
 * narrowed to the selected neighbourhoods when there are any. A dialogue without a study area
 * (an old one, or one drawn as a point) falls back to the convex hull of the selected pins widened
 * by {@value #HULL_MARGIN} m, and the answer says so. PostGIS does the union and the projection.
 */
@Component
public class StudyAreas {

  static final double HULL_MARGIN = 100;

  private final JdbcClient jdbc;
  private final MetricCrs metricCrs;

  StudyAreas(JdbcClient jdbc, MetricCrs metricCrs) {
    this.jdbc = jdbc;
    this.metricCrs = metricCrs;
  }

  /** The area, or null when the selection holds no pins and names no dialogue. */
  public StudyArea of(AnalysisFilter filter) {
    AnalysisFilter.SqlCondition where = filter.toSql();
    Map<String, Object> params = new HashMap<>(where.params());
    params.put("srid", metricCrs.srid());
    String dialogues = filter.dialogue() == null ? "SELECT DISTINCT pin.dialogue_id FROM pin WHERE " + where.sql()
        : "SELECT d.id FROM dialogue d WHERE " + new DialogueIdOrSlug(filter.dialogue()).condition("d", "f_dialogue");
    Found found = jdbc.sql("""
            SELECT count(*) AS dialogues,
                   count(*) FILTER (WHERE d.study_area IS NULL OR ST_Area(d.study_area) = 0) AS missing,
                   ST_AsBinary(ST_Transform(ST_Union(ST_MakeValid(d.study_area)), :srid)) AS area
            FROM dialogue d WHERE d.id IN (%s)""".formatted(dialogues))
        .params(params)
        .query((rs, row) -> new Found(rs.getLong("dialogues"), rs.getLong("missing"), rs.getBytes("area")))
        .single();
    Geometry geometry;
    StudyArea.Source source;
    if (found.missing() == 0 && found.area() != null) {
      geometry = read(found.area());
      source = found.dialogues() > 1 ? StudyArea.Source.DIALOGUES : StudyArea.Source.DIALOGUE;
    } else {
      byte[] hull = jdbc.sql("""
              SELECT ST_AsBinary(ST_Buffer(ST_ConvexHull(ST_Collect(ST_Transform(pin.location, :srid))), %s))
              FROM pin WHERE %s""".formatted(HULL_MARGIN, where.sql()))
          .params(params).query((rs, row) -> rs.getBytes(1)).single();
      if (hull == null) {
        return null;
      }
      geometry = read(hull);
      source = StudyArea.Source.PINS;
    }
    if (!filter.neighbourhoods().isEmpty()) {
      byte[] chosen = jdbc.sql("""
              SELECT ST_AsBinary(ST_Transform(ST_Union(ST_MakeValid(n.boundary)), :srid))
              FROM neighbourhood n WHERE n.code IN (:f_neighbourhoods)""")
          .params(params).query((rs, row) -> rs.getBytes(1)).single();
      if (chosen != null) {
        geometry = geometry.intersection(read(chosen));
        source = StudyArea.Source.NEIGHBOURHOODS;
      }
    }
    geometry = polygonal(geometry);
    return geometry == null ? null : StudyArea.of(geometry, source);
  }

  private record Found(long dialogues, long missing, byte[] area) {}

  private Geometry read(byte[] wkb) {
    try {
      return new WKBReader(new GeometryFactory(new PrecisionModel(), metricCrs.srid())).read(wkb);
    } catch (ParseException e) {
      throw new IllegalStateException("Unreadable study area from PostGIS", e);
    }
  }

  /** The polygons of a geometry (an intersection can leave lines and points behind), or null. */
  private static Geometry polygonal(Geometry g) {
    if (g instanceof Polygonal && g.getArea() > 0) {
      return g;
    }
    java.util.List<org.locationtech.jts.geom.Polygon> parts = new java.util.ArrayList<>();
    for (int k = 0; k < g.getNumGeometries(); k++) {
      Geometry part = g.getGeometryN(k);
      if (part instanceof org.locationtech.jts.geom.Polygon p && p.getArea() > 0) {
        parts.add(p);
      } else if (part instanceof org.locationtech.jts.geom.MultiPolygon m) {
        for (int j = 0; j < m.getNumGeometries(); j++) {
          parts.add((org.locationtech.jts.geom.Polygon) m.getGeometryN(j));
        }
      }
    }
    return parts.isEmpty() ? null
        : g.getFactory().createMultiPolygon(parts.toArray(org.locationtech.jts.geom.Polygon[]::new));
  }
}
