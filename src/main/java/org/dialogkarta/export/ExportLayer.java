package org.dialogkarta.export;

import java.io.IOException;

/** A layer that can be exported: its schema, how many features, and the features one by one. */
interface ExportLayer {

  LayerSchema schema();

  /** How many features {@link #read} will give; the job's progress counts against it. */
  long count(Scope scope);

  /**
   * Hands every feature to {@code sink} as it is read, in constant memory. With {@code lonLat}
   * each feature also carries WGS84 lon/lat (for CSV).
   */
  void read(Scope scope, ExportCrs crs, boolean lonLat, Sink sink) throws IOException;

  /** What part of the data: one dialogue (by id) or, when null, all of them. */
  record Scope(Long dialogueId) {
    static final Scope ALL = new Scope(null);
  }

  @FunctionalInterface
  interface Sink {
    void accept(Feature feature) throws IOException;
  }
}
