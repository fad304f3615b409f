package org.dialogkarta.dialogue;

import org.dialogkarta.kernel.Coded;

/**
 * When a dialogue's pins become public: {@code pre}, only once a moderator has approved them
 * (for sensitive subjects, e.g. safety walks naming people); {@code post}, at once, and a
 * moderator may hide them afterwards.
 */
public enum ModerationMode implements Coded {
  PRE("pre"),
  POST("post");

  private final String code;

  ModerationMode(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @jakarta.persistence.Converter(autoApply = true)
  static class Converter extends Coded.Converter<ModerationMode> {
    Converter() {
      super(ModerationMode.class);
    }
  }
}
