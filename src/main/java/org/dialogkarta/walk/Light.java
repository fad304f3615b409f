package org.dialogkarta.walk;

import org.dialogkarta.kernel.Coded;

/** The light during a walk: a safety walk after dark sees what a daytime walk cannot. */
enum Light implements Coded {
  DAYLIGHT("daylight"),
  DUSK("dusk"),
  DARK("dark");

  private final String code;

  Light(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
