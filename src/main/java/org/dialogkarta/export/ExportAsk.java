package org.dialogkarta.export;

/**
 * What a caller asked for, as given (strings, so that every fault is reported by its field): the
 * layer and format (from the file name, or fields of a job), {@code crs}, {@code dialogue} (id or
 * slug), {@code layers} (more layers for a GeoPackage) and the analysis settings of the cluster
 * and hotspot layers ({@code eps}, {@code minPoints}, {@code cellSize}, {@code distanceBand}).
 */
record ExportAsk(String layer, String format, String crs, String dialogue, String layers, String eps,
    String minPoints, String cellSize, String distanceBand) {}
