package org.dialogkarta.export;

import java.util.List;

/**
 * A checked export: the layers (several only in a GeoPackage), the format, the CRS, and the
 * dialogue (null for all). Built by {@link ExportRequests} before a single byte is written.
 */
record ExportRequest(List<ExportLayer> layers, ExportFormat format, ExportCrs crs, Long dialogueId,
    String dialogueSlug) {

  ExportRequest {
    layers = List.copyOf(layers);
  }

  ExportLayer.Scope scope() {
    return new ExportLayer.Scope(dialogueId);
  }

  /** {@code pins-navestad-centrum.gpkg}: what the file holds, readable in a downloads folder. */
  String fileName() {
    String name = layers.size() == 1 ? layers.getFirst().schema().name() : "dialogkarta";
    return name + (dialogueSlug == null ? "" : "-" + dialogueSlug) + "-" + crs.epsg() + "." + format.extension();
  }
}
