package org.dialogkarta.correspondence;

import org.dialogkarta.kernel.Coded;

/** Who sent a view, as a kind: the report counts views by it; names are kept apart. */
enum SenderType implements Coded {
  PRIVATE_PERSON("private_person"),
  ASSOCIATION("association"),
  COMPANY("company"),
  AUTHORITY("authority");

  private final String code;

  SenderType(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
