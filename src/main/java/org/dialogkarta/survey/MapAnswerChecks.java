package org.dialogkarta.survey;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.geo.MetricCrs;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checks of map answers that PostGIS makes: a valid, simple geometry; a point inside the
 * study area; a line or area that touches the study area and stays within {@link #MARGIN_METRES}
 * of it (so an area over the whole country is refused); without a study area, at most
 * {@link #MAX_AREA_KM2} km² or {@link #MAX_LENGTH_KM} km.
 */
@Component
class MapAnswerChecks {

  static final double MARGIN_METRES = 2_000;
  static final double MAX_AREA_KM2 = 100;
  static final double MAX_LENGTH_KM = 100;

  private final JdbcClient jdbc;
  private final MetricCrs metric;

  MapAnswerChecks(JdbcClient jdbc, MetricCrs metric) {
    this.jdbc = jdbc;
    this.metric = metric;
  }

  void check(long dialogueId, List<CheckedAnswer> answers) {
    List<FieldViolation> faults = new ArrayList<>();
    for (CheckedAnswer a : answers) {
      if (a.geometry() == null) {
        continue;
      }
      record Found(boolean valid, String reason, boolean simple, boolean hasArea, boolean inside, boolean near,
          double areaKm2, double lengthKm) {}
      Found f = jdbc.sql("""
              SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason, ST_IsSimple(g) AS simple,
                     d.study_area IS NOT NULL AS has_area,
                     d.study_area IS NULL OR (CASE WHEN GeometryType(g) = 'POINT' THEN ST_Covers(d.study_area, g)
                                                   ELSE ST_Intersects(d.study_area, g) END) AS inside,
                     d.study_area IS NULL OR ST_CoveredBy(g,
                         ST_Transform(ST_Buffer(ST_Transform(d.study_area, :srid), :margin), 4326)) AS near,
                     coalesce(ST_Area(g::geography), 0) / 1e6 AS area_km2,
                     coalesce(ST_Length(g::geography), 0) / 1e3 AS length_km
              FROM (SELECT ST_GeomFromText(:wkt, 4326) AS g) x, dialogue d WHERE d.id = :d""")
          .param("wkt", a.geometry().toText())
          .param("srid", metric.srid())
          .param("margin", MARGIN_METRES)
          .param("d", dialogueId)
          .query(Found.class)
          .single();
      String q = "Question " + a.question().id() + ": ";
      if (!f.valid()) {
        faults.add(FieldViolation.of(a.field(), "answer.geometry_invalid", q + "the shape is not valid (" + f.reason()
            + "); draw it again without crossing its own edges"));
      } else if (a.question().kind() == QuestionKind.MAP_LINE && !f.simple()) {
        faults.add(FieldViolation.of(a.field(), "answer.geometry_not_simple", q + "the line crosses itself; draw it again"));
      } else if (!f.inside()) {
        faults.add(FieldViolation.of(a.field(), "answer.outside_study_area", q + "the place is outside the dialogue's area"));
      } else if (!f.near()) {
        faults.add(FieldViolation.of(a.field(), "answer.too_large", q + "the shape reaches more than "
            + (int) MARGIN_METRES + " m beyond the dialogue's area"));
      } else if (!f.hasArea() && (f.areaKm2() > MAX_AREA_KM2 || f.lengthKm() > MAX_LENGTH_KM)) {
        faults.add(FieldViolation.of(a.field(), "answer.too_large", q + "at most " + (int) MAX_AREA_KM2 + " km² or "
            + (int) MAX_LENGTH_KM + " km"));
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
  }
}
