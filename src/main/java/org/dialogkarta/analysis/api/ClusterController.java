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

/**
 * DBSCAN clusters of the filtered pins as a GeoJSON FeatureCollection of hulls (WGS84). Narrowed to
 * a profile group, the members are a planner's only, and a cluster (or the noise) of fewer than 5
 * pins keeps its outline but not its count, categories, times or members ({@link ProfileDisclosure}).
 */
@RestController
class ClusterController {

  private static final Set<String> OWN = Set.of("eps", "minPoints");

  private final ClusterAnalysis analysis;
  private final ProfileDisclosure disclosure;

  ClusterController(ClusterAnalysis analysis, ProfileDisclosure disclosure) {
    this.analysis = analysis;
    this.disclosure = disclosure;
  }

  @GetMapping("/api/v1/analysis/clusters")
  Map<String, Object> clusters(@RequestParam MultiValueMap<String, String> params) {
    AnalysisFilter filter = AnalysisFilter.from(params, OWN);
    Double eps = Parameters.number(params, "eps");
    Integer minPoints = Parameters.integer(params, "minPoints");
    ProfileDisclosure.Decision profile = disclosure.of(filter).requirePinLevel();
    ClusterAnalysis.Result result = analysis.clusters(filter, eps == null ? ClusterAnalysis.DEFAULT_EPS : eps,
        minPoints == null ? ClusterAnalysis.DEFAULT_MIN_POINTS : minPoints);
    CrsTransform toWgs84 = CrsTransform.between(result.srid(), 4326);
    List<Object> features = new ArrayList<>(result.clusters().size());
    // The clusters and the noise are the parts of pinCount: masked together, none can be subtracted.
    long[] counts = new long[result.clusters().size() + 1];
    for (int i = 0; i < result.clusters().size(); i++) {
      counts[i] = result.clusters().get(i).pinCount();
    }
    counts[counts.length - 1] = result.noisePinIds().length;
    boolean[] masked = profile.masked(counts);
    for (int i = 0; i < result.clusters().size(); i++) {
      Cluster c = result.clusters().get(i);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("clusterId", c.id());
      properties.put("pinCount", masked[i] ? null : c.pinCount());
      properties.put("hull", c.hullKind().code());
      properties.put("categories", profile.counts(c.categories(), masked[i]));
      properties.put("firstAt", masked[i] ? null : c.firstAt().toString());
      properties.put("lastAt", masked[i] ? null : c.lastAt().toString());
      properties.put("pinIds", masked[i] ? null : c.pinIds());
      if (masked[i]) {
        properties.put("masked", ProfileDisclosure.FEWER_THAN);
      }
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
    profile.putCount(out, "pinCount", result.pinCount());
    out.put("clusterCount", result.clusters().size());
    Map<String, Object> noise = new LinkedHashMap<>();
    boolean noiseMasked = masked[counts.length - 1];
    noise.put("count", noiseMasked ? null : result.noisePinIds().length);
    noise.put("pinIds", noiseMasked ? null : result.noisePinIds());
    if (noiseMasked) {
      noise.put("masked", ProfileDisclosure.FEWER_THAN);
    }
    out.put("noise", noise);
    out.put("features", features);
    return out;
  }
}
