package org.dialogkarta.receipt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a receipt token for an idempotent retry without keeping it readable: AES-GCM with a key
 * made from the request's digest, which only the request itself gives (the table holds a
 * different hash of it). Stored as {@code v1:} and base64 of nonce and ciphertext.
 */
final class TokenSeal {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 12;

  private TokenSeal() {}

  /** What the table keeps to recognise the same request: a hash of the digest, not the digest. */
  static byte[] stored(byte[] digest) {
    return sha256("dialogkarta-idempotency-stored\n", digest);
  }

  static String seal(byte[] digest, String token) {
    if (token == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher aes = cipher(Cipher.ENCRYPT_MODE, digest, nonce);
      byte[] sealed = aes.doFinal(token.getBytes(StandardCharsets.UTF_8));
      return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
          .put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The token, or null when none was kept or it was kept before sealing (an upgrade). */
  static String open(byte[] digest, String sealed) {
    if (sealed == null || !sealed.startsWith("v1:")) {
      return null;
    }
    try {
      byte[] all = Base64.getDecoder().decode(sealed.substring(3));
      Cipher aes = cipher(Cipher.DECRYPT_MODE, digest, Arrays.copyOf(all, NONCE_BYTES));
      return new String(aes.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  private static Cipher cipher(int mode, byte[] digest, byte[] nonce) throws GeneralSecurityException {
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(mode, new SecretKeySpec(sha256("dialogkarta-idempotency-seal\n", digest), "AES"),
        new GCMParameterSpec(128, nonce));
    return aes;
  }

  private static byte[] sha256(String purpose, byte[] digest) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(purpose.getBytes(StandardCharsets.UTF_8));
      return sha.digest(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
