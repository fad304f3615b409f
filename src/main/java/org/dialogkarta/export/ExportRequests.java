package org.dialogkarta.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dialogkarta.web.InvalidInputException;
import org.dialogkarta.web.NotFoundException;
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

  static final Set<String> PARAMETERS = Set.of("crs", "dialogue", "layers");

  private final ExportLayers layers;
  private final JdbcClient jdbc;

  ExportRequests(ExportLayers layers, JdbcClient jdbc) {
    this.layers = layers;
    this.jdbc = jdbc;
  }

  /** {@code file} is {@code pins.gpkg}; the layer is what comes before the first dot. */
  ExportRequest parse(String file, String crs, String dialogue, String extraLayers) {
    int dot = file.indexOf('.');
    String layerName = dot < 0 ? file : file.substring(0, dot);
    String extension = dot < 0 ? "" : file.substring(dot + 1);
    ExportLayer first = layers.byName(layerName).orElseThrow(() -> new NotFoundException(
        "No layer '" + layerName + "'; layers are " + layers.names()));
    ExportFormat format = ExportFormat.ofExtension(extension).orElseThrow(() -> new NotFoundException(
        "No format '" + extension + "'; formats are " + ExportFormat.extensions()));
    return check(first, format, crs, dialogue, extraLayers);
  }

  /** The job form: layer and format given as separate fields. */
  ExportRequest parse(String layer, String format, String crs, String dialogue, String extraLayers) {
    if (layer == null || layers.byName(layer).isEmpty()) {
      throw InvalidInputException.of("layer", "export.layer.unknown",
          "Unknown layer '" + layer + "'; layers are " + layers.names());
    }
    ExportFormat f = ExportFormat.ofExtension(format == null ? "" : format).orElseThrow(() ->
        InvalidInputException.of("format", "export.format.unknown",
            "Unknown format '" + format + "'; formats are " + ExportFormat.extensions()));
    return check(layers.byName(layer).orElseThrow(), f, crs, dialogue, extraLayers);
  }

  private ExportRequest check(ExportLayer first, ExportFormat format, String crsCode, String dialogue,
      String extraLayers) {
    ExportCrs crs = crs(format, crsCode);
    List<ExportLayer> chosen = chosen(first, format, extraLayers);
    if (format == ExportFormat.SHAPEFILE) {
      for (ExportLayer layer : chosen) {
        if (layer.schema().geometry() == GeometryKind.GEOMETRY) {
          throw InvalidInputException.of("format", "export.format.mixed_geometry", "Layer '"
              + layer.schema().name() + "' mixes geometry types, which a Shapefile cannot hold; use gpkg or geojson");
        }
      }
    }
    if (dialogue == null || dialogue.isBlank()) {
      return new ExportRequest(chosen, format, crs, null, null);
    }
    Dialogue d = jdbc.sql("SELECT id, slug FROM dialogue WHERE slug = :d OR id::text = :d")
        .param("d", dialogue.strip())
        .query((rs, n) -> new Dialogue(rs.getLong("id"), rs.getString("slug")))
        .optional()
        .orElseThrow(() -> InvalidInputException.of("dialogue", "export.dialogue.unknown",
            "No dialogue '" + dialogue + "' (give its id or slug)"));
    return new ExportRequest(chosen, format, crs, d.id(), d.slug());
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
