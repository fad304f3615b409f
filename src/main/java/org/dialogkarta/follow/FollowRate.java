package org.dialogkarta.follow;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many confirmation and receipt-link messages one address and one client may cause in a
 * (UTC) day, counted in PostgreSQL ({@code follow_rate}) so every app node sees the same counts.
 * Neither is kept in clear: an address is counted under its SHA-256, a client (its IP address)
 * under an HMAC of the day and the address keyed with {@code follow_secret}. Each count is one
 * atomic {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING}; the first count of a day deletes
 * the days before.
 */
@Component
class FollowRate {

  private final JdbcClient jdbc;
  private final FollowTokens tokens;
  private final int perAddress;
  private final int perClient;

  FollowRate(JdbcClient jdbc, FollowTokens tokens, @Value("${dialogkarta.follow.messages-per-address-per-day:5}") int perAddress,
      @Value("${dialogkarta.follow.requests-per-client-per-day:30}") int perClient) {
    this.jdbc = jdbc;
    this.tokens = tokens;
    this.perAddress = perAddress;
    this.perClient = perClient;
  }

  /** Counts one message to {@code address}; false when the address has had its day's share. */
  boolean addressAllows(String address) {
    return count(FollowTokens.addressHash(address)) <= perAddress;
  }

  /** Counts one request from {@code client}; false when the client has had its day's share. */
  boolean clientAllows(String client) {
    return count(tokens.clientKey(today(), client)) <= perClient;
  }

  private int count(byte[] key) {
    LocalDate day = today();
    int n = jdbc.sql("""
            INSERT INTO follow_rate AS r (day, key, count) VALUES (:day, :key, 1)
            ON CONFLICT (day, key) DO UPDATE SET count = r.count + 1 RETURNING count""")
        .param("day", day).param("key", key).query(Integer.class).single();
    if (n == 1) {
      jdbc.sql("DELETE FROM follow_rate WHERE day < :day").param("day", day).update();
    }
    return n;
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
