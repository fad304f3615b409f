package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.geo.CrsTransform;
import org.dialogkarta.geo.GeoJson;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gi* hot and cold spots of the filtered pins: the hexagons that hold pins or are significant,
 * in WGS84. A statistic that does not exist (every hexagon alike) is written as null, never NaN.
 * Narrowed to a profile group: a planner's only, small cells masked ({@link ProfileDisclosure}).
 */
@RestController
class HotspotController {

  private static final Set<String> OWN = Set.of("cellSize", "distanceBand");

  private final HotspotAnalysis analysis;
  private final ProfileDisclosure disclosure;

  HotspotController(HotspotAnalysis analysis, ProfileDisclosure disclosure) {
    this.analysis = analysis;
    this.disclosure = disclosure;
  }

  @GetMapping("/api/v1/analysis/hotspots")
  Map<String, Object> hotspots(@RequestParam MultiValueMap<String, String> params) {
    AnalysisFilter filter = AnalysisFilter.from(params, OWN);
    ProfileDisclosure.Decision profile = disclosure.of(filter).requirePinLevel();
    HotspotAnalysis.Result result = analysis.hotspots(filter, Parameters.number(params, "cellSize"),
        Parameters.number(params, "distanceBand"));
    CrsTransform toWgs84 = CrsTransform.between(result.srid(), 4326);
    List<Object> features = new ArrayList<>(result.cells().size());
    boolean[] masked = profile.masked(result.cells().stream().mapToLong(HotspotAnalysis.Cell::count).toArray());
    for (HotspotAnalysis.Cell cell : result.cells()) {
      boolean hidden = masked[features.size()];
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("cellId", cell.id());
      properties.put("count", hidden ? null : cell.count());
      properties.put("zScore", finite(cell.zScore()));
      properties.put("pValue", finite(cell.pValue()));
      properties.put("pAdjusted", finite(cell.pAdjusted()));
      properties.put("class", cell.hotspotClass().code());
      properties.put("confidence", cell.hotspotClass().confidence());
      properties.put("pinIds", hidden ? null : cell.pinIds());
      if (hidden) {
        properties.put("masked", ProfileDisclosure.FEWER_THAN);
      }
      Map<String, Object> feature = new LinkedHashMap<>();
      feature.put("type", "Feature");
      feature.put("id", cell.id());
      feature.put("geometry", GeoJson.geometry(toWgs84.apply(cell.hexagon())));
      feature.put("properties", properties);
      features.add(feature);
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("cellSize", result.cellSize());
    parameters.put("distanceBand", result.distanceBand());
    parameters.put("srid", result.srid());
    parameters.put("correction", "fdr");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "FeatureCollection");
    out.put("parameters", parameters);
    profile.putCount(out, "pinCount", result.pinCount());
    out.put("cellCount", result.cellCount());
    out.put("features", features);
    return out;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
