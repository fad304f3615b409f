package org.dialogkarta.pin;

import org.dialogkarta.kernel.Coded;

/** Optional, anonymous profile answer: the submitter's age band. */
public enum AgeBand implements Coded {
  UNDER_16("under_16"),
  FROM_16_TO_24("16_24"),
  FROM_25_TO_44("25_44"),
  FROM_45_TO_64("45_64"),
  FROM_65_TO_79("65_79"),
  FROM_80("80_plus");

  private final String code;

  AgeBand(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @jakarta.persistence.Converter(autoApply = true)
  static class Converter extends Coded.Converter<AgeBand> {
    Converter() {
      super(AgeBand.class);
    }
  }
}
