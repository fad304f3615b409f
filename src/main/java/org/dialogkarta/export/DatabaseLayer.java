package org.dialogkarta.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a {@link SqlLayer} through a server-side cursor: PostgreSQL's driver fetches rows in
 * batches only inside a transaction with a fetch size, so the read runs in a read-only
 * transaction and each row is written before the next batch is fetched. A million pins never sit
 * in memory together.
 */
final class DatabaseLayer implements ExportLayer {

  private final SqlLayer layer;
  private final NamedParameterJdbcTemplate cursor;
  private final TransactionTemplate readOnly;

  DatabaseLayer(SqlLayer layer, NamedParameterJdbcTemplate cursor, TransactionTemplate readOnly) {
    this.layer = layer;
    this.cursor = cursor;
    this.readOnly = readOnly;
  }

  @Override
  public LayerSchema schema() {
    return layer.schema();
  }

  @Override
  public Prepared prepare(Scope scope) {
    return new Prepared() {
      @Override
      public long count() {
        Long n = cursor.queryForObject(layer.count(scope.dialogueId() != null), params(scope, 4326), Long.class);
        return n == null ? 0 : n;
      }

      @Override
      public void read(ExportCrs crs, boolean lonLat, Sink sink) throws IOException {
        DatabaseLayer.this.read(scope, crs, lonLat, sink);
      }
    };
  }

  private void read(Scope scope, ExportCrs crs, boolean lonLat, Sink sink) throws IOException {
    String sql = layer.select(scope.dialogueId() != null, true, lonLat);
    List<Field> fields = layer.schema().fields();
    try {
      readOnly.executeWithoutResult(tx -> cursor.query(sql, params(scope, crs.epsg()), (ResultSet rs) -> {
        try {
          sink.accept(feature(rs, fields, lonLat));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Feature feature(ResultSet rs, List<Field> fields, boolean lonLat) throws SQLException {
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      int column = i + 2;
      values[i] = switch (fields.get(i).type()) {
        case INTEGER -> {
          long v = rs.getLong(column);
          yield rs.wasNull() ? null : v;
        }
        case REAL -> {
          double v = rs.getDouble(column);
          yield rs.wasNull() ? null : v;
        }
        case TEXT -> rs.getString(column);
        case DATETIME -> rs.getObject(column, OffsetDateTime.class);
        case DATE -> rs.getObject(column, java.time.LocalDate.class);
      };
    }
    byte[] wkb = rs.getBytes(1);
    if (lonLat) {
      return new Feature(wkb, values, rs.getDouble(fields.size() + 2), rs.getDouble(fields.size() + 3));
    }
    return new Feature(wkb, values);
  }

  private static MapSqlParameterSource params(Scope scope, int srid) {
    MapSqlParameterSource params = new MapSqlParameterSource(Map.of("srid", srid));
    if (scope.dialogueId() != null) {
      params.addValue("dialogue", scope.dialogueId());
    }
    return params;
  }
}
