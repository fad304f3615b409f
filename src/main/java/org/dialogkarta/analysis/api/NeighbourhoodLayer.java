package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.analysis.StudyArea;
import org.dialogkarta.geo.CrsTransform;
import org.dialogkarta.geo.GeoJson;
import org.dialogkarta.geo.Wgs84;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every neighbourhood as a GeoJSON feature with the filtered pins counted in it, for the analysis
 * map's layer shaded by pins per 1,000 inhabitants. Narrowed to a profile group, a neighbourhood
 * with fewer than 5 of its pins (or hidden so that none can be subtracted) has no count, rate or
 * categories, only {@code "masked": "fewer than 5"} ({@link ProfileDisclosure}).
 *
 * <p>Only neighbourhoods that intersect the selection's study area ({@link StudyAreas}) are part
 * of the dialogue: the others carry {@code "inStudyArea": false} and no count or rate, so that
 * the map can show them as "not part of this dialogue" rather than as a rate of 0.
 */
@Service
public class NeighbourhoodLayer {

  private final JdbcClient jdbc;
  private final StatisticsCounts counts;
  private final AnalysisPins pins;
  private final StudyAreas studyAreas;

  NeighbourhoodLayer(JdbcClient jdbc, StatisticsCounts counts, AnalysisPins pins, StudyAreas studyAreas) {
    this.jdbc = jdbc;
    this.counts = counts;
    this.pins = pins;
    this.studyAreas = studyAreas;
  }

  /** The selection's study area in WGS84, prepared for intersection tests; null: every neighbourhood counts. */
  private PreparedGeometry studyArea(AnalysisFilter filter) {
    StudyArea area = studyAreas.of(filter);
    if (area == null) {
      return null;
    }
    Geometry wgs84 = CrsTransform.between(pins.srid(), 4326).apply(area.geometry());
    return PreparedGeometryFactory.prepare(wgs84);
  }

  @Transactional(readOnly = true)
  public Map<String, Object> of(AnalysisFilter filter, ProfileDisclosure.Decision profile) {
    pins.requireKnownDialogue(filter);
    Map<Long, Map<String, Long>> byNeighbourhood = counts.byNeighbourhoodAndCategory(filter);
    PreparedGeometry area = studyArea(filter);
    List<Map<String, Object>> features = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    jdbc.sql("SELECT id, code, name, population, ST_AsBinary(boundary) AS boundary FROM neighbourhood ORDER BY code")
        .query(rs -> {
          long id = rs.getLong("id");
          Integer population = rs.getObject("population", Integer.class);
          Map<String, Long> categories = new LinkedHashMap<>();
          Map<String, Long> found = byNeighbourhood.getOrDefault(id, Map.of());
          Statistics.CATEGORIES.stream().filter(found::containsKey).forEach(c -> categories.put(c, found.get(c)));
          long pinCount = categories.values().stream().mapToLong(Long::longValue).sum();
          Map<String, Object> properties = new LinkedHashMap<>();
          properties.put("id", id);
          properties.put("code", rs.getString("code"));
          properties.put("name", rs.getString("name"));
          properties.put("population", population);
          properties.put("pinCount", pinCount);
          properties.put("per1000", Statistics.per1000(pinCount, population));
          properties.put("categories", categories);
          Geometry boundary = read(rs.getBytes("boundary"));
          boolean inStudyArea = area == null || area.intersects(boundary);
          properties.put("inStudyArea", inStudyArea);
          if (!inStudyArea) {
            properties.put("per1000", null);
          }
          rows.add(properties);
          Map<String, Object> feature = new LinkedHashMap<>();
          feature.put("type", "Feature");
          feature.put("id", id);
          feature.put("geometry", GeoJson.geometry(boundary));
          feature.put("properties", properties);
          features.add(feature);
        });
    long outside = byNeighbourhood.getOrDefault(StatisticsCounts.OUTSIDE, Map.of()).values().stream()
        .mapToLong(Long::longValue).sum();
    long[] parts = new long[rows.size() + 1];
    for (int i = 0; i < rows.size(); i++) {
      parts[i] = (Long) rows.get(i).get("pinCount");
    }
    parts[rows.size()] = outside;
    boolean[] masked = profile.masked(parts);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> properties = rows.get(i);
      @SuppressWarnings("unchecked")
      Map<String, Long> categories = (Map<String, Long>) properties.get("categories");
      properties.put("categories", profile.counts(categories, masked[i]));
      if (masked[i]) {
        properties.put("pinCount", null);
        properties.put("per1000", null);
        properties.put("masked", ProfileDisclosure.FEWER_THAN);
      }
    }
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("type", "FeatureCollection");
    collection.put("outsideNeighbourhoods", masked[rows.size()] ? null : outside);
    collection.put("features", features);
    return collection;
  }

  private static Geometry read(byte[] wkb) {
    try {
      return new WKBReader(Wgs84.FACTORY).read(wkb);
    } catch (ParseException e) {
      throw new IllegalStateException("Unreadable boundary from PostGIS", e);
    }
  }
}
