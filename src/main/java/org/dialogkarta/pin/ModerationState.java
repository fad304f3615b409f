package org.dialogkarta.pin;

import org.dialogkarta.kernel.Coded;

/** Whether a pin is public. Pending and hidden pins never appear on a public path. */
public enum ModerationState implements Coded {
  PENDING("pending"),
  PUBLISHED("published"),
  HIDDEN("hidden");

  private final String code;

  ModerationState(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @jakarta.persistence.Converter(autoApply = true)
  static class Converter extends Coded.Converter<ModerationState> {
    Converter() {
      super(ModerationState.class);
    }
  }
}
