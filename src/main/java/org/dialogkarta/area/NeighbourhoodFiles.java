package org.dialogkarta.area;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * Tells a GeoJSON file from a GeoPackage by its first bytes, never by its name or declared type:
 * planners rename files, and a file called .gpkg that holds a shapefile's .dbf must be refused
 * with a reason rather than fail somewhere deep in a reader.
 */
final class NeighbourhoodFiles {

  static final String FIELD = "file";
  /** More than every DeSO area of Sweden (about 6,000): a municipality sends a few hundred. */
  static final int MAX_FEATURES = 10_000;
  /** Boundary points in the whole file, enough for detailed boundaries of all of them. */
  static final int MAX_VERTICES = 2_000_000;
  static final java.time.Duration READ_BUDGET = java.time.Duration.ofSeconds(20);
  /** Every SQLite database, and so every GeoPackage, starts with these 16 bytes. */
  private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private NeighbourhoodFiles() {}

  static List<UploadedFeature> read(byte[] content) {
    List<UploadedFeature> features = readAny(content);
    checkSize(features);
    return features;
  }

  /**
   * Refuses a file past the limits as soon as a reader sees it: too many features, or too many
   * boundary points in all (counted as the features come).
   */
  static void checkSize(List<UploadedFeature> features) {
    if (features.size() > MAX_FEATURES) {
      throw InvalidInputException.of(FIELD, "neighbourhoods.too_many",
          "The file holds more than " + MAX_FEATURES + " features; send the neighbourhoods of one municipality");
    }
    long points = 0;
    for (UploadedFeature f : features) {
      points += f.geometry() == null ? 0 : f.geometry().getNumPoints();
    }
    if (points > MAX_VERTICES) {
      throw InvalidInputException.of(FIELD, "neighbourhoods.too_complex",
          "The boundaries have more than " + MAX_VERTICES + " points in all; simplify them (1 m is plenty)");
    }
  }

  private static List<UploadedFeature> readAny(byte[] content) {
    if (content == null || content.length == 0) {
      throw InvalidInputException.of(FIELD, "neighbourhoods.file_empty", "The file is empty");
    }
    if (content.length >= SQLITE.length && Arrays.equals(content, 0, SQLITE.length, SQLITE, 0, SQLITE.length)) {
      return GeoPackageNeighbourhoods.read(content);
    }
    int first = firstSignificantByte(content);
    if (first < 0) {
      throw InvalidInputException.of(FIELD, "neighbourhoods.file_empty", "The file holds only white space");
    }
    if (content[first] == '{') {
      return GeoJsonNeighbourhoods.read(content);
    }
    throw InvalidInputException.of(FIELD, "neighbourhoods.file_type",
        "The file is neither GeoJSON nor a GeoPackage (whatever its name says): upload a GeoJSON"
            + " FeatureCollection (.geojson) or a GeoPackage (.gpkg)");
  }

  /** Skips a UTF-8 byte order mark and white space. */
  private static int firstSignificantByte(byte[] content) {
    int i = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf ? 3 : 0;
    while (i < content.length && Character.isWhitespace(content[i])) {
      i++;
    }
    return i < content.length ? i : -1;
  }
}
