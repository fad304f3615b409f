package org.dialogkarta.dialogue;

import org.dialogkarta.kernel.Coded;

/** Where a dialogue is in its life: only an ongoing dialogue takes new pins. */
public enum DialogueStatus implements Coded {
  PLANNED("planned"),
  ONGOING("ongoing"),
  COMPLETED("completed");

  private final String code;

  DialogueStatus(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @jakarta.persistence.Converter(autoApply = true)
  static class Converter extends Coded.Converter<DialogueStatus> {
    Converter() {
      super(DialogueStatus.class);
    }
  }
}
