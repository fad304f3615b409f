package org.dialogkarta.analysis.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.analysis.HotspotScale;
import org.dialogkarta.analysis.Hotspots;
import org.dialogkarta.analysis.SpatialAutocorrelation;
import org.dialogkarta.geo.CrsTransform;
import org.dialogkarta.geo.GeoJson;
import org.dialogkarta.kernel.Messages;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gi* hot and cold spots of the filtered pins: the hexagons of the study area that hold pins or
 * are significant, in WGS84, with the scale used and the sentence that explains it (Swedish and
 * English), the study area's outline, and the outcome: {@code tested}, or {@code too_few_pins} /
 * {@code too_few_cells} with no hexagons at all. A statistic that does not exist is null, never NaN.
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
      properties.put("hotPlace", cell.hotPlace() == 0 ? null : cell.hotPlace());
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
    out.put("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
    out.put("parameters", parameters);
    out.put("scale", scale(result.scale()));
    if (!result.tested()) {
      out.put("message", tooFew(result, profile));
    }
    profile.putCount(out, "pinCount", result.pinCount());
    profile.putCount(out, "pinsAnalysed", result.pinsAnalysed());
    profile.putCount(out, "pinsOutsideStudyArea", result.pinsOutside());
    out.put("cellCount", result.cellCount());
    out.put("hotPlaces", result.hotPlaces());
    out.put("studyArea", result.studyArea() == null ? null : Map.of(
        "source", result.studyArea().source().name().toLowerCase(java.util.Locale.ROOT),
        "geometry", GeoJson.geometry(toWgs84.apply(result.studyArea().geometry()))));
    out.put("features", features);
    return out;
  }

  private static Map<String, Object> scale(HotspotScale scale) {
    if (scale == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cellSize", scale.cellSize());
    out.put("cellReason", scale.cellReason().name().toLowerCase(java.util.Locale.ROOT));
    out.put("nearestNeighbour", finite(scale.nearestNeighbour()));
    out.put("distanceBand", scale.distanceBand());
    out.put("bandReason", scale.code());
    out.put("explanation", Map.of("sv", explanation(scale, "sv"), "en", explanation(scale, "en")));
    List<Object> series = new ArrayList<>();
    for (SpatialAutocorrelation.Step step : scale.series()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("distance", step.distance());
      s.put("moransI", finite(step.moransI()));
      s.put("zScore", finite(step.zScore()));
      series.add(s);
    }
    out.put("autocorrelation", series);
    return out;
  }

  /** Why the scale is what it is, in one language: the band's sentence and the hexagons'. */
  private static String explanation(HotspotScale scale, String lang) {
    Map<String, Object> vars = Map.of(
        "band", metres(scale.distanceBand(), lang),
        "cell", metres(scale.cellSize(), lang),
        "nearest", metres(scale.nearestNeighbour(), lang),
        "first", metres(scale.series().isEmpty() ? scale.distanceBand() : scale.series().getFirst().distance(), lang),
        "last", metres(scale.series().isEmpty() ? scale.distanceBand() : scale.series().getLast().distance(), lang),
        "window", Hotspots.MIN_WINDOW_PINS,
        "maxCells", Hotspots.MAX_DEFAULT_CELLS);
    return Messages.text(lang, "analysis.hotspots.scale.band." + scale.code(), vars) + " "
        + Messages.text(lang, "analysis.hotspots.scale.cell." + scale.cellCode(), vars);
  }

  /** "350 m", "1,5 km" in Swedish or "1.5 km" in English. */
  static String metres(double metres, String lang) {
    if (!Double.isFinite(metres)) {
      return "–";
    }
    if (metres < 1000) {
      return String.format(Locale.ROOT, "%.0f m", metres);
    }
    String km = metres >= 10_000 ? String.format(Locale.ROOT, "%.0f km", metres / 1000)
        : String.format(Locale.ROOT, "%.1f km", metres / 1000).replace(".0 km", " km");
    return "sv".equals(lang) ? km.replace('.', ',') : km;
  }

  /** Why there is no test; with a profile group, how few is not said below 5. */
  private static Map<String, String> tooFew(HotspotAnalysis.Result r, ProfileDisclosure.Decision profile) {
    if (r.outcome() == Hotspots.Outcome.TOO_FEW_CELLS) {
      return Messages.inEveryLanguage("analysis.hotspots.tooFewCells", Map.of("min", Hotspots.MIN_OCCUPIED_CELLS));
    }
    Map<String, Object> vars = Map.of("min", Hotspots.MIN_PINS, "pins", r.pinsAnalysed());
    return profile.masks(r.pinsAnalysed())
        ? Messages.inEveryLanguage("analysis.hotspots.tooFewPins.masked", vars)
        : Messages.inEveryLanguage("analysis.hotspots.tooFewPins", vars);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
