package org.dialogkarta.report;

import org.dialogkarta.kernel.Coded;

/**
 * What the municipality's position means for a view (PBL 5 kap. 17 §): accommodated in the plan,
 * partly, not at all (a reason is then required, and the sender is told under 5 kap. 24 §),
 * outside what the plan can decide, or noted.
 */
public enum Effect implements Coded {
  ACCOMMODATED("accommodated"),
  PARTLY_ACCOMMODATED("partly_accommodated"),
  NOT_ACCOMMODATED("not_accommodated"),
  OUTSIDE_SCOPE("outside_scope"),
  NOTED("noted");

  private final String code;

  Effect(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  /** Whether the sender must be told that their view was not (fully) met, 5 kap. 24 §. */
  public boolean notMet() {
    return this == NOT_ACCOMMODATED || this == PARTLY_ACCOMMODATED;
  }

  /** The effect a pin's workflow status already states, or null when the status decides nothing. */
  static Effect ofPinStatus(String status) {
    return switch (status) {
      case "planned", "done" -> ACCOMMODATED;
      case "not_feasible" -> NOT_ACCOMMODATED;
      case "out_of_scope" -> OUTSIDE_SCOPE;
      default -> null;
    };
  }
}
