package org.dialogkarta.ogc;

/**
 * One collection of the OGC API: its stable id, what a GIS user sees as its name and
 * description, what it reads — a {@link Layer} of SQL, or an {@link AnalysisFeatures.Analysis}
 * computed in Java — and its extent in CRS84 ({@code null} when it has no features).
 */
record OgcCollection(String id, String title, String description, Layer layer, AnalysisFeatures.Analysis analysis,
    double[] bbox) {

  OgcCollection(String id, String title, String description, Layer layer, double[] bbox) {
    this(id, title, description, layer, null, bbox);
  }
}
