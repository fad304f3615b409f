package org.dialogkarta.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  void write(ExportRequest request, OutputStream out, Path work, Progress progress) throws IOException {
    boolean lonLat = request.format().csv();
    List<ExportLayer.Prepared> prepared = new ArrayList<>();
    for (ExportLayer layer : request.layers()) {
      prepared.add(layer.prepare(request.scope()));
    }
    if (progress != Progress.NONE) {
      progress.total(prepared.stream().mapToLong(ExportLayer.Prepared::count).sum());
    }
    try (ExportWriter writer = writer(request, out, work)) {
      for (int i = 0; i < prepared.size(); i++) {
        writer.startLayer(request.layers().get(i).schema());
        prepared.get(i).read(request.crs(), lonLat, feature -> {
          writer.write(feature);
          progress.written();
        });
        writer.endLayer();
      }
      writer.finish();
    }
  }

  /** Who follows an export: a job counts features against the total; a direct download does not. */
  interface Progress {
    Progress NONE = new Progress() {
      @Override
      public void total(long features) {}

      @Override
      public void written() {}
    };

    void total(long features);

    void written();
  }

  private ExportWriter writer(ExportRequest request, OutputStream out, Path work) throws IOException {
    return switch (request.format()) {
      case GEOJSON -> new GeoJsonWriter(out);
      case CSV -> new CsvWriter(out, CsvWriter.Dialect.RFC_4180);
      case CSV_EXCEL -> new CsvWriter(out, CsvWriter.Dialect.EXCEL_SV);
      case KML -> new KmlWriter(out);
      case GPKG -> new GeoPackageWriter(out, work, request.crs(), definitions);
      case SHAPEFILE -> new ShapefileWriter(out, work, request.crs(), definitions);
    };
  }
}
