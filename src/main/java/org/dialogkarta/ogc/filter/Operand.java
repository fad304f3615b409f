package org.dialogkarta.ogc.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What a CQL2 predicate compares: a queryable, a literal, or {@code CASEI} of one. */
public sealed interface Operand {

  record Property(String name) implements Operand {}

  record Text(String value) implements Operand {}

  record Number(BigDecimal value) implements Operand {}

  record Bool(boolean value) implements Operand {}

  /** {@code CASEI(x)}: compared without regard to case. */
  record Casei(Operand inner) implements Operand {}

  /**
   * A geometry literal as written: WKT ({@code POINT(15.6 58.4)}, or a {@code BBOX} turned into a
   * polygon) or GeoJSON; PostGIS parses and checks it in the filter's CRS.
   */
  record Geometry(String text, boolean geoJson) implements Operand {}

  /** {@code TIMESTAMP('…')}: an instant. */
  record Timestamp(Instant value) implements Operand {}

  /** {@code DATE('…')}: a whole day, in UTC. */
  record Day(LocalDate value) implements Operand {}

  /** {@code INTERVAL(start, end)}: each end a timestamp, a date, a property, or open. */
  record Interval(Operand start, Operand end) implements Operand {}

  /** The open end {@code '..'} of an interval. */
  record Open() implements Operand {}
}
