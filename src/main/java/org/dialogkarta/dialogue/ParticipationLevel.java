package org.dialogkarta.dialogue;

import org.dialogkarta.kernel.Coded;

/** The rung of the Swedish participation ladder that the dialogue offers. */
public enum ParticipationLevel implements Coded {
  INFORMATION("information"),
  CONSULTATION("consultation"),
  DIALOGUE("dialogue"),
  CO_DECISION("co_decision");

  private final String code;

  ParticipationLevel(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @jakarta.persistence.Converter(autoApply = true)
  static class Converter extends Coded.Converter<ParticipationLevel> {
    Converter() {
      super(ParticipationLevel.class);
    }
  }
}
