package org.dialogkarta.place;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.area.GeoPackageNeighbourhoods;
import org.dialogkarta.area.UploadedFeature;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipality's gazetteer as staff keep it: a file of place names and address points
 * (CSV or a GeoPackage point layer) replaces the gazetteer or is added to it. The whole file is
 * checked first, every fault of every row collected into one refusal, and written in one
 * transaction, so a refused file changes nothing.
 */
@Service
public class Gazetteer {

  static final String FIELD = "file";
  /** More than the address points of any Swedish municipality but the three largest. */
  static final int MAX_PLACES = 100_000;

  public enum Mode { REPLACE, APPEND }

  public record Imported(String mode, int imported, long total) {}

  public record Summary(long total, Map<String, Long> byKind) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;

  Gazetteer(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  public Imported importFile(byte[] content, Mode mode) {
    if (content == null || content.length == 0) {
      throw InvalidInputException.of(FIELD, "places.file_empty", "The file is empty");
    }
    List<PlaceDraft> drafts = GazetteerFiles.isGeoPackage(content) ? fromGeoPackage(content) : fromCsv(content);
    if (drafts.isEmpty()) {
      throw InvalidInputException.of(FIELD, "places.no_places", "The file holds no places");
    }
    List<double[]> lonLat = PlacePositions.toWgs84(jdbc, drafts);
    // Two imports at once (two planners, two app nodes) take turns, so a replace is never mixed
    // with another file's rows.
    jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('place.import'))").query(Integer.class).single();
    long before = count();
    if (mode == Mode.REPLACE) {
      jdbc.sql("DELETE FROM place").update();
    }
    insert(drafts, lonLat, "import");
    long total = count();
    audit.record("places.import", "place", null, Map.of("places", before),
        Map.of("mode", mode.name().toLowerCase(java.util.Locale.ROOT), "imported", drafts.size(), "places", total));
    return new Imported(mode.name().toLowerCase(java.util.Locale.ROOT), drafts.size(), total);
  }

  @Transactional(readOnly = true)
  public Summary summary() {
    Map<String, Long> byKind = new LinkedHashMap<>();
    jdbc.sql("SELECT kind, count(*) FROM place GROUP BY kind ORDER BY kind")
        .query(rs -> {
          byKind.put(rs.getString(1), rs.getLong(2));
        });
    return new Summary(byKind.values().stream().mapToLong(Long::longValue).sum(), byKind);
  }

  private long count() {
    return jdbc.sql("SELECT count(*) FROM place").query(Long.class).single();
  }

  private void insert(List<PlaceDraft> drafts, List<double[]> lonLat, String source) {
    jdbc.sql("""
            INSERT INTO place (name, kind, municipality, district, location, source)
            SELECT n, k, m, d, ST_SetSRID(ST_MakePoint(x, y), 4326), :source
            FROM unnest(CAST(:names AS text[]), CAST(:kinds AS text[]), CAST(:municipalities AS text[]),
                        CAST(:districts AS text[]), CAST(:xs AS float8[]), CAST(:ys AS float8[])) AS t(n, k, m, d, x, y)""")
        .param("names", drafts.stream().map(PlaceDraft::name).toArray(String[]::new))
        .param("kinds", drafts.stream().map(p -> p.kind().code()).toArray(String[]::new))
        .param("municipalities", drafts.stream().map(PlaceDraft::municipality).toArray(String[]::new))
        .param("districts", drafts.stream().map(PlaceDraft::district).toArray(String[]::new))
        .param("xs", lonLat.stream().map(p -> p[0]).toArray(Double[]::new))
        .param("ys", lonLat.stream().map(p -> p[1]).toArray(Double[]::new))
        .param("source", source)
        .update();
  }

