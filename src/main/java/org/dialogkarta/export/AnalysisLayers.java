package org.dialogkarta.export;

import static org.dialogkarta.export.Field.datetime;
import static org.dialogkarta.export.Field.integer;
import static org.dialogkarta.export.Field.real;
import static org.dialogkarta.export.Field.text;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dialogkarta.analysis.Cluster;
import org.dialogkarta.analysis.api.AnalysisFilter;
import org.dialogkarta.analysis.api.ClusterAnalysis;
import org.dialogkarta.analysis.api.HotspotAnalysis;
import org.dialogkarta.analysis.api.ProfileDisclosure;
import org.dialogkarta.geo.CrsTransform;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;

/**
 * The cluster and hotspot layers: the analyses of the analysis map (same services, same defaults,
 * the same published, unmerged pins) run once per export, their metric-CRS polygons transformed
 * into the export's CRS with proj4j ({@code geo.CrsTransform}) and handed to the writers as WKB,
 * like rows from the database.
 */
final class AnalysisLayers {

  private AnalysisLayers() {}

  static final LayerSchema CLUSTERS = new LayerSchema("clusters", "Clusters", GeometryKind.POLYGON, List.of(
      integer("id"), integer("pins"), text("hull", 16), integer("suggestion"), integer("safety_concern"),
      integer("service_gap"), integer("valued_place"), datetime("first"), datetime("last"), real("eps"),
      integer("min_points"), text("pin_ids")));

  static final LayerSchema HOTSPOTS = new LayerSchema("hotspots", "Hotspot cells", GeometryKind.POLYGON, List.of(
      text("id", 32), integer("pins"), real("z_score"), real("p_value"), real("p_adjusted"), text("class", 16),
      integer("confidence"), real("cell_size"), real("band"), text("pin_ids")));

  static ExportLayer clusters(ClusterAnalysis analysis) {
    return new Computed(CLUSTERS, scope -> {
      double eps = scope.eps() != null ? scope.eps() : ClusterAnalysis.DEFAULT_EPS;
      int minPoints = scope.minPoints() != null ? scope.minPoints() : ClusterAnalysis.DEFAULT_MIN_POINTS;
      ClusterAnalysis.Result r = analysis.clusters(filter(scope), eps, minPoints);
      return new Rows(r.srid(), r.clusters().stream().map(c -> new Row(c.hull(), new Object[] {
          (long) c.id(), (long) c.pinCount(), c.hullKind().code(), count(c, "suggestion"),
          count(c, "safety_concern"), count(c, "service_gap"), count(c, "valued_place"),
          c.firstAt() == null ? null : OffsetDateTime.ofInstant(c.firstAt(), ZoneOffset.UTC),
          c.lastAt() == null ? null : OffsetDateTime.ofInstant(c.lastAt(), ZoneOffset.UTC),
          r.eps(), (long) r.minPoints(), ids(c.pinIds())})).toList());
    });
  }

  static ExportLayer hotspots(HotspotAnalysis analysis) {
    return new Computed(HOTSPOTS, scope -> {
      HotspotAnalysis.Result r = analysis.hotspots(filter(scope), scope.cellSize(), scope.distanceBand());
      return new Rows(r.srid(), r.cells().stream().map(c -> new Row(c.hexagon(), new Object[] {
          c.id(), (long) c.count(), finite(c.zScore()), finite(c.pValue()), finite(c.pAdjusted()),
          c.hotspotClass().code(), (long) c.hotspotClass().confidence(), r.cellSize(), r.distanceBand(),
          ids(c.pinIds())})).toList());
    });
  }

  /**
   * Never a profile group: these layers name their pins ({@code pin_ids}) and go to GIS staff,
   * whom {@link ProfileDisclosure} refuses pin-level answers about a profile group (the export
   * takes no {@code ageBand} or {@code gender}; the check keeps it so if one is ever added).
   */
  private static AnalysisFilter filter(ExportLayer.Scope scope) {
    AnalysisFilter none = AnalysisFilter.none();
    AnalysisFilter filter = scope.dialogueId() == null ? none : new AnalysisFilter(scope.dialogueId().toString(),
        List.of(), List.of(), null, null, List.of(), List.of(), null, List.of(), List.of(), List.of());
    ProfileDisclosure.withoutPlannerRole(filter).requirePinLevel();
    return filter;
  }

  private static Long count(Cluster c, String category) {
    return (long) c.categories().getOrDefault(category, 0);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** Pin ids as "12,15,40", to join against the pins layer in a GIS. */
  private static String ids(long[] ids) {
    return Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(","));
  }

  private record Row(Geometry geometry, Object[] values) {}

  private record Rows(int srid, List<Row> rows) {}

  /** A layer whose features are computed in memory: a few thousand polygons at most. */
  private record Computed(LayerSchema schema, Function<ExportLayer.Scope, Rows> compute) implements ExportLayer {

    @Override
    public Prepared prepare(Scope scope) {
      Rows rows = compute.apply(scope);
      return new Prepared() {
        @Override
        public long count() {
          return rows.rows().size();
        }

        @Override
        public void read(ExportCrs crs, boolean lonLat, Sink sink) throws IOException {
          CrsTransform to = CrsTransform.between(rows.srid(), crs.epsg());
          CrsTransform toWgs84 = CrsTransform.between(rows.srid(), 4326);
          WKBWriter wkb = new WKBWriter();
          for (Row row : rows.rows()) {
            byte[] geometry = wkb.write(to.apply(row.geometry()));
            if (lonLat) {
              Point inside = row.geometry().getInteriorPoint();
              double[] ll = toWgs84.apply(inside.getX(), inside.getY());
              sink.accept(new Feature(geometry, row.values(), ll[0], ll[1]));
            } else {
              sink.accept(new Feature(geometry, row.values()));
            }
          }
        }
      };
    }
  }
}
