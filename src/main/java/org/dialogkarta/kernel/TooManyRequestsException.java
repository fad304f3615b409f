package org.dialogkarta.kernel;

/** A client or an address has used its share for now: answered 429 with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {

  private final String code;
  private final int retryAfterSeconds;

  public TooManyRequestsException(String code, String message, int retryAfterSeconds) {
    super(message);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public String code() {
    return code;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
