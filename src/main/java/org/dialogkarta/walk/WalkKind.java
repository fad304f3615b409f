package org.dialogkarta.walk;

import org.dialogkarta.kernel.Coded;

/** A safety walk (trygghetsvandring) or a community walk (samhällsvandring). */
enum WalkKind implements Coded {
  SAFETY_WALK("safety_walk"),
  COMMUNITY_WALK("community_walk");

  private final String code;

  WalkKind(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
