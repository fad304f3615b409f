package org.dialogkarta.report.document;

import java.time.LocalDate;

/**
 * Section 5, one line of the appendix: every view, in number order.
 *
 * @param number the view's number in the report, e.g. "K-1042" for a map pin, "B-17" for a
 *     registered view
 * @param channel e.g. "Karta", "Trygghetsvandring", "Brev", "Remissvar"
 * @param place the neighbourhood's name, or coordinates "N 6 580 123, E 674 210 (SWEREF 99 TM)",
 *     or "Hela området"
 * @param text the full text with redactions applied; null when hidden by moderation
 * @param hiddenReason set only when the view was hidden: the moderation reason
 * @param topic the topic's title, or null
 * @param position the answer to it: the view's own, else its topic's
 */
public record AppendixEntry(
    String number,
    LocalDate date,
    String channel,
    String place,
    String text,
    String hiddenReason,
    String topic,
    Position position) {

  /**
   * Hidden by moderation: no text, or a moderation reason. The reason counts too, so that a text
   * handed over by mistake for a hidden view is still never written.
   */
  public boolean hidden() {
    return text == null || hiddenReason != null;
  }

  /** The text to lay out, or null when the view is hidden: the only way the writers read it. */
  public String visibleText() {
    return hidden() ? null : text;
  }
}
