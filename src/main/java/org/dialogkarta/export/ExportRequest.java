package org.dialogkarta.export;

import java.util.List;

/**
 * A checked export: the layers (several only in a GeoPackage), the format, the CRS, and the
 * scope (dialogue, analysis settings). Built by {@link ExportRequests} before a byte is written.
 */
record ExportRequest(List<ExportLayer> layers, ExportFormat format, ExportCrs crs, ExportLayer.Scope scope) {

  ExportRequest {
    layers = List.copyOf(layers);
  }

  /** {@code pins-navestad-centrum-3006.gpkg}: what the file holds, readable in a downloads folder. */
  String fileName() {
    String name = layers.size() == 1 ? layers.getFirst().schema().name() : "dialogkarta";
    String slug = scope.dialogueSlug();
    return name + (slug == null ? "" : "-" + slug) + "-" + crs.epsg() + "." + format.extension();
  }
}
