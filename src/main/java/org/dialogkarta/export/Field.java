package org.dialogkarta.export;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One attribute column of an exported layer; every writer maps the four types to its own. */
record Field(String name, Type type) {

  enum Type { INTEGER, REAL, TEXT, DATETIME }

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  /**
   * Times in every format as ISO 8601 in UTC to the millisecond, 24 characters: what the
   * GeoPackage specification asks for DATETIME, and short enough for a dBASE text field.
   */
  static String iso(OffsetDateTime time) {
    return ISO.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  static Field integer(String name) {
    return new Field(name, Type.INTEGER);
  }

  static Field real(String name) {
    return new Field(name, Type.REAL);
  }

  static Field text(String name) {
    return new Field(name, Type.TEXT);
  }

  static Field datetime(String name) {
    return new Field(name, Type.DATETIME);
  }
}
