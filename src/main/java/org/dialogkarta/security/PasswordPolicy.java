package org.dialogkarta.security;

import org.dialogkarta.kernel.InvalidInputException;

/**
 * Passwords of staff accounts: long rather than complicated (NIST SP 800-63B), at least 12
 * characters and at most 72 bytes (bcrypt reads no more, so longer ones would be cut silently).
 */
final class PasswordPolicy {

  static final int MIN = 12;
  static final int MAX = 72;

  private PasswordPolicy() {}

  static void check(String password) {
    int bytes = password == null ? 0 : password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (password == null || password.codePointCount(0, password.length()) < MIN) {
      throw InvalidInputException.of("password", "password.too_short",
          "A password needs at least " + MIN + " characters");
    }
    if (bytes > MAX) {
      throw InvalidInputException.of("password", "password.too_long",
          "A password can be at most " + MAX + " bytes");
    }
    if (password.isBlank()) {
      throw InvalidInputException.of("password", "password.blank", "A password cannot be only spaces");
    }
  }
}
