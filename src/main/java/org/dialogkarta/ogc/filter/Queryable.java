package org.dialogkarta.ogc.filter;

import java.util.List;

/**
 * A property a collection can be filtered and sorted by: its name in filters (the same as in the
 * features' properties), what it is in SQL, its type, and for coded values the codes.
 *
 * @param role   the OGC role in the queryables schema ({@code id}, {@code primary-geometry},
 *               {@code primary-instant}, …) or null
 * @param format for a geometry, its JSON Schema format ({@code geometry-point}, …), else null
 */
public record Queryable(String name, String title, String sql, Type type, List<String> values, String role,
    String format) {

  public enum Type { STRING, INTEGER, TIMESTAMP, DATE, GEOMETRY }

  public static Queryable of(String name, String title, String sql, Type type) {
    return new Queryable(name, title, sql, type, List.of(), null, null);
  }

  public Queryable withValues(List<String> codes) {
    return new Queryable(name, title, sql, type, List.copyOf(codes), role, format);
  }

  public Queryable withRole(String ogcRole) {
    return new Queryable(name, title, sql, type, values, ogcRole, format);
  }

  /** A geometry of one kind, e.g. {@code point} for the JSON Schema format {@code geometry-point}. */
  public static Queryable geometry(String title, String sql, String kind) {
    return new Queryable("geometry", title, sql, Type.GEOMETRY, List.of(), "primary-geometry", "geometry-" + kind);
  }
}
