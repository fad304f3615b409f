package org.dialogkarta.ogc;

/**
 * One collection of the OGC API: its stable id, what a GIS user sees as its name and
 * description, what it reads, and its extent in CRS84 ({@code null} when it has no features).
 */
record OgcCollection(String id, String title, String description, Layer layer, double[] bbox) {}
