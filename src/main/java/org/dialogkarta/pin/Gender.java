package org.dialogkarta.pin;

import org.dialogkarta.kernel.Coded;

/** Optional, anonymous profile answer. Not answering is stored as no value. */
public enum Gender implements Coded {
  WOMAN("woman"),
  MAN("man"),
  OTHER("other");

  private final String code;

  Gender(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @jakarta.persistence.Converter(autoApply = true)
  static class Converter extends Coded.Converter<Gender> {
    Converter() {
      super(Gender.class);
    }
  }
}
