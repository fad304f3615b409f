package org.dialogkarta.report;

import java.time.LocalDate;
import java.util.List;
import org.dialogkarta.report.document.MapFigure;
import org.dialogkarta.kernel.NotFoundException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the report says about the dialogue itself: its texts and period, and its study area and
 * the neighbourhoods around it in SWEREF 99 TM for the maps.
 */
@Repository
class DialogueFacts {

  record Facts(long id, String slug, String title, String summary, String status, LocalDate startsOn,
      LocalDate endsOn, String participationLevel, String announcement, String outcome, String nextSteps,
      String responsibleUnit, String contact, Geometry studyArea) {}

  private final JdbcClient jdbc;

  DialogueFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Facts of(long dialogueId) {
    return jdbc.sql("""
            SELECT id, slug, title, summary, status, starts_on, ends_on, participation_level, announcement, outcome,
                   next_steps, responsible_unit, contact, ST_AsBinary(ST_Transform(study_area, 3006)) AS area
            FROM dialogue WHERE id = :id""")
        .param("id", dialogueId)
        .query((rs, row) -> new Facts(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
            rs.getString("summary"), rs.getString("status"), rs.getObject("starts_on", LocalDate.class),
            rs.getObject("ends_on", LocalDate.class), rs.getString("participation_level"),
            rs.getString("announcement"), rs.getString("outcome"), rs.getString("next_steps"),
            rs.getString("responsible_unit"), rs.getString("contact"), geometry(rs.getBytes("area"))))
        .optional()
        .orElseThrow(() -> new NotFoundException("No dialogue " + dialogueId));
  }

  /**
   * The neighbourhoods that meet the study area, or, for a dialogue without one, the extent of its
   * views; none when there is neither.
   */
  List<MapFigure.NamedArea> neighbourhoods(long dialogueId) {
    return jdbc.sql("""
            WITH extent AS (
              SELECT coalesce(d.study_area,
                       (SELECT ST_Envelope(ST_Collect(p.location)) FROM pin p
                        WHERE p.dialogue_id = d.id AND p.moderation_state <> 'pending')) AS area
              FROM dialogue d WHERE d.id = :id)
            SELECT n.name, ST_AsBinary(ST_Transform(n.boundary, 3006)) AS boundary
            FROM neighbourhood n, extent e WHERE e.area IS NOT NULL AND ST_Intersects(n.boundary, e.area)
            ORDER BY n.name""")
        .param("id", dialogueId)
        .query((rs, row) -> new MapFigure.NamedArea(rs.getString("name"), geometry(rs.getBytes("boundary"))))
        .list();
  }

  static Geometry geometry(byte[] wkb) {
    if (wkb == null) {
      return null;
    }
    try {
      Geometry g = new WKBReader().read(wkb);
      g.setSRID(3006);
      return g;
    } catch (ParseException e) {
      throw new IllegalStateException("PostGIS returned geometry that JTS cannot read", e);
    }
  }
}
