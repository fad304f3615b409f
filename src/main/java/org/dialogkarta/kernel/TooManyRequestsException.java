package org.dialogkarta.kernel;

/** A client or an address has used its share for now: answered 429 with {@code Retry-After}. */
public class TooManyRequestsException extends RetryLaterException {

  public TooManyRequestsException(String code, String message, int retryAfterSeconds) {
    super(code, message, retryAfterSeconds);
  }
}
