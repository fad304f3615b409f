package org.dialogkarta.analysis.theme;

/** One pin's free text as the public sees it; the unit the themes group. */
public record Comment(long pinId, String text) {
  public Comment {
    text = text == null ? "" : text;
  }
}
