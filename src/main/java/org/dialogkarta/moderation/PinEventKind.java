package org.dialogkarta.moderation;

import org.dialogkarta.kernel.Coded;

/**
 * What happened to a pin. Whether an event reaches the submitter's receipt is decided here, once:
 * the outcome of moderation, status changes, replies, a merge and the fact (never the text) of a
 * redaction are theirs to know; which department has it before it is forwarded, and which pins
 * were folded into theirs, are staff matters.
 */
public enum PinEventKind implements Coded {
  MODERATION("moderation", true),
  STATUS("status", true),
  ASSIGNMENT("assignment", false),
  REPLY("reply", true),
  MERGED_INTO("merged_into", true),
  MERGED_FROM("merged_from", false),
  REDACTION("redaction", true);

  private final String code;
  private final boolean shownToSubmitter;

  PinEventKind(String code, boolean shownToSubmitter) {
    this.code = code;
    this.shownToSubmitter = shownToSubmitter;
  }

  @Override
  public String code() {
    return code;
  }

  public boolean shownToSubmitter() {
    return shownToSubmitter;
  }
}
