package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.geo.GeoJson;
import org.dialogkarta.geo.Wgs84;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every neighbourhood as a GeoJSON feature with the filtered pins counted in it, for the analysis
 * map's layer shaded by pins per 1,000 inhabitants.
 */
@Service
public class NeighbourhoodLayer {

  private final JdbcClient jdbc;
  private final StatisticsCounts counts;
  private final AnalysisPins pins;

  NeighbourhoodLayer(JdbcClient jdbc, StatisticsCounts counts, AnalysisPins pins) {
    this.jdbc = jdbc;
    this.counts = counts;
    this.pins = pins;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> of(AnalysisFilter filter) {
    pins.requireKnownDialogue(filter);
    Map<Long, Map<String, Long>> byNeighbourhood = counts.byNeighbourhoodAndCategory(filter);
    List<Map<String, Object>> features = new ArrayList<>();
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
          Map<String, Object> feature = new LinkedHashMap<>();
          feature.put("type", "Feature");
          feature.put("id", id);
          feature.put("geometry", GeoJson.geometry(read(rs.getBytes("boundary"))));
          feature.put("properties", properties);
          features.add(feature);
        });
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("type", "FeatureCollection");
    collection.put("outsideNeighbourhoods",
        byNeighbourhood.getOrDefault(StatisticsCounts.OUTSIDE, Map.of()).values().stream().mapToLong(Long::longValue).sum());
    collection.put("features", features);
    return collection;
  }

  private static org.locationtech.jts.geom.Geometry read(byte[] wkb) {
    try {
      return new WKBReader(Wgs84.FACTORY).read(wkb);
    } catch (ParseException e) {
      throw new IllegalStateException("Unreadable boundary from PostGIS", e);
    }
  }
}
