package org.dialogkarta.kernel;

/** Something named in the request does not exist (or is not public); answered 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
