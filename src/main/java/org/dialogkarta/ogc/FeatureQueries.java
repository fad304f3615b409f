package org.dialogkarta.ogc;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dialogkarta.ogc.filter.FilterException;
import org.dialogkarta.ogc.filter.FilterSql;
import org.dialogkarta.ogc.filter.Operand;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a layer's SQL with the filters of an items request. PostGIS does the geometry work: the
 * box is brought into WGS84 (densified first, so that a projected box keeps its curved edges) and
 * matched with the spatial index; the answer's geometry is transformed into the requested CRS,
 * axes swapped for a CRS whose first axis points north (EPSG:4326, SWEREF 99, RT90), and written
 * as GeoJSON text with decimals to suit the unit. Pages are in id order, so paging is stable while pins are added; the page's ids are
 * chosen first, so the rows an offset skips are never turned into JSON.
 */
@Component
class FeatureQueries {

  /**
   * One feature as written for the answer: its id (a whole number for rows of the database, a
   * text for hexagons), GeoJSON geometry text and properties as JSON text.
   */
  record Feature(String id, String geometry, String properties) {}

  /**
   * A page: {@code numberMatched} when it is known cheaply (null otherwise: omitted, as the
   * standard allows), the features, and whether more follow ({@code lastId} for the next link).
   */
  record Page(Long numberMatched, List<Feature> features, boolean more) {
    String lastId() {
      return features.isEmpty() ? null : features.getLast().id();
    }
  }

  /** Filtered pins are counted up to this many; beyond it numberMatched is left out. */
  static final int COUNT_CAP = 10_000;

  private final JdbcClient jdbc;

  FeatureQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Page page(Layer layer, ItemsRequest request) {
    if (!layer.pins() && (!request.categories().isEmpty() || !request.statuses().isEmpty())) {
      throw OgcBadRequest.of(request.categories().isEmpty() ? "status" : "category",
          "Only pin collections can be filtered by category and status");
    }
    Map<String, Object> params = new HashMap<>(layer.params());
    String where = filters(layer, request, wgs84Box(request.bbox()), params);
    if (request.filter() != null) {
      FilterSql.Sql filter = OgcBadRequest.filtering(() -> FilterSql.of(request.filter(), layer.queryables(),
          g -> filterGeometry(g, request.filterCrs())));
      where += " AND " + filter.where();
      params.putAll(filter.params());
    }
    String order = request.sortby() == null ? layer.id()
        : OgcBadRequest.filtering(() -> request.sortby().orderBy(layer.queryables(), layer.id()));
    Long matched = numberMatched(layer, request, where, params);
    String page = where;
    if (request.after() != null) {
      page += " AND " + layer.id() + " > :after";
      params.put("after", request.after());
    }
    // One more than asked: whether a next page exists, without counting.
    params.put("limit", request.limit() + 1);
    params.put("offset", request.after() != null ? 0 : request.offset());
    List<Feature> features = new java.util.ArrayList<>(
        jdbc.sql(select(layer, request.crs(), params) + " AND " + layer.id() + " IN (SELECT " + layer.id() + " "
            + layer.from() + page + " ORDER BY " + order + " LIMIT :limit OFFSET :offset) ORDER BY " + order)
            .params(params).query((rs, row) -> new Feature(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3))).list());
    boolean more = features.size() > request.limit();
    if (more) {
      features.removeLast();
    }
    return new Page(matched, features, more);
  }

  /**
   * The exact number of features, from where it is cheap: for pins with no filter, the counter the
   * pin trigger keeps (dialogue_pin_count, V11); for the small layers, a count. Pins narrowed by a
   * box, a time, codes or a filter are counted up to {@value #COUNT_CAP}: a selection that small
   * gets its exact number, a larger one none (the standard allows leaving it out), so a request
   * never counts a million rows.
   */
  private Long numberMatched(Layer layer, ItemsRequest request, String where, Map<String, Object> params) {
    if (!layer.pins()) {
      return jdbc.sql("SELECT count(*) " + layer.from() + where).params(params).query(Long.class).single();
    }
    if (request.filtered() || !layer.allPinsOfDialogues()) {
      long counted = jdbc.sql("SELECT count(*) FROM (SELECT 1 " + layer.from() + where + " LIMIT " + (COUNT_CAP + 1)
          + ") x").params(params).query(Long.class).single();
      return counted <= COUNT_CAP ? counted : null;
    }
    Object dialogue = layer.params().get("dialogue");
    return dialogue == null
        ? jdbc.sql("SELECT coalesce(sum(published), 0) FROM dialogue_pin_count").query(Long.class).single()
        : jdbc.sql("SELECT coalesce((SELECT published FROM dialogue_pin_count WHERE dialogue_id = :d), 0)")
            .param("d", dialogue).query(Long.class).single();
  }

  Optional<Feature> one(Layer layer, long id, OgcCrs crs) {
    Map<String, Object> params = new HashMap<>(layer.params());
    params.put("id", id);
    return jdbc.sql(select(layer, crs, params) + " AND " + layer.id() + " = :id").params(params)
        .query((rs, row) -> new Feature(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3))).optional();
  }

  /**
   * The box as an EWKT polygon in WGS84. A projected box is densified before the transform so its
   * edges stay where they were; a box the CRS cannot map to the earth is the client's fault.
   */
  String wgs84Box(ItemsRequest.Box box) {
    if (box == null) {
      return null;
    }
    Map<String, Object> params = new HashMap<>(Map.of("minX", box.minX(), "minY", box.minY(),
        "maxX", box.maxX(), "maxY", box.maxY(), "srid", box.crs().srid()));
    params.put("segment", Math.max(Math.max(box.maxX() - box.minX(), box.maxY() - box.minY()) / 16, 1e-6));
    String envelope = box.acrossAntimeridian()
        // Two boxes, each side of the antimeridian.
        ? "ST_Collect(ST_MakeEnvelope(:minX, :minY, 180, :maxY, :srid), ST_MakeEnvelope(-180, :minY, :maxX, :maxY, :srid))"
        : "ST_MakeEnvelope(:minX, :minY, :maxX, :maxY, :srid)";
    String sql = box.crs().srid() == 4326 ? "SELECT ST_AsEWKT(" + envelope + ", 15)"
        : "SELECT ST_AsEWKT(ST_Transform(ST_Segmentize(" + envelope + ", :segment), 4326), 15)";
    String ewkt;
    try {
      ewkt = jdbc.sql(sql).params(params).query(String.class).single();
    } catch (DataAccessException e) {
      throw OgcBadRequest.of("bbox", "The box lies outside the area where its CRS can be used");
    }
    if (ewkt == null || ewkt.contains("inf") || ewkt.contains("nan")) {
      throw OgcBadRequest.of("bbox", "The box lies outside the area where its CRS can be used");
    }
    return ewkt;
  }

  /**
   * A filter's geometry literal as EWKT in WGS84: read by PostGIS in the filter's CRS (axes
   * swapped where the CRS puts north first), refused when it cannot be read, is not valid
   * (with PostGIS's reason), has more than 10,000 points or lies where its CRS does not reach.
   */
  private String filterGeometry(Operand.Geometry g, OgcCrs crs) {
    String read = g.geoJson() ? "ST_GeomFromGeoJSON(:text)" : "ST_GeomFromText(:text)";
    String placed = crs.northingFirst() ? "ST_SetSRID(ST_FlipCoordinates(" + read + "), :srid)"
        : "ST_SetSRID(" + read + ", :srid)";
    String sql = "SELECT ST_IsValidReason(g), ST_NPoints(g), ST_AsEWKT("
        + (crs.srid() == 4326 ? "g" : "ST_Transform(g, 4326)") + ", 15) FROM (SELECT " + placed + " AS g) x";
    record Checked(String reason, int points, String ewkt) {}
    Checked checked;
    try {
      checked = jdbc.sql(sql).param("text", g.text()).param("srid", crs.srid())
          .query((rs, row) -> new Checked(rs.getString(1), rs.getInt(2), rs.getString(3))).single();
    } catch (DataAccessException e) {
      throw new FilterException("The geometry cannot be read" + (g.geoJson() ? " as GeoJSON" : " as WKT")
          + " in " + crs.uri() + ": " + brief(g.text()));
    }
    if (checked.points() > 10_000) {
      throw new FilterException("A filter's geometry may have at most 10,000 points");
    }
    if (!"Valid Geometry".equals(checked.reason())) {
      throw new FilterException("The geometry is not valid: " + checked.reason());
    }
    if (checked.ewkt() == null || checked.ewkt().contains("inf") || checked.ewkt().contains("nan")) {
      throw new FilterException("The geometry lies outside the area where " + crs.uri() + " can be used");
    }
    return checked.ewkt();
  }

  private static String brief(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  private static String select(Layer layer, OgcCrs crs, Map<String, Object> params) {
    String geometry = layer.geometry();
    if (crs.srid() != 4326) {
      geometry = "ST_Transform(" + geometry + ", :srid)";
      params.put("srid", crs.srid());
    }
    if (crs.northingFirst()) {
      geometry = "ST_FlipCoordinates(" + geometry + ")";
    }
    // Option 0: no bbox and no "crs" member in the geometry; the CRS travels in Content-Crs.
    return "SELECT " + layer.id() + ", ST_AsGeoJSON(" + geometry + ", " + crs.decimals() + ", 0), ("
        + layer.properties() + ")::text " + layer.from();
  }

  private static String filters(Layer layer, ItemsRequest request, String box, Map<String, Object> params) {
    StringBuilder where = new StringBuilder();
    if (box != null) {
      where.append(" AND ").append(layer.geometry()).append(" && ST_GeomFromEWKT(:box)")
          .append(" AND ST_Intersects(").append(layer.geometry()).append(", ST_GeomFromEWKT(:box))");
      params.put("box", box);
    }
    TimeFilter time = request.datetime();
    if (time != null && layer.timeStart() != null) {
      if (time.end() != null) {
        where.append(" AND ").append(layer.timeStart()).append(" <= :timeEnd");
        params.put("timeEnd", Timestamp.from(time.end()));
      }
      if (time.start() != null) {
        where.append(" AND ").append(layer.timeEnd()).append(" >= :timeStart");
        params.put("timeStart", Timestamp.from(time.start()));
      }
    }
    if (!request.categories().isEmpty()) {
      where.append(" AND p.category IN (:categories)");
      params.put("categories", request.categories());
    }
    if (!request.statuses().isEmpty()) {
      where.append(" AND p.status IN (:statuses)");
      params.put("statuses", request.statuses());
    }
    return where.toString();
  }
}
