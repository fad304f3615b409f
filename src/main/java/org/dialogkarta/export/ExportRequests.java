package org.dialogkarta.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dialogkarta.analysis.api.ClusterAnalysis;
import org.dialogkarta.analysis.api.HotspotAnalysis;
import org.dialogkarta.dialogue.DialogueIdOrSlug;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns what the caller asked for (layer and format from the file name, {@code crs},
 * {@code dialogue}, {@code layers}) into an {@link ExportRequest}, refusing with a 4xx problem
 * anything that cannot be written: an unknown layer or format (404), an unknown CRS, a CRS the
 * format does not allow, several layers outside a GeoPackage, a mixed-geometry layer as
 * Shapefile, an unknown dialogue (422).
 */
@Component
class ExportRequests {

  static final Set<String> PARAMETERS = Set.of("crs", "dialogue", "layers", "eps", "minPoints", "cellSize",
      "distanceBand");

  private final ExportLayers layers;
  private final JdbcClient jdbc;

  ExportRequests(ExportLayers layers, JdbcClient jdbc) {
    this.layers = layers;
    this.jdbc = jdbc;
  }

  /** {@code file} is {@code pins.gpkg}: the layer before the first dot, the format after it. */
  static ExportAsk fromFile(String file, String crs, String dialogue, String extraLayers, String eps,
      String minPoints, String cellSize, String distanceBand) {
    int dot = file.indexOf('.');
    return new ExportAsk(dot < 0 ? file : file.substring(0, dot), dot < 0 ? "" : file.substring(dot + 1),
        crs, dialogue, extraLayers, eps, minPoints, cellSize, distanceBand);
  }

  /** A download names layer and format in its path: unknown ones are not found (404). */
  ExportRequest parsePath(ExportAsk ask) {
    ExportLayer first = layers.byName(ask.layer()).orElseThrow(() -> new NotFoundException(
        "No layer '" + ask.layer() + "'; layers are " + layers.names()));
    ExportFormat format = ExportFormat.ofExtension(ask.format()).orElseThrow(() -> new NotFoundException(
        "No format '" + ask.format() + "'; formats are " + ExportFormat.extensions()));
    return check(first, format, ask);
  }

  /** A job names them as fields: unknown ones are invalid input (422). */
  ExportRequest parseFields(ExportAsk ask) {
    ExportLayer first = (ask.layer() == null ? java.util.Optional.<ExportLayer>empty() : layers.byName(ask.layer()))
        .orElseThrow(() -> InvalidInputException.of("layer", "export.layer.unknown",
            "Unknown layer '" + ask.layer() + "'; layers are " + layers.names()));
    ExportFormat format = ExportFormat.ofExtension(ask.format() == null ? "" : ask.format()).orElseThrow(() ->
        InvalidInputException.of("format", "export.format.unknown",
            "Unknown format '" + ask.format() + "'; formats are " + ExportFormat.extensions()));
    return check(first, format, ask);
  }