  private static List<PlaceDraft> fromCsv(byte[] content) {
    GazetteerCsv.Table table = GazetteerCsv.read(content, MAX_PLACES);
    List<String> columns = table.columns();
    boolean lonLat = columns.contains("lon") && columns.contains("lat");
    boolean sweref = columns.contains("x") && columns.contains("y");
    if (!lonLat && !sweref) {
      throw InvalidInputException.of(FIELD, "places.columns", "The file needs the columns lon and lat (WGS84)"
          + " or x and y (SWEREF 99 TM, EPSG:3006); it has " + columns);
    }
    List<PlaceDraft> drafts = new ArrayList<>();
    List<FieldViolation> faults = new ArrayList<>();
    for (GazetteerCsv.Line line : table.lines()) {
      String where = "rows[" + line.number() + "]";
      List<FieldViolation> coordinateFaults = new ArrayList<>();
      Double x = number(line, lonLat ? "lon" : "x", where, coordinateFaults);
      Double y = number(line, lonLat ? "lat" : "y", where, coordinateFaults);
      try {
        drafts.add(PlaceDraft.of(where, line.get("name"), line.get("kind"), line.get("municipality"),
            line.get("district"), x, y, lonLat ? 4326 : 3006, coordinateFaults));
      } catch (InvalidInputException e) {
        faults.addAll(e.violations());
      }
      if (faults.size() >= GazetteerFiles.MAX_FAULTS) {
        break;
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return drafts;
  }

  /** A number as a Swedish spreadsheet may write it too: a decimal comma, spaces between thousands. */
  private static Double number(GazetteerCsv.Line line, String column, String where, List<FieldViolation> faults) {
    String v = line.get(column);
    if (v == null) {
      return null;
    }
    String n = v.replaceAll("[\\s\u00a0]", "").replace(',', '.');
    try {
      double d = Double.parseDouble(n);
      if (!Double.isFinite(d) || !n.matches("[-+]?\\d+(\\.\\d+)?")) {
        throw new NumberFormatException(n);
      }
      return d;
    } catch (NumberFormatException e) {
      faults.add(FieldViolation.of(where + "." + column, "places.number",
          where + ": " + column + " '" + v + "' is not a number"));
      return null;
    }
  }

  private static List<PlaceDraft> fromGeoPackage(byte[] content) {
    List<UploadedFeature> features;
    try {
      features = GeoPackageNeighbourhoods.read(content, read -> {
        if (read.size() > MAX_PLACES) {
          throw GazetteerCsv.tooMany(MAX_PLACES);
        }
      });
    } catch (InvalidInputException e) {
      // The shared reader's refusals (one layer, a table, an EPSG system) in this import's codes.
      throw new InvalidInputException(e.violations().stream()
          .map(v -> FieldViolation.of(v.field(), v.code().replaceFirst("^neighbourhoods\\.", "places."), v.message()))
          .toList());
    }
    List<PlaceDraft> drafts = new ArrayList<>();
    List<FieldViolation> faults = new ArrayList<>();
    for (UploadedFeature f : features) {
      String where = f.field();
      List<FieldViolation> coordinateFaults = new ArrayList<>();
      Point p = point(f.geometry());
      if (p == null) {
        coordinateFaults.add(FieldViolation.of(where + ".geometry", "places.not_point",
            where + ": the geometry is not one point" + (f.geometry() == null ? "" : " but a " + f.geometry().getGeometryType())));
      }
      try {
        drafts.add(PlaceDraft.of(where, text(f, "name", "namn"), text(f, "kind", "typ"), text(f, "municipality", "kommun"),
            text(f, "district", "ort"), p == null ? null : p.getX(), p == null ? null : p.getY(), f.srid(),
            coordinateFaults));
      } catch (InvalidInputException e) {
        faults.addAll(e.violations());
      }
      if (faults.size() >= GazetteerFiles.MAX_FAULTS) {
        break;
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return drafts;
  }

  private static Point point(Geometry g) {
    if (g instanceof Point p && !p.isEmpty()) {
      return p;
    }
    if (g instanceof MultiPoint m && m.getNumGeometries() == 1) {
      return (Point) m.getGeometryN(0);
    }
    return null;
  }

  private static String text(UploadedFeature f, String... names) {
    for (String n : names) {
      Object v = f.properties().get(n);
      if (v != null) {
        return v.toString();
      }
    }
    return null;
  }
}
