package org.dialogkarta.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads {@link SyntheticTown} pins into a dialogue of their own in the bench database, fast:
 * PostgreSQL COPY from the driver connection, then ANALYZE. Pins already there are reused when
 * their count matches, so a second benchmark run starts at once; any other count is replaced.
 * All pins are published and unmerged, so every analysis sees them.
 */
public final class BenchPins {

  public static final String SLUG = "bench-town";
  private static final long SEED = 20260301L;
  private static final List<String> STATUSES = List.of("received", "received", "in_review", "forwarded", "planned", "done");

  private BenchPins() {}

  /** {@code n} pins in dialogue {@value #SLUG}; returns the dialogue id. */
  public static long ensure(DataSource dataSource, int n) {
    return ensure(dataSource, SLUG, n);
  }

  /** {@code n} pins in the dialogue {@code slug} (made if missing); returns the dialogue id. */
  public static long ensure(DataSource dataSource, String slug, int n) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      long dialogue = dialogue(connection, slug);
      long present;
      try (PreparedStatement count = connection.prepareStatement(
          "SELECT count(*) FROM pin WHERE dialogue_id = ? AND moderation_state = 'published' AND merged_into IS NULL")) {
        count.setLong(1, dialogue);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          present = rs.getLong(1);
        }
      }
      long all;
      try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM pin WHERE dialogue_id = ?")) {
        count.setLong(1, dialogue);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          all = rs.getLong(1);
        }
      }
      if (present == n && all == n) {
        return dialogue;
      }
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pin WHERE dialogue_id = ?")) {
        delete.setLong(1, dialogue);
        delete.executeUpdate();
      }
      copy(connection, dialogue, n);
      try (Statement analyze = connection.createStatement()) {
        analyze.execute("ANALYZE pin");
      }
      return dialogue;
    } catch (SQLException e) {
      throw new IllegalStateException("could not load " + n + " bench pins", e);
    }
  }

  private static long dialogue(Connection connection, String slug) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO dialogue (slug, title, summary, status, participation_level, study_area, categories)
        VALUES (?, ?, 'Syntetiska pins for prestandamätning', 'ongoing', 'consultation',
                ST_Multi(ST_GeomFromText(?, 4326)),
                ARRAY['suggestion', 'safety_concern', 'service_gap', 'valued_place'])
        ON CONFLICT (slug) DO NOTHING""")) {
      insert.setString(1, slug);
      insert.setString(2, "Benchmark " + slug);
      insert.setString(3, SyntheticTown.STUDY_AREA_WKT);
      insert.executeUpdate();
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT id FROM dialogue WHERE slug = ?")) {
      select.setString(1, slug);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void copy(Connection connection, long dialogue, int n) throws SQLException {
    SyntheticTown town = new SyntheticTown(SEED);
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
        COPY pin (dialogue_id, location, category, text, source, status, created_at)
        FROM STDIN (FORMAT text)""");
    try {
      StringBuilder chunk = new StringBuilder(1 << 20);
      for (int i = 0; i < n; i++) {
        SyntheticTown.Pin pin = town.next();
        chunk.append(dialogue).append('\t')
            .append("SRID=4326;POINT(").append(pin.lon()).append(' ').append(pin.lat()).append(")\t")
            .append(pin.category()).append('\t')
            .append("Syntetisk pin ").append(pin.number()).append('\t')
            .append(pin.source()).append('\t')
            .append(STATUSES.get(pin.number() % STATUSES.size())).append('\t')
            .append(pin.at()).append('\n');
        if (chunk.length() > (1 << 20) - 512) {
          write(copy, chunk);
        }
      }
      write(copy, chunk);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    chunk.setLength(0);
  }
}
