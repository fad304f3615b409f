package org.dialogkarta.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * Runs one export: opens the format's writer, reads each layer through its cursor and writes every
 * feature as it arrives, then completes the file. Used by the direct download and by jobs alike.
 */
@Component
class Exports {

  private final CrsDefinitions definitions;

  Exports(CrsDefinitions definitions) {
    this.definitions = definitions;
  }

  /**
   * Writes {@code request} to {@code out}; {@code written} hears of every feature (job progress).
   * Temporary files go under {@code work} and are removed whatever happens.
   */
  void write(ExportRequest request, OutputStream out, Path work, LongConsumer written) throws IOException {
    boolean lonLat = request.format() == ExportFormat.CSV;
    try (ExportWriter writer = writer(request, out, work)) {
      for (ExportLayer layer : request.layers()) {
        writer.startLayer(layer.schema());
        layer.read(request.scope(), request.crs(), lonLat, feature -> {
          writer.write(feature);
          written.accept(1);
        });
        writer.endLayer();
      }
      writer.finish();
    }
  }

  long total(ExportRequest request) {
    long total = 0;
    for (ExportLayer layer : request.layers()) {
      total += layer.count(request.scope());
    }
    return total;
  }

  private ExportWriter writer(ExportRequest request, OutputStream out, Path work) throws IOException {
    return switch (request.format()) {
      case GEOJSON -> new GeoJsonWriter(out);
      case CSV -> new CsvWriter(out);
      case KML -> new KmlWriter(out);
      case GPKG -> new GeoPackageWriter(out, work, request.crs(), definitions);
      case SHAPEFILE -> new ShapefileWriter(out, work, request.crs(), definitions);
    };
  }
}
