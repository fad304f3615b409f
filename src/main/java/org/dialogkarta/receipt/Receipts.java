package org.dialogkarta.receipt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Receipt tokens: the private link through which a submitter without an account follows their
 * pins. 256 random bits, base64url; only the SHA-256 hash is stored. Public because a receipt
 * is also what lets its holder add photos to their pins and see them before moderation. Pins,
 * supports and photos use it; it knows nothing of them.
 */
@Component
public class Receipts {

  /** A receipt as the submitter holds it: the row id and the token in clear. */
  public record Issued(long id, String token) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcClient jdbc;

  Receipts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The receipt the submitter already holds, when {@code token} names one; otherwise a new
   * receipt (an unknown or stale token starts a new one rather than failing the submission).
   */
  public Issued findOrIssue(String token) {
    return Optional.ofNullable(token)
        .flatMap(t -> find(t).map(id -> new Issued(id, t)))
        .orElseGet(this::issue);
  }

  public Issued issue() {
    String token = newToken();
    long id = jdbc.sql("INSERT INTO receipt (token_hash) VALUES (:hash) RETURNING id")
        .param("hash", hash(token))
        .query(Long.class)
        .single();
    return new Issued(id, token);
  }

  /**
   * A further token for receipt {@code receiptId} (a lost link sent again by e-mail): the first
   * token cannot be rebuilt from its hash, so a new one is made, stored hashed beside it
   * ({@code receipt_token}, V33), and either opens the receipt.
   */
  public String issueAnother(long receiptId) {
    String token = newToken();
    jdbc.sql("INSERT INTO receipt_token (token_hash, receipt_id) VALUES (:hash, :receipt)")
        .param("hash", hash(token)).param("receipt", receiptId).update();
    return token;
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The header a receipt token travels in (never a URL path: paths end up in access logs). */
  public static final String HEADER = "X-Receipt-Token";

  /** The receipt's id, or 404 for a missing, malformed or unknown token. */
  public long require(String token) {
    return find(token).orElseThrow(() -> new NotFoundException(
        "No receipt for this token; send the whole token from your receipt link in the " + HEADER + " header"));
  }

  /** The receipt's id, or empty for a missing, malformed or unknown token. */
  public Optional<Long> find(String token) {
    if (!isWellFormed(token)) {
      return Optional.empty();
    }
    return jdbc.sql("""
            SELECT id FROM receipt WHERE token_hash = :hash
            UNION ALL SELECT receipt_id FROM receipt_token WHERE token_hash = :hash LIMIT 1""")
        .param("hash", hash(token))
        .query(Long.class)
        .optional();
  }

  static boolean isWellFormed(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
