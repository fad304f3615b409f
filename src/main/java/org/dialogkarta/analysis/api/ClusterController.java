package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.analysis.Cluster;
import org.dialogkarta.geo.CrsTransform;
import org.dialogkarta.geo.GeoJson;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** DBSCAN clusters of the filtered pins as a GeoJSON FeatureCollection of hulls (WGS84). */
@RestController
class ClusterController {

  private static final Set<String> OWN = Set.of("eps", "minPoints");

  private final ClusterAnalysis analysis;

  ClusterController(ClusterAnalysis analysis) {
    this.analysis = analysis;
  }

  @GetMapping("/api/v1/analysis/clusters")
  Map<String, Object> clusters(@RequestParam MultiValueMap<String, String> params) {
    AnalysisFilter filter = AnalysisFilter.from(params, OWN);
    Double eps = Parameters.number(params, "eps");
    Integer minPoints = Parameters.integer(params, "minPoints");
    ClusterAnalysis.Result result = analysis.clusters(filter, eps == null ? ClusterAnalysis.DEFAULT_EPS : eps,
        minPoints == null ? ClusterAnalysis.DEFAULT_MIN_POINTS : minPoints);
    CrsTransform toWgs84 = CrsTransform.between(result.srid(), 4326);
    List<Object> features = new ArrayList<>(result.clusters().size());
    for (Cluster c : result.clusters()) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("clusterId", c.id());
      properties.put("pinCount", c.pinCount());
      properties.put("hull", c.hullKind().code());
      properties.put("categories", c.categories());
      properties.put("firstAt", c.firstAt().toString());
      properties.put("lastAt", c.lastAt().toString());
      properties.put("pinIds", c.pinIds());
      Map<String, Object> feature = new LinkedHashMap<>();
      feature.put("type", "Feature");
      feature.put("id", c.id());
      feature.put("geometry", GeoJson.geometry(toWgs84.apply(c.hull())));
      feature.put("properties", properties);
      features.add(feature);
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("eps", result.eps());
    parameters.put("minPoints", result.minPoints());
    parameters.put("srid", result.srid());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "FeatureCollection");
    out.put("parameters", parameters);
    out.put("pinCount", result.pinCount());
    out.put("clusterCount", result.clusters().size());
    out.put("noise", Map.of("count", result.noisePinIds().length, "pinIds", result.noisePinIds()));
    out.put("features", features);
    return out;
  }
}
