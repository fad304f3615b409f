package org.dialogkarta.ogc;

/**
 * One collection of the OGC API: its stable id, what a GIS user sees as its name and
 * description, what it reads — a {@link Layer} of SQL, or an {@link AnalysisFeatures.Analysis}
 * computed in Java — its extent in CRS84 ({@code null} when it has no features), and for layers
 * whose features have times the first and last of them ({@code null} when there are none).
 */
record OgcCollection(String id, String title, String description, Layer layer, AnalysisFeatures.Analysis analysis,
    double[] bbox, java.time.Instant[] interval) {

  OgcCollection(String id, String title, String description, Layer layer, double[] bbox) {
    this(id, title, description, layer, null, bbox, null);
  }
}
