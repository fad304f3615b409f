package org.dialogkarta.area;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.kernel.InvalidInputException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads the one feature layer of a GeoPackage (OGC 12-128r18) with the NGA library. A GeoPackage
 * declares the coordinate system of its layer, typically SWEREF 99 TM (EPSG:3006) when it comes
 * from a Swedish municipality's GIS, so the features carry that code and are transformed later.
 * The library reads files only, so the upload goes through a temporary file that is always removed.
 */
public final class GeoPackageNeighbourhoods {

  private GeoPackageNeighbourhoods() {}

  static List<UploadedFeature> read(byte[] content) {
    return read(content, NeighbourhoodFiles::checkSize);
  }

  /**
   * The same reader for another feature's point or polygon layer (the gazetteer's): {@code sizeCheck}
   * sees the features read so far after each one and throws to stop a file past its limits.
   */
  public static List<UploadedFeature> read(byte[] content, Consumer<List<UploadedFeature>> sizeCheck) {
    Path file = null;
    try {
      file = Files.createTempFile("neighbourhoods-", ".gpkg");
      Files.write(file, content);
      return read(file, sizeCheck);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file left behind is removed with the temporary directory
        }
      }
    }
  }

  private static List<UploadedFeature> read(Path file, Consumer<List<UploadedFeature>> sizeCheck) {
    GeoPackage gpkg;
    try {
      gpkg = GeoPackageManager.open(file.toFile());
    } catch (RuntimeException e) {
      throw notAGeoPackage(e);
    }
    try (gpkg) {
      List<String> layers = gpkg.getFeatureTables();
      if (layers.size() != 1) {
        throw InvalidInputException.of(NeighbourhoodFiles.FIELD, "neighbourhoods.layers",
            "The GeoPackage must hold exactly one feature layer of neighbourhoods; it holds "
                + layers.size() + (layers.isEmpty() ? "" : " " + layers));
      }
      // A view can make any number of rows out of a few bytes (a recursive one, millions): only a
      // plain table is read, and only up to one row past the limit, within a time budget.
      Object type = gpkg.getConnection().querySingleResult(
          "SELECT type FROM sqlite_master WHERE name = ? COLLATE NOCASE", new String[] {layers.getFirst()});
      if (!"table".equals(type)) {
        throw InvalidInputException.of(NeighbourhoodFiles.FIELD, "neighbourhoods.view",
            "The GeoPackage's layer '" + layers.getFirst() + "' is a " + type + ", not a table: save the layer itself");
      }
      FeatureDao dao = gpkg.getFeatureDao(layers.getFirst());
      int srid = epsg(dao.getSrs());
      List<UploadedFeature> features = new ArrayList<>();
      long deadline = System.nanoTime() + NeighbourhoodFiles.READ_BUDGET.toNanos();
      FeatureResultSet rows = dao.queryForAll();
      try {
        while (rows.moveToNext()) {
          features.add(feature(features.size(), rows.getRow(), dao.getGeometryColumnName(), srid));
          sizeCheck.accept(features);
          if (System.nanoTime() > deadline) {
            throw InvalidInputException.of(NeighbourhoodFiles.FIELD, "neighbourhoods.too_slow",
                "Reading the GeoPackage took longer than " + NeighbourhoodFiles.READ_BUDGET.toSeconds()
                    + " s; simplify the boundaries or send fewer");
          }
        }
      } finally {
        rows.close();
      }
      return features;
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw notAGeoPackage(e);
    }
  }

  private static UploadedFeature feature(int index, FeatureRow row, String geometryColumn, int srid) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (String column : row.getColumnNames()) {
      if (!column.equalsIgnoreCase(geometryColumn)) {
        properties.put(column.toLowerCase(Locale.ROOT), row.getValue(column));
      }
    }
    Geometry g = null;
    GeoPackageGeometryData data = row.getGeometry();
    if (data != null && !data.isEmpty()) {
      try {
        g = new WKBReader(Wgs84.FACTORY).read(data.getWkb());
      } catch (Exception e) {
        throw InvalidInputException.of("features[" + index + "]", "neighbourhoods.geometry_malformed",
            new UploadedFeature(index, properties, null, srid).label() + " has a geometry that cannot be read");
      }
    }
    return new UploadedFeature(index, properties, g, srid);
  }

  /** Only EPSG-registered systems can be transformed by PostGIS without guessing. */
  private static int epsg(SpatialReferenceSystem srs) {
    if (srs == null || !"EPSG".equalsIgnoreCase(srs.getOrganization()) || srs.getOrganizationCoordsysId() <= 0) {
      throw InvalidInputException.of(NeighbourhoodFiles.FIELD, "neighbourhoods.crs_unknown",
          "The GeoPackage layer's coordinate system is not an EPSG system"
              + (srs == null ? "" : " (" + srs.getOrganization() + " " + srs.getOrganizationCoordsysId() + ")")
              + ": save it as EPSG:3006 (SWEREF 99 TM) or EPSG:4326");
    }
    return (int) srs.getOrganizationCoordsysId();
  }

  private static InvalidInputException notAGeoPackage(RuntimeException e) {
    return InvalidInputException.of(NeighbourhoodFiles.FIELD, "neighbourhoods.file_type",
        "The file is an SQLite database but not a readable GeoPackage: " + e.getMessage());
  }
}
