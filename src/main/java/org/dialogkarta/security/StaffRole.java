package org.dialogkarta.security;

import org.dialogkarta.kernel.Coded;

/** What a staff member may do. Admin includes everything; planner includes moderator. */
public enum StaffRole implements Coded {
  MODERATOR("moderator"),
  PLANNER("planner"),
  GIS("gis"),
  ADMIN("admin");

  private final String code;

  StaffRole(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** The Spring Security authority of this role, e.g. {@code ROLE_PLANNER}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
