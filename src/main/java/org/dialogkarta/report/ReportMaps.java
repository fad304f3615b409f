package org.dialogkarta.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dialogkarta.analysis.Cluster;
import org.dialogkarta.analysis.api.AnalysisFilter;
import org.dialogkarta.analysis.api.ClusterAnalysis;
import org.dialogkarta.analysis.api.HotspotAnalysis;
import org.dialogkarta.geo.CrsTransform;
import org.dialogkarta.report.document.MapFigure;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Component;

/**
 * The report's maps (section 3 and one per topic), in SWEREF 99 TM, each with an alternative text
 * that says in words what the map shows: how many views, where most of them are, how many
 * clusters and hot areas. The clusters and hot areas are the analysis page's own (DBSCAN with its
 * default radius, Getis-Ord Gi* at the scale chosen from the data), over the dialogue's published
 * pins.
 */
@Component
class ReportMaps {

  private static final GeometryFactory SWEREF = new GeometryFactory(new PrecisionModel(), 3006);

  private final ClusterAnalysis clusters;
  private final HotspotAnalysis hotspots;

  ReportMaps(ClusterAnalysis clusters, HotspotAnalysis hotspots) {
    this.clusters = clusters;
    this.hotspots = hotspots;
  }

  /** The overview, the clusters and the hotspots of the dialogue's views. */
  List<MapFigure> overview(DialogueFacts.Facts dialogue, List<MapFigure.NamedArea> neighbourhoods,
      List<ReportView> views) {
    List<MapFigure.MapView> dots = dots(views);
    List<MapFigure> maps = new ArrayList<>();
    maps.add(new MapFigure(Words.of("report.map.views.caption"),
        Words.plural("report.map.views.alt", dots.size(), Map.of("where", busiest(views))),
        dialogue.studyArea(), neighbourhoods, dots, List.of(), List.of()));
    AnalysisFilter filter = filterOf(dialogue.id());
    ClusterAnalysis.Result found = clusters.clusters(filter, ClusterAnalysis.DEFAULT_EPS,
        ClusterAnalysis.DEFAULT_MIN_POINTS);
    Function<Geometry, Geometry> toSweref = toSweref(found.srid());
    List<Geometry> hulls = found.clusters().stream().map(Cluster::hull).map(toSweref).toList();
    int largest = found.clusters().stream().mapToInt(Cluster::pinCount).max().orElse(0);
    maps.add(new MapFigure(Words.plural("report.map.clusters.caption", found.minPoints(),
            Map.of("eps", (int) found.eps())),
        hulls.isEmpty() ? Words.plural("report.map.clusters.none", dots.size(), Map.of())
            : Words.of("report.map.clusters.alt", Map.of("clusters", Words.count("clusters", hulls.size()),
                "largest", Words.count("views", largest))),
        dialogue.studyArea(), neighbourhoods, dots, List.of(), hulls));
    maps.add(hotspotMap(dialogue, neighbourhoods, dots, filter));
    return maps;
  }

  private MapFigure hotspotMap(DialogueFacts.Facts dialogue, List<MapFigure.NamedArea> neighbourhoods,
      List<MapFigure.MapView> dots, AnalysisFilter filter) {
    HotspotAnalysis.Result result;
    try {
      result = hotspots.hotspots(filter, null, null);
    } catch (InvalidInputException e) {
      result = null;
    }
    if (result == null || !result.tested()) {
      return new MapFigure(Words.of("report.map.hotspots.caption"),
          Words.plural("report.map.hotspots.untested", dots.size(), Map.of()),
          dialogue.studyArea(), neighbourhoods, dots, List.of(), List.of());
    }
    Function<Geometry, Geometry> toSweref = toSweref(result.srid());
    List<Geometry> hot = result.cells().stream().filter(c -> c.hotspotClass().isHot())
        .map(c -> toSweref.apply(c.hexagon())).toList();
    return new MapFigure(Words.of("report.map.hotspots.caption"),
        Words.of("report.map.hotspots.alt", Map.of("cells", Words.count("hotCells", hot.size()),
            "places", Words.count("hotPlaces", result.hotPlaces()),
            "size", Math.round(result.cellSize()))),
        dialogue.studyArea(), neighbourhoods, dots, hot, List.of());
  }

  /** A topic's own map, or null when none of its views has a place. */
  MapFigure topic(String title, DialogueFacts.Facts dialogue, List<MapFigure.NamedArea> neighbourhoods,
      List<ReportView> views) {
    List<MapFigure.MapView> dots = dots(views);
    if (dots.isEmpty()) {
      return null;
    }
    return new MapFigure(Words.of("report.map.topic.caption", Map.of("topic", title)),
        Words.plural("report.map.topic.alt", dots.size(), Map.of("topic", title, "where", busiest(views))),
        dialogue.studyArea(), neighbourhoods, dots, List.of(), List.of());
  }

  private static List<MapFigure.MapView> dots(List<ReportView> views) {
    return views.stream().filter(v -> v.x() != null)
        .map(v -> new MapFigure.MapView(SWEREF.createPoint(new Coordinate(v.x(), v.y())),
            v.category() == null ? "other" : v.category(), v.shape()))
        .toList();
  }

  /** "flest i Haga (12) och Centrum (8)": the neighbourhoods with most views, for the alt text. */
  private static String busiest(List<ReportView> views) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    views.stream().filter(v -> v.neighbourhood() != null).forEach(v -> counts.merge(v.neighbourhood(), 1, Integer::sum));
    List<String> top = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(3).map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    return top.isEmpty() ? Words.of("report.map.nowhere") : Words.of("report.map.most", Map.of("list", String.join(", ", top)));
  }

  /** The analyses' filter for all of the dialogue's published pins. */
  static AnalysisFilter filterOf(long dialogueId) {
    AnalysisFilter none = AnalysisFilter.none();
    return new AnalysisFilter(Long.toString(dialogueId), none.categories(), none.subtags(), null, null,
        none.sources(), none.statuses(), null, none.ageBands(), none.genders(), none.neighbourhoods());
  }

  private static Function<Geometry, Geometry> toSweref(int srid) {
    if (srid == 3006) {
      return g -> g;
    }
    CrsTransform transform = CrsTransform.between(srid, 3006);
    return transform::apply;
  }
}
