package org.dialogkarta.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The systems allowed to post Open311 service requests ({@code open311_client}, V32), one API key
 * each. The key is made here, shown once, and stored only as its SHA-256; {@link #authenticate}
 * finds the enabled client of a key, and {@link #allowPost} counts its posts per hour against its
 * own limit on every node alike ({@code open311_rate}).
 */
@Component
class Open311Clients {

  private static final SecureRandom RANDOM = new SecureRandom();

  record Client(long id, String name, boolean enabled, int postsPerHour, OffsetDateTime createdAt,
      OffsetDateTime revokedAt) {}

  /** A client just made, with its key: the only time the key is seen. */
  record Created(Client client, String apiKey) {}

  private final JdbcClient jdbc;

  Open311Clients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Created create(String name, Integer postsPerHour) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > 200) {
      throw InvalidInputException.of("name", "open311.name_invalid", "A name of 1–200 characters");
    }
    int limit = postsPerHour == null ? 600 : postsPerHour;
    if (limit < 1 || limit > 100_000) {
      throw InvalidInputException.of("postsPerHour", "open311.limit_invalid", "Between 1 and 100000 posts an hour");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String key = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    long id = jdbc.sql("""
            INSERT INTO open311_client (name, key_sha256, posts_per_hour) VALUES (:name, :hash, :limit) RETURNING id""")
        .param("name", clean).param("hash", sha256(key)).param("limit", limit)
        .query(Long.class).single();
    return new Created(get(id), key);
  }

  List<Client> list() {
    return jdbc.sql("SELECT * FROM open311_client ORDER BY id").query(Open311Clients::client).list();
  }

  Client get(long id) {
    return jdbc.sql("SELECT * FROM open311_client WHERE id = :id").param("id", id).query(Open311Clients::client)
        .optional().orElseThrow(() -> new NotFoundException("No Open311 client " + id));
  }

  Client revoke(long id) {
    get(id);
    jdbc.sql("UPDATE open311_client SET enabled = false, revoked_at = coalesce(revoked_at, now()) WHERE id = :id")
        .param("id", id).update();
    return get(id);
  }

  /** The enabled client whose key this is; empty for a missing, unknown or revoked key. */
  Optional<Client> authenticate(String apiKey) {
    if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM open311_client WHERE key_sha256 = :hash AND enabled")
        .param("hash", sha256(apiKey.strip())).query(Open311Clients::client).optional();
  }

  /** Counts one post of {@code client} in this hour; false once it is over its limit. */
  boolean allowPost(Client client) {
    jdbc.sql("DELETE FROM open311_rate WHERE client_id = :c AND window_start < date_trunc('hour', now())")
        .param("c", client.id()).update();
    int posts = jdbc.sql("""
            INSERT INTO open311_rate (client_id, window_start, posts) VALUES (:c, date_trunc('hour', now()), 1)
            ON CONFLICT (client_id, window_start) DO UPDATE SET posts = open311_rate.posts + 1
            RETURNING posts""")
        .param("c", client.id()).query(Integer.class).single();
    return posts <= client.postsPerHour();
  }

  private static Client client(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Client(rs.getLong("id"), rs.getString("name"), rs.getBoolean("enabled"), rs.getInt("posts_per_hour"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
