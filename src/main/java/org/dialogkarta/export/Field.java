package org.dialogkarta.export;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One attribute column of an exported layer; every writer maps the four types to its own.
 * {@code width} is the most UTF-8 bytes a text takes in a Shapefile's dBASE table (254 at most):
 * short codes get narrow columns, so a million pins do not fill gigabytes with padding.
 * {@code labels} is the message prefix of a code's Swedish label ({@code category} for
 * {@code category.safety_concern}), written beside the code where a person reads the file (CSV);
 * null for fields that are not codes.
 */
record Field(String name, Type type, int width, String labels) {

  static final int MAX_WIDTH = 254;

  enum Type { INTEGER, REAL, TEXT, DATETIME, DATE }

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
    return new Field(name, Type.INTEGER, 18, null);
  }

  static Field real(String name) {
    return new Field(name, Type.REAL, 24, null);
  }

  static Field text(String name) {
    return new Field(name, Type.TEXT, MAX_WIDTH, null);
  }

  /** A text of known short length: a code, a slug, a name. */
  static Field text(String name, int width) {
    return new Field(name, Type.TEXT, width, null);
  }

  static Field datetime(String name) {
    return new Field(name, Type.DATETIME, 24, null);
  }

  /** A calendar day (a dialogue's start and end), written as a date type where the format has one. */
  static Field date(String name) {
    return new Field(name, Type.DATE, 10, null);
  }

  /** This code field with its Swedish labels under the message prefix {@code prefix}. */
  Field labelled(String prefix) {
    return new Field(name, type, width, prefix);
  }
}
