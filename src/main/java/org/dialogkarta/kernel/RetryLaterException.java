package org.dialogkarta.kernel;

/**
 * A refusal the client should try again after {@code retryAfterSeconds} (sent as
 * {@code Retry-After}), with a problem code: {@link BusyException} (503) or
 * {@link TooManyRequestsException} (429).
 */
public abstract class RetryLaterException extends RuntimeException {

  private final String code;
  private final int retryAfterSeconds;

  protected RetryLaterException(String code, String message, int retryAfterSeconds) {
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
