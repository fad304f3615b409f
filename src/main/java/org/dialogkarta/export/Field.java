package org.dialogkarta.export;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One attribute column of an exported layer; every writer maps the four types to its own.
 * {@code width} is the most UTF-8 bytes a text takes in a Shapefile's dBASE table (254 at most):
 * short codes get narrow columns, so a million pins do not fill gigabytes with padding.
 */
record Field(String name, Type type, int width) {

  static final int MAX_WIDTH = 254;

  enum Type { INTEGER, REAL, TEXT, DATETIME }

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  /**
   * Times in every format as ISO 8601 in UTC to the millisecond, 24 characters: what the
   * GeoPackage specification asks for DATETIME, and short enough for a dBASE text field.
   */
  static String iso(OffsetDateTime time) {
    return ISO.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  Field {
    if (width < 1 || width > MAX_WIDTH) {
      throw new IllegalArgumentException(name + ": width " + width);
    }
  }

  static Field integer(String name) {
    return new Field(name, Type.INTEGER, 18);
  }

  static Field real(String name) {
    return new Field(name, Type.REAL, 24);
  }

  static Field text(String name) {
    return new Field(name, Type.TEXT, MAX_WIDTH);
  }

  /** A text of known short length: a code, a slug, a name. */
  static Field text(String name, int width) {
    return new Field(name, Type.TEXT, width);
  }

  static Field datetime(String name) {
    return new Field(name, Type.DATETIME, 24);
  }
}
