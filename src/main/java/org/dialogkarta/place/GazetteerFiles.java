package org.dialogkarta.place;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Tells a GeoPackage from a CSV file by its first bytes, never by its name. */
final class GazetteerFiles {

  /** A refusal lists at most this many faults: enough to see what is wrong with the file. */
  static final int MAX_FAULTS = 100;
  private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private GazetteerFiles() {}

  static boolean isGeoPackage(byte[] content) {
    return content.length >= SQLITE.length && Arrays.equals(content, 0, SQLITE.length, SQLITE, 0, SQLITE.length);
  }
}
