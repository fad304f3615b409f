package org.dialogkarta.web;

import java.io.IOException;

/** Raised while reading a request body that grows past the configured limit; answered 413. */
public class BodyTooLargeException extends IOException {

  public BodyTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
  }
}
