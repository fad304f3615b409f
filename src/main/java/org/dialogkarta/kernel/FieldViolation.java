package org.dialogkarta.kernel;

/**
 * One fault in a request: which field ({@code location.coordinates}, {@code text}, ...), a stable
 * code the pages translate ({@code text.too_long}), and an English message for API users.
 */
public record FieldViolation(String field, String code, String message) {

  public static FieldViolation of(String field, String code, String message) {
    return new FieldViolation(field, code, message);
  }
}
