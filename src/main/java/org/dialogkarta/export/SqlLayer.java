package org.dialogkarta.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer read from the database in one query: PostGIS transforms the geometry into the export's
 * CRS ({@code ST_Transform}) and hands it over as WKB, each field is one SQL expression, and the
 * rows come in a fixed order so that two exports of the same data are the same file.
 *
 * @param geometry   expression of the WGS84 geometry, on the aliases in {@code from}; null for a
 *                   table without geometry (its schema's geometry is null too)
 * @param columns    one SQL expression per field of the schema, in order
 * @param where      the rule for what may leave the system at all (e.g. published pins only)
 * @param ofDialogue the condition for {@code :dialogue} when the export is of one dialogue
 */
record SqlLayer(LayerSchema schema, String geometry, List<String> columns, String from, String where,
    String ofDialogue, String orderBy) {

  SqlLayer {
    columns = List.copyOf(columns);
    if (columns.size() != schema.fields().size()) {
      throw new IllegalArgumentException(schema.name() + ": " + columns.size() + " columns for "
          + schema.fields().size() + " fields");
    }
  }

  /**
   * The query with {@code :srid} and, when {@code oneDialogue}, {@code :dialogue}. With
   * {@code wkb} false the geometry stays a geometry column named {@code geom} (what ogr2ogr reads
   * in the benchmark); with {@code lonLat} WGS84 lon/lat of a point on the feature come too (CSV).
   */
  String select(boolean oneDialogue, boolean wkb, boolean lonLat) {
    String transformed = "ST_Transform(" + geometry + ", :srid)";
    List<String> select = new ArrayList<>();
    if (geometry == null) { // an attributes table (survey answers): no geometry at all
      select.add((wkb ? "NULL::bytea" : "NULL::geometry") + " AS geom");
    } else {
      select.add((wkb ? "ST_AsBinary(" + transformed + ")" : transformed) + " AS geom");
    }
    for (int i = 0; i < columns.size(); i++) {
      select.add(columns.get(i) + " AS " + schema.fields().get(i).name());
    }
    if (lonLat && geometry == null) {
      select.add("NULL::float8 AS wgs84_lon");
      select.add("NULL::float8 AS wgs84_lat");
    } else if (lonLat) {
      select.add("ST_X(ST_PointOnSurface(" + geometry + ")) AS wgs84_lon");
      select.add("ST_Y(ST_PointOnSurface(" + geometry + ")) AS wgs84_lat");
    }
    return "SELECT " + String.join(", ", select) + " FROM " + from + " WHERE " + condition(oneDialogue)
        + " ORDER BY " + orderBy;
  }

  String count(boolean oneDialogue) {
    return "SELECT count(*) FROM " + from + " WHERE " + condition(oneDialogue);
  }

  private String condition(boolean oneDialogue) {
    return oneDialogue ? "(" + where + ") AND " + ofDialogue : where;
  }
}
