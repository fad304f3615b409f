package org.dialogkarta.kernel;

import java.util.List;

/** Input that parsed but breaks a rule; answered 422 with the list of fields at fault. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldViolation> violations;

  public InvalidInputException(List<FieldViolation> violations) {
    super(violations.isEmpty() ? "Invalid input" : violations.getFirst().message());
    this.violations = List.copyOf(violations);
  }

  public static InvalidInputException of(String field, String code, String message) {
    return new InvalidInputException(List.of(FieldViolation.of(field, code, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
