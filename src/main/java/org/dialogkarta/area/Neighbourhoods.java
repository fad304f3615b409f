package org.dialogkarta.area;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.geo.StudyAreaReader;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Neighbourhoods and their population: imported from a planner's file, replaced by code. The
 * whole file is checked before anything is written, and written in one transaction, so a refused
 * file changes nothing. The database re-assigns the pins of every imported boundary (V8 triggers).
 */
@Service
public class Neighbourhoods {

  public record Imported(int imported, List<Repaired> repaired, long assignedPins) {}

  public record Repaired(String code, String reason) {}

  /** One neighbourhood as staff see it; {@code populationByGroup} is age band -> gender -> people. */
  public record Listed(long id, String code, String name, Integer population,
      Map<String, Map<String, Integer>> populationByGroup) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;

  Neighbourhoods(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  public Imported importFile(byte[] content) {
    List<UploadedFeature> features = NeighbourhoodFiles.read(content);
    if (features.isEmpty()) {
      throw InvalidInputException.of(NeighbourhoodFiles.FIELD, "neighbourhoods.no_features", "The file has no features");
    }
    List<NeighbourhoodDraft> drafts = new ArrayList<>();
    List<FieldViolation> faults = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (UploadedFeature f : features) {
      try {
        NeighbourhoodDraft d = draft(f);
        if (!codes.add(d.code())) {
          throw NeighbourhoodDraft.refuse(f, "neighbourhoods.duplicate_code",
              "has the code " + d.code() + ", which an earlier feature in the file has too");
        }
        drafts.add(d);
      } catch (InvalidInputException e) {
        faults.addAll(e.violations());
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    List<Map<String, Object>> before = jdbc.sql(
            "SELECT code, name, population FROM neighbourhood WHERE code = ANY (CAST(:codes AS text[])) ORDER BY code")
        .param("codes", codes.toArray(String[]::new)).query().listOfRows();
    List<Long> ids = drafts.stream().map(this::store).toList();
    long assigned = jdbc.sql("SELECT count(*) FROM pin WHERE neighbourhood_id = ANY (CAST(:ids AS bigint[]))")
        .param("ids", ids.toArray(Long[]::new)).query(Long.class).single();
    List<Repaired> repaired = drafts.stream().filter(d -> d.repair() != null)
        .map(d -> new Repaired(d.code(), d.repair())).toList();
    Imported result = new Imported(drafts.size(), repaired, assigned);
    audit.record("neighbourhoods.import", "neighbourhood", null, before,
        Map.of("codes", drafts.stream().map(NeighbourhoodDraft::code).toList(), "repaired", repaired,
            "assignedPins", assigned));
    return result;
  }

  @Transactional(readOnly = true)
  public List<Listed> list() {
    Map<Long, Map<String, Map<String, Integer>>> groups = new LinkedHashMap<>();
    jdbc.sql("SELECT neighbourhood_id, age_band, gender, population FROM neighbourhood_population")
        .query(rs -> {
          groups.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
              .computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>())
              .put(rs.getString(3), rs.getInt(4));
        });
    return jdbc.sql("SELECT id, code, name, population FROM neighbourhood ORDER BY code")
        .query((rs, i) -> new Listed(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
            rs.getObject("population", Integer.class), ordered(groups.get(rs.getLong("id")))))
        .list();
  }

  private NeighbourhoodDraft draft(UploadedFeature f) {
    Geometry g = f.geometry();
    if (g != null && f.srid() != Wgs84.SRID) {
      g = toWgs84(f, g);
    }
    if (g != null) {
      requireLonLat(f, g);
    }
    Boundaries.Checked boundary = Boundaries.check(f, g);
    return NeighbourhoodDraft.of(f, boundary.boundary(), boundary.repair());
  }

  /** PostGIS (PROJ) does the transformation, the same code that makes the exports to SWEREF 99 TM. */
  private Geometry toWgs84(UploadedFeature f, Geometry g) {
    boolean known = jdbc.sql("SELECT EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = :srid)")
        .param("srid", f.srid()).query(Boolean.class).single();
    if (!known) {
      throw InvalidInputException.of(NeighbourhoodFiles.FIELD, "neighbourhoods.crs_unknown",
          "The file's coordinate system EPSG:" + f.srid() + " is unknown here: save it as EPSG:3006 or EPSG:4326");
    }
    byte[] wkb = jdbc.sql("SELECT ST_AsBinary(ST_Transform(ST_GeomFromWKB(:wkb, :srid), 4326))")
        .param("wkb", new WKBWriter().write(g)).param("srid", f.srid()).query(byte[].class).single();
    try {
      return new WKBReader(Wgs84.FACTORY).read(wkb);
    } catch (ParseException e) {
      throw new IllegalStateException("PostGIS returned unreadable WKB", e);
    }
  }

  private static void requireLonLat(UploadedFeature f, Geometry g) {
    try {
      StudyAreaReader.requireLonLat(g, f.field(), "neighbourhoods");
    } catch (InvalidInputException e) {
      Coordinate c = g.getCoordinates()[0];
      throw NeighbourhoodDraft.refuse(f, "neighbourhoods.not_wgs84", "has coordinates (" + c.x + ", " + c.y
          + ") that are not longitude/latitude. GeoJSON must be in WGS84 (RFC 7946); these look like"
          + " metres of a projected system such as SWEREF 99 TM (EPSG:3006). Export the file as EPSG:4326,"
          + " or upload a GeoPackage, which declares its coordinate system");
    }
  }

  private long store(NeighbourhoodDraft d) {
    long id = jdbc.sql("""
            INSERT INTO neighbourhood (code, name, population, boundary)
            VALUES (:code, :name, :population, ST_Multi(ST_GeomFromWKB(:wkb, 4326)))
            ON CONFLICT (code) DO UPDATE
                SET name = EXCLUDED.name, population = EXCLUDED.population, boundary = EXCLUDED.boundary
            RETURNING id""")
        .param("code", d.code()).param("name", d.name()).param("population", d.population())
        .param("wkb", new WKBWriter().write(d.boundary()))
        .query(Long.class).single();
    jdbc.sql("DELETE FROM neighbourhood_population WHERE neighbourhood_id = :id").param("id", id).update();
    d.groups().forEach((group, people) -> jdbc.sql("""
            INSERT INTO neighbourhood_population (neighbourhood_id, age_band, gender, population)
            VALUES (:id, :band, :gender, :people)""")
        .param("id", id).param("band", group.ageBand()).param("gender", group.gender()).param("people", people)
        .update());
    return id;
  }

  /** Age bands youngest first and genders in the profile's order, whatever order the rows came in. */
  private static Map<String, Map<String, Integer>> ordered(Map<String, Map<String, Integer>> groups) {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    if (groups == null) {
      return out;
    }
    for (String band : PopulationGroup.AGE_BANDS) {
      Map<String, Integer> byGender = groups.get(band);
      if (byGender != null) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        PopulationGroup.GENDERS.stream().filter(byGender::containsKey).forEach(g -> sorted.put(g, byGender.get(g)));
        out.put(band, sorted);
      }
    }
    return out;
  }
}
