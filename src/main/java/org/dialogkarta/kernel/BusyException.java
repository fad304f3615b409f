package org.dialogkarta.kernel;

/**
 * The service is busy with work of this kind and does not queue more: answered 503 with
 * {@code Retry-After}, so a client tries again shortly instead of piling on.
 */
public class BusyException extends RetryLaterException {

  public BusyException(String code, String message, int retryAfterSeconds) {
    super(code, message, retryAfterSeconds);
  }
}
