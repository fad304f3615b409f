package org.dialogkarta.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;

/**
 * GeoPackage with NGA's library for the structure (file, CRS, feature tables, the RTree spatial
 * index extension and its triggers) and plain batched JDBC on its SQLite connection for the rows,
 * in one transaction: NGA's per-row DAO is several times slower for a million pins. Geometry
 * blobs are the GeoPackage header in front of the WKB PostGIS made, with an envelope for
 * everything but points; the RTree rows are written alongside. Each layer carries a QGIS style
 * in {@code layer_styles}. Built in a temporary file and copied to the output only when complete.
 */
final class GeoPackageWriter implements ExportWriter {

  private static final int BATCH = 10_000;

  private final OutputStream out;
  private final Path file;
  private final ExportCrs crs;
  private final GeoPackage gpkg;
  private final Connection sqlite;
  private final Geometries geometries = new Geometries();
  private final List<LayerSchema> written = new ArrayList<>();
  private LayerSchema schema;
  private PreparedStatement insert;
  private PreparedStatement index;
  private long fid;
  private int pending;
  private Envelope extent;

  GeoPackageWriter(OutputStream out, Path work, ExportCrs crs, CrsDefinitions definitions) throws IOException {
    this.out = out;
    this.crs = crs;
    Path dir = Files.createTempDirectory(work, "gpkg");
    this.file = dir.resolve("export.gpkg");
    GeoPackageManager.create(file.toFile());
    this.gpkg = GeoPackageManager.open(file.toFile());
    this.sqlite = gpkg.getConnection().getConnection();
    try (Statement s = sqlite.createStatement()) {
      // A temporary file that is thrown away on failure: no journal needed, and no fsync.
      s.execute("PRAGMA journal_mode = OFF");
      s.execute("PRAGMA synchronous = OFF");
      // SQLite's page cache lives outside the Java heap; 64 MiB keeps the table's and the RTree's
      // pages in memory while a million rows go in.
      s.execute("PRAGMA cache_size = -65536");
      s.execute("PRAGMA temp_store = MEMORY");
      // NGA stamps version 1.4, which GDAL before 3.7 (Debian 12's, QGIS 3.28's) warns about. Nothing
      // here needs 1.4: the tables and extensions written are those of 1.3.
      s.execute("PRAGMA user_version = 10300");
    } catch (SQLException e) {
      throw new IOException(e);
    }
    if (crs.epsg() != 4326) {
      SpatialReferenceSystem srs = new SpatialReferenceSystem();
      srs.setSrsId(crs.epsg());
      srs.setSrsName(definitions.name(crs));
      srs.setOrganization("EPSG");
      srs.setOrganizationCoordsysId(crs.epsg());
      srs.setDefinition(definitions.ogcWkt(crs));
      srs.setDescription(definitions.name(crs));
      try {
        gpkg.getSpatialReferenceSystemDao().create(srs);
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }

  @Override
  public void startLayer(LayerSchema layer) throws IOException {
    schema = layer;
    if (layer.geometry() == null) {
      insert = AttributesTable.start(sqlite, layer);
      index = null;
      fid = 0;
      extent = new Envelope();
      return;
    }
    GeometryColumns geometry = new GeometryColumns();
    geometry.setId(new TableColumnKey(layer.name(), "geom"));
    geometry.setGeometryType(GeometryType.valueOf(layer.geometry().name()));
    geometry.setZ((byte) 0);
    geometry.setM((byte) 0);
    geometry.setSrsId(crs.epsg());
    List<FeatureColumn> columns = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of("fid", "geom"));
    for (Field f : layer.fields()) {
      columns.add(FeatureColumn.createColumn(f.name(), switch (f.type()) {
        case INTEGER -> GeoPackageDataType.INTEGER;
        case REAL -> GeoPackageDataType.DOUBLE;
        case TEXT -> GeoPackageDataType.TEXT;
        case DATETIME -> GeoPackageDataType.DATETIME;
        case DATE -> GeoPackageDataType.DATE;
      }));
      names.add(f.name());
    }
    gpkg.createFeatureTable(FeatureTableMetadata.create(geometry, "fid", columns));
    RTreeIndexExtension rtree = new RTreeIndexExtension(gpkg);
    rtree.getOrCreate(layer.name(), "geom");
    rtree.createRTreeIndex(layer.name(), "geom");
    try {
      sqlite.setAutoCommit(false);
      insert = sqlite.prepareStatement("INSERT INTO \"" + layer.name() + "\" (" + String.join(", ", names)
          + ") VALUES (" + "?, ".repeat(names.size() - 1) + "?)");
      index = sqlite.prepareStatement("INSERT INTO \"rtree_" + layer.name()
          + "_geom\" (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)");
    } catch (SQLException e) {
      throw new IOException(e);
    }
    fid = 0;
    extent = new Envelope();
  }

  @Override
  public void write(Feature feature) throws IOException {
    fid++;
    if (schema.geometry() == null) {
      try {
        AttributesTable.bind(insert, fid, feature);
        insert.addBatch();
        if (++pending == BATCH) {
          flush();
        }
      } catch (SQLException e) {
        throw new IOException(e);
      }
      return;
    }
    byte[] wkb = feature.wkb();
    Envelope envelope = schema.geometry() == GeometryKind.POINT ? pointEnvelope(wkb)
        : geometries.read(wkb).getEnvelopeInternal();
    extent.expandToInclude(envelope);
    try {
      insert.setLong(1, fid);
      insert.setBytes(2, blob(wkb, envelope, schema.geometry() != GeometryKind.POINT));
      Object[] values = feature.values();
      for (int i = 0; i < values.length; i++) {
        int p = i + 3;
        switch (values[i]) {
          case null -> insert.setNull(p, Types.NULL);
          case Long l -> insert.setLong(p, l);
          case Double d -> insert.setDouble(p, d);
          case OffsetDateTime t -> insert.setString(p, Field.iso(t));
          default -> insert.setString(p, values[i].toString());
        }
      }
      insert.addBatch();
      index.setLong(1, fid);
      index.setDouble(2, envelope.getMinX());
      index.setDouble(3, envelope.getMaxX());
      index.setDouble(4, envelope.getMinY());
      index.setDouble(5, envelope.getMaxY());
      index.addBatch();
      if (++pending == BATCH) {
        flush();
      }
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  private void flush() throws SQLException {
    insert.executeBatch();
    if (index != null) {
      index.executeBatch();
    }
    pending = 0;
  }

  @Override
  public void endLayer() throws IOException {
    try {
      flush();
      insert.close();
      if (index != null) {
        index.close();
      }
      if (!extent.isNull()) {
        try (PreparedStatement s = sqlite.prepareStatement(
            "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, description = ? WHERE table_name = ?")) {
          s.setDouble(1, extent.getMinX());
          s.setDouble(2, extent.getMinY());
          s.setDouble(3, extent.getMaxX());
          s.setDouble(4, extent.getMaxY());
          s.setString(5, schema.title());
          s.setString(6, schema.name());
          s.executeUpdate();
        }
      }
      sqlite.commit();
      sqlite.setAutoCommit(true);
    } catch (SQLException e) {
      throw new IOException(e);
    }
    if (schema.geometry() == null) {
      return; // an attributes table: no index, no style
    }
    // Triggers keep the index right when QGIS edits the layer later.
    new RTreeIndexExtension(gpkg).createAllTriggers(schema.name(), "geom", "fid");
    written.add(schema);
  }

  @Override
  public void finish() throws IOException {
    try (Statement s = sqlite.createStatement()) {
      s.execute("""
          CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256),
            f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256),
            styleName TEXT(30), styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT,
            owner TEXT(30), ui TEXT(30), update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))""");
      s.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description)"
          + " VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS styles of the layers')");
      try (PreparedStatement p = sqlite.prepareStatement("""
          INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column,
            styleName, styleQML, styleSLD, useAsDefault, description, owner)
          VALUES ('', '', ?, 'geom', ?, ?, ?, 1, 'Dialogkarta', '')""")) {
        for (LayerSchema layer : written) {
          p.setString(1, layer.name());
          p.setString(2, layer.name());
          p.setString(3, QgisStyle.qml(layer));
          p.setString(4, SldStyle.sld(layer));
          p.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IOException(e);
    }
    gpkg.close();
    Files.copy(file, out);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    gpkg.close();
    Files.deleteIfExists(file);
    Files.deleteIfExists(file.getParent());
  }

  /** GeoPackage binary: "GP", version 0, flags (little-endian, envelope or none), srs id, envelope, WKB. */
  private byte[] blob(byte[] wkb, Envelope e, boolean withEnvelope) {
    ByteBuffer b = ByteBuffer.allocate(8 + (withEnvelope ? 32 : 0) + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) (withEnvelope ? 0b0000_0011 : 0b0000_0001));
    b.putInt(crs.epsg());
    if (withEnvelope) {
      b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
    }
    return b.put(wkb).array();
  }

  /** A point's x and y straight from its WKB (byte order, type, x, y), without a parser. */
  private static Envelope pointEnvelope(byte[] wkb) {
    ByteBuffer b = ByteBuffer.wrap(wkb).order(wkb[0] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    double x = b.getDouble(5);
    double y = b.getDouble(13);
    return new Envelope(x, x, y, y);
  }
}
