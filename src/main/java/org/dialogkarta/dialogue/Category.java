package org.dialogkarta.dialogue;

import org.dialogkarta.kernel.Coded;

/** What a pin is about. The first three are in every dialogue; {@code valued_place} is optional. */
public enum Category implements Coded {
  SUGGESTION("suggestion"),
  SAFETY_CONCERN("safety_concern"),
  SERVICE_GAP("service_gap"),
  VALUED_PLACE("valued_place");

  private final String code;

  Category(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @jakarta.persistence.Converter(autoApply = true)
  static class Converter extends Coded.Converter<Category> {
    Converter() {
      super(Category.class);
    }
  }
}
