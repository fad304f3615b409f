package org.dialogkarta.pin;

import org.dialogkarta.kernel.Coded;

/** The planner's workflow status of a pin, shown to its submitter. */
public enum PinStatus implements Coded {
  RECEIVED("received"),
  IN_REVIEW("in_review"),
  FORWARDED("forwarded"),
  PLANNED("planned"),
  DONE("done"),
  NOT_FEASIBLE("not_feasible"),
  OUT_OF_SCOPE("out_of_scope");

  private final String code;

  PinStatus(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  @jakarta.persistence.Converter(autoApply = true)
  static class Converter extends Coded.Converter<PinStatus> {
    Converter() {
      super(PinStatus.class);
    }
  }
}