  private ExportRequest check(ExportLayer first, ExportFormat format, ExportAsk ask) {
    ExportCrs crs = crs(format, ask.crs());
    List<ExportLayer> chosen = chosen(first, format, ask.layers());
    for (ExportLayer layer : chosen) {
      if (layer.schema().geometry() == null && format != ExportFormat.GPKG && format != ExportFormat.CSV
          && format != ExportFormat.CSV_EXCEL) {
        throw InvalidInputException.of("format", "export.format.no_geometry", "Layer '" + layer.schema().name()
            + "' is a table without geometry; take it as gpkg or csv");
      }
    }
    if (format == ExportFormat.SHAPEFILE) {
      for (ExportLayer layer : chosen) {
        if (layer.schema().geometry() == GeometryKind.GEOMETRY) {
          throw InvalidInputException.of("format", "export.format.mixed_geometry", "Layer '"
              + layer.schema().name() + "' mixes geometry types, which a Shapefile cannot hold; use gpkg or geojson");
        }
      }
    }
    Double eps = number(ask.eps(), "eps");
    Double minPoints = number(ask.minPoints(), "minPoints");
    if (minPoints != null && minPoints != Math.rint(minPoints)) {
      throw InvalidInputException.of("minPoints", "minPoints.invalid", "'minPoints' must be a whole number");
    }
    Double cellSize = number(ask.cellSize(), "cellSize");
    Double distanceBand = number(ask.distanceBand(), "distanceBand");
    // The analyses check these too, but a job would only fail later: refuse them here, with the same rules.
    if (eps != null && (!(eps > 0) || eps > ClusterAnalysis.MAX_EPS)) {
      throw InvalidInputException.of("eps", "eps.range",
          "'eps' is the neighbourhood radius in metres: more than 0 and at most " + (int) ClusterAnalysis.MAX_EPS);
    }
    if (minPoints != null && (minPoints < 1 || minPoints > ClusterAnalysis.MAX_MIN_POINTS)) {
      throw InvalidInputException.of("minPoints", "minPoints.range",
          "'minPoints' must be between 1 and " + ClusterAnalysis.MAX_MIN_POINTS);
    }
    for (String field : List.of("cellSize", "distanceBand")) {
      Double metres = field.equals("cellSize") ? cellSize : distanceBand;
      if (metres != null && (!(metres > 0) || metres > HotspotAnalysis.MAX_SIZE)) {
        throw InvalidInputException.of(field, field + ".range",
            "'" + field + "' is in metres: more than 0 and at most " + (int) HotspotAnalysis.MAX_SIZE);
      }
    }
    Integer min = minPoints == null ? null : minPoints.intValue();
    String dialogue = ask.dialogue();
    if (dialogue == null || dialogue.isBlank()) {
      return new ExportRequest(chosen, format, crs, new ExportLayer.Scope(null, null, eps, min, cellSize, distanceBand));
    }
    DialogueIdOrSlug ref = new DialogueIdOrSlug(dialogue);
    Dialogue d = jdbc.sql("SELECT id, slug FROM dialogue d WHERE " + ref.condition("d", "d"))
        .param("d", ref.value())
        .query((rs, n) -> new Dialogue(rs.getLong("id"), rs.getString("slug")))
        .optional()
        .orElseThrow(() -> InvalidInputException.of("dialogue", "export.dialogue.unknown",
            "No dialogue '" + dialogue + "' (give its id or slug)"));
    return new ExportRequest(chosen, format, crs, new ExportLayer.Scope(d.id(), d.slug(), eps, min, cellSize,
        distanceBand));
  }

  private static Double number(String given, String field) {
    if (given == null || given.isBlank()) {
      return null;
    }
    try {
      double v = Double.parseDouble(given.strip());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw InvalidInputException.of(field, field + ".invalid", "'" + field + "' must be a number, not '" + given + "'");
  }

  private static ExportCrs crs(ExportFormat format, String code) {
    if (code == null || code.isBlank()) {
      return format.alwaysWgs84() ? ExportCrs.WGS84 : ExportCrs.SWEREF99_TM;
    }
    ExportCrs crs = ExportCrs.parse(code);
    if (format.alwaysWgs84() && !crs.geographic()) {
      throw InvalidInputException.of("crs", "export.crs.wgs84_only", format.extension()
          + " is always WGS84 (EPSG:4326) by its specification; leave out crs or use gpkg, shp.zip or csv");
    }
    return crs;
  }

  private List<ExportLayer> chosen(ExportLayer first, ExportFormat format, String extraLayers) {
    LinkedHashSet<ExportLayer> chosen = new LinkedHashSet<>(List.of(first));
    if (extraLayers != null && !extraLayers.isBlank()) {
      for (String name : extraLayers.split(",")) {
        if (!name.isBlank()) {
          chosen.add(layers.byName(name.strip()).orElseThrow(() -> InvalidInputException.of("layers",
              "export.layer.unknown", "Unknown layer '" + name.strip() + "'; layers are " + layers.names())));
        }
      }
    }
    if (chosen.size() > 1 && !format.multiLayer()) {
      throw InvalidInputException.of("layers", "export.layers.single_only",
          "Only a GeoPackage holds several layers; " + format.extension() + " holds one");
    }
    return new ArrayList<>(chosen);
  }

  private record Dialogue(long id, String slug) {}
}
