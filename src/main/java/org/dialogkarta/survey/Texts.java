package org.dialogkarta.survey;

/** A text in Swedish (required where it is used) and English (optional). */
public record Texts(String sv, String en) {

  static Texts empty() {
    return new Texts(null, null);
  }
}
