package org.dialogkarta.follow;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tokens in follow links. A confirmation token is 256 random bits of which only the SHA-256 is
 * stored (single use, expiring). An unsubscribe token is the subscription's id signed with an
 * HMAC keyed by {@code follow_secret} (made at random by the first node that needs it): it can be
 * made again for every message without being stored, and it does nothing but end that one
 * subscription.
 */
@Component
class FollowTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final JdbcClient jdbc;
  private volatile byte[] secret;

  FollowTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return B64.encodeToString(bytes);
  }

  static boolean isRandomToken(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The key under which an address is counted and remembered without being kept in clear. */
  static byte[] addressHash(String address) {
    return sha256("address:" + address.strip().toLowerCase(Locale.ROOT));
  }

  /** What an unsubscribe token ends: one subscription, or every digest of its address. */
  record Unsubscribe(long subscriptionId, boolean allDigests) {}

  String unsubscribe(long subscriptionId) {
    return subscriptionId + "." + B64.encodeToString(mac(subscriptionId, false));
  }

  /** The token that ends every digest subscription of subscription {@code subscriptionId}'s address. */
  String unsubscribeAllDigests(long subscriptionId) {
    return subscriptionId + ".all." + B64.encodeToString(mac(subscriptionId, true));
  }

  /** What an unsubscribe token names, when its signature is right. */
  Optional<Unsubscribe> unsubscribeOf(String token) {
    if (token == null || !token.matches("[0-9]{1,18}(\\.all)?\\.[A-Za-z0-9_-]{22}")) {
      return Optional.empty();
    }
    long id = Long.parseLong(token.substring(0, token.indexOf('.')));
    boolean all = token.contains(".all.");
    byte[] given = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    return MessageDigest.isEqual(given, mac(id, all)) ? Optional.of(new Unsubscribe(id, all)) : Optional.empty();
  }

  private byte[] mac(long id, boolean all) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
      mac.update(ByteBuffer.allocate(Long.BYTES).putLong(id).array());
      if (all) {
        mac.update("all".getBytes(StandardCharsets.US_ASCII));
      }
      return Arrays.copyOf(mac.doFinal(), 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private byte[] secret() {
    byte[] known = secret;
    if (known == null) {
      byte[] fresh = new byte[32];
      RANDOM.nextBytes(fresh);
      jdbc.sql("INSERT INTO follow_secret (secret) VALUES (:fresh) ON CONFLICT (only_row) DO NOTHING")
          .param("fresh", fresh).update();
      known = jdbc.sql("SELECT secret FROM follow_secret").query(byte[].class).single();
      secret = known;
    }
    return known;
  }
}
