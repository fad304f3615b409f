package org.dialogkarta.export;

import java.io.IOException;

/** A layer that can be exported: its schema, and its features for one export. */
interface ExportLayer {

  LayerSchema schema();

  /**
   * Gets the layer ready for one export of {@code scope}: a database layer does nothing yet, an
   * analysis layer runs its analysis once, so that counting and reading see the same result.
   */
  Prepared prepare(Scope scope);

  interface Prepared {

    /** How many features {@link #read} will give; the job's progress counts against it. */
    long count();

    /**
     * Hands every feature to {@code sink} as it is read. With {@code lonLat} each feature also
     * carries WGS84 lon/lat (for CSV).
     */
    void read(ExportCrs crs, boolean lonLat, Sink sink) throws IOException;
  }

  @FunctionalInterface
  interface Sink {
    void accept(Feature feature) throws IOException;
  }

  /**
   * What part of the data: one dialogue (by id) or, when null, all of them; and the settings of
   * the cluster and hotspot analyses (null: the analyses' own defaults).
   */
  record Scope(Long dialogueId, String dialogueSlug, Double eps, Integer minPoints, Double cellSize,
      Double distanceBand) {

    static Scope of(Long dialogueId) {
      return new Scope(dialogueId, null, null, null, null, null);
    }
  }
}
