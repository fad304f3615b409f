package org.dialogkarta.kernel;

/**
 * The request is well formed but the state of things forbids it (a dialogue not open for pins);
 * answered 409. The {@code code} is stable so pages can explain it in the reader's language.
 */
public class ConflictException extends RuntimeException {

  private final String code;

  public ConflictException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
