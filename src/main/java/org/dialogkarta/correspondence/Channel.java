package org.dialogkarta.correspondence;

import org.dialogkarta.kernel.Coded;

/** How a view reached the municipality when it did not come through the map. */
enum Channel implements Coded {
  LETTER("letter"),
  EMAIL("email"),
  PHONE("phone"),
  MEETING("meeting"),
  /** A formal answer to a consultation (remissvar) from an authority, company or association. */
  REMISS("remiss");

  private final String code;

  Channel(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
