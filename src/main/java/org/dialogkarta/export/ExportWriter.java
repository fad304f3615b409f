package org.dialogkarta.export;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes features into one export file as they come from the cursor. Streaming formats write to
 * the output at once; GeoPackage and Shapefile build a temporary file and copy it to the output
 * only in {@link #finish}, so a failure never leaves a file that looks complete.
 */
interface ExportWriter extends Closeable {

  void startLayer(LayerSchema schema) throws IOException;

  void write(Feature feature) throws IOException;

  void endLayer() throws IOException;

  /** Completes the file and hands it to the output. */
  void finish() throws IOException;

  /** Removes temporary files; called after finish and after failures alike. */
  @Override
  default void close() throws IOException {}
}
