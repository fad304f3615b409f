package org.dialogkarta.place;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Places' positions as WGS84 lon/lat. Positions in another EPSG system (SWEREF 99 TM from a CSV's
 * x/y or a GeoPackage's declared system) are transformed by PostGIS (PROJ), all at once, the same
 * transformation the exports use the other way. Positions that cannot be what they claim are
 * refused by row: lon/lat out of range (metres in the lon/lat columns), x/y outside SWEREF 99 TM's
 * area of use (lon/lat in the x/y columns, or x and y swapped).
 */
final class PlacePositions {

  /** SWEREF 99 TM's area of use (Sweden), in metres: easting, then northing. */
  private static final double MIN_E = 180_000;
  private static final double MAX_E = 1_090_000;
  private static final double MIN_N = 6_050_000;
  private static final double MAX_N = 7_720_000;

  private PlacePositions() {}

  static List<double[]> toWgs84(JdbcClient jdbc, List<PlaceDraft> drafts) {
    List<FieldViolation> faults = new ArrayList<>();
    for (PlaceDraft d : drafts) {
      if (d.srid() == Wgs84.SRID && !(Wgs84.isValidLon(d.x()) && Wgs84.isValidLat(d.y()))) {
        faults.add(FieldViolation.of(d.where() + ".location", "places.not_wgs84", d.where() + ": (" + d.x() + ", "
            + d.y() + ") is not longitude/latitude; metres of SWEREF 99 TM go in the columns x and y"));
      } else if (d.srid() == 3006 && !(d.x() >= MIN_E && d.x() <= MAX_E && d.y() >= MIN_N && d.y() <= MAX_N)) {
        faults.add(FieldViolation.of(d.where() + ".location", "places.not_sweref", d.where() + ": (" + d.x() + ", "
            + d.y() + ") is not in SWEREF 99 TM (x is the easting, 180 000–1 090 000 m; y the northing,"
            + " 6 050 000–7 720 000 m); longitude/latitude go in the columns lon and lat"));
      }
      if (faults.size() >= GazetteerFiles.MAX_FAULTS) {
        break;
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    List<Integer> systems = drafts.stream().map(PlaceDraft::srid).distinct().filter(s -> s != Wgs84.SRID).toList();
    for (int srid : systems) {
      boolean known = jdbc.sql("SELECT EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = :srid)")
          .param("srid", srid).query(Boolean.class).single();
      if (!known) {
        throw InvalidInputException.of(Gazetteer.FIELD, "places.crs_unknown",
            "The file's coordinate system EPSG:" + srid + " is unknown here: save it as EPSG:3006 or EPSG:4326");
      }
    }
    if (systems.isEmpty()) {
      return drafts.stream().map(d -> new double[] {d.x(), d.y()}).toList();
    }
    List<double[]> out = new ArrayList<>(drafts.size());
    jdbc.sql("""
            SELECT ST_X(p), ST_Y(p)
            FROM unnest(CAST(:xs AS float8[]), CAST(:ys AS float8[]), CAST(:srids AS int[])) WITH ORDINALITY AS t(x, y, s, i),
                 LATERAL (SELECT CASE WHEN s = 4326 THEN ST_SetSRID(ST_MakePoint(x, y), 4326)
                                      ELSE ST_Transform(ST_SetSRID(ST_MakePoint(x, y), s), 4326) END AS p) AS q
            ORDER BY i""")
        .param("xs", drafts.stream().map(PlaceDraft::x).toArray(Double[]::new))
        .param("ys", drafts.stream().map(PlaceDraft::y).toArray(Double[]::new))
        .param("srids", drafts.stream().map(PlaceDraft::srid).toArray(Integer[]::new))
        .query(rs -> {
          out.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
        });
    for (int i = 0; i < drafts.size(); i++) {
      double[] p = out.get(i);
      if (!(Wgs84.isValidLon(p[0]) && Wgs84.isValidLat(p[1]))) {
        PlaceDraft d = drafts.get(i);
        throw InvalidInputException.of(d.where() + ".location", "places.not_wgs84",
            d.where() + ": the position cannot be transformed to longitude/latitude");
      }
    }
    return out;
  }
}
