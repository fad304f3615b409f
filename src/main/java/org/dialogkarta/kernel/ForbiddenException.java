package org.dialogkarta.kernel;

import java.util.List;

/**
 * A request that is well formed and would be answered for another role, refused for this
 * caller's role because of what it asks for (403), naming the fields at fault like
 * {@link InvalidInputException} so a form can mark them. A role that may not use a path at all
 * is refused earlier, by {@code security.SecurityConfig}.
 */
public class ForbiddenException extends RuntimeException {

  private final String code;
  private final List<FieldViolation> violations;

  public ForbiddenException(String code, List<FieldViolation> violations) {
    super(violations.isEmpty() ? "Your role does not allow this" : violations.getFirst().message());
    this.code = code;
    this.violations = List.copyOf(violations);
  }

  public String code() {
    return code;
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
