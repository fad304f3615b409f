package org.dialogkarta.pin;

import org.dialogkarta.kernel.Coded;

/** How a pin came in: on the web, during a walk, or at a meeting (entered by a facilitator). */
public enum Source implements Coded {
  WEB("web"),
  WALK("walk"),
  MEETING("meeting");

  private final String code;

  Source(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @jakarta.persistence.Converter(autoApply = true)
  static class Converter extends Coded.Converter<Source> {
    Converter() {
      super(Source.class);
    }
  }
}
