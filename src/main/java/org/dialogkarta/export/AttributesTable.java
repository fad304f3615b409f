package org.dialogkarta.export;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A GeoPackage table without geometry (data_type 'attributes' in gpkg_contents), for layers whose
 * schema has no geometry: the survey's answers, which GDAL and QGIS read as a plain table and
 * join to the pins by id. Rows go in by the same batched statement as features.
 */
final class AttributesTable {

  private AttributesTable() {}

  /** Creates the table and registers it; gives the insert statement (fid, then the fields). */
  static PreparedStatement start(Connection sqlite, LayerSchema layer) throws IOException {
    List<String> columns = new ArrayList<>(List.of("fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"));
    List<String> names = new ArrayList<>(List.of("fid"));
    for (Field f : layer.fields()) {
      columns.add("\"" + f.name() + "\" " + switch (f.type()) {
        case INTEGER -> "INTEGER";
        case REAL -> "DOUBLE";
        case TEXT -> "TEXT";
        case DATETIME -> "DATETIME";
        case DATE -> "DATE";
      });
      names.add("\"" + f.name() + "\"");
    }
    try (Statement s = sqlite.createStatement()) {
      s.execute("CREATE TABLE \"" + layer.name() + "\" (" + String.join(", ", columns) + ")");
      try (PreparedStatement p = sqlite.prepareStatement(
          "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, ?)")) {
        p.setString(1, layer.name());
        p.setString(2, layer.name());
        p.setString(3, layer.title());
        p.executeUpdate();
      }
      sqlite.setAutoCommit(false);
      return sqlite.prepareStatement("INSERT INTO \"" + layer.name() + "\" (" + String.join(", ", names) + ") VALUES ("
          + "?, ".repeat(names.size() - 1) + "?)");
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  static void bind(PreparedStatement insert, long fid, Feature feature) throws SQLException {
    insert.setLong(1, fid);
    Object[] values = feature.values();
    for (int i = 0; i < values.length; i++) {
      int p = i + 2;
      switch (values[i]) {
        case null -> insert.setNull(p, Types.NULL);
        case Long l -> insert.setLong(p, l);
        case Double d -> insert.setDouble(p, d);
        case OffsetDateTime t -> insert.setString(p, Field.iso(t));
        default -> insert.setString(p, values[i].toString());
      }
    }
  }
}
