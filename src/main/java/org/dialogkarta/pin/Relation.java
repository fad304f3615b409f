package org.dialogkarta.pin;

import org.dialogkarta.kernel.Coded;

/** Optional, anonymous profile answer: how the submitter relates to the area. */
public enum Relation implements Coded {
  LIVES("lives"),
  WORKS("works"),
  STUDIES("studies"),
  VISITS("visits");

  private final String code;

  Relation(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @jakarta.persistence.Converter(autoApply = true)
  static class Converter extends Coded.Converter<Relation> {
    Converter() {
      super(Relation.class);
    }
  }
}
