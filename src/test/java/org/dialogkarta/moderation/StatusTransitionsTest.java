package org.dialogkarta.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.pin.PinStatus;
import org.dialogkarta.kernel.Coded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole table: every pair of statuses, allowed or not, with the reason in the planner's words. */
class StatusTransitionsTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(textBlock = """
      # from,       to,           allowed
      received,     received,     true
      received,     in_review,    true
      received,     forwarded,    true
      received,     planned,      true
      received,     done,         true
      received,     not_feasible, true
      received,     out_of_scope, true
      in_review,    received,     true
      in_review,    in_review,    true
      in_review,    forwarded,    true
      in_review,    planned,      true
      in_review,    done,         true
      in_review,    not_feasible, true
      in_review,    out_of_scope, true
      forwarded,    received,     false
      forwarded,    in_review,    true
      forwarded,    forwarded,    true
      forwarded,    planned,      true
      forwarded,    done,         true
      forwarded,    not_feasible, true
      forwarded,    out_of_scope, true
      planned,      received,     false
      planned,      in_review,    true
      planned,      forwarded,    true
      planned,      planned,      true
      planned,      done,         true
      planned,      not_feasible, true
      planned,      out_of_scope, true
      done,         received,     false
      done,         in_review,    true
      done,         forwarded,    false
      done,         planned,      true
      done,         done,         true
      done,         not_feasible, false
      done,         out_of_scope, false
      not_feasible, received,     false
      not_feasible, in_review,    true
      not_feasible, forwarded,    false
      not_feasible, planned,      false
      not_feasible, done,         false
      not_feasible, not_feasible, true
      not_feasible, out_of_scope, false
      out_of_scope, received,     false
      out_of_scope, in_review,    true
      out_of_scope, forwarded,    false
      out_of_scope, planned,      false
      out_of_scope, done,         false
      out_of_scope, not_feasible, false
      out_of_scope, out_of_scope, true
      """)
  void transition(String from, String to, boolean allowed) {
    assertThat(StatusTransitions.allowed(status(from), status(to))).isEqualTo(allowed);
  }

  @Test
  void keepingTheStatusIsNoTransition() {
    // The table above has 7 × 7 rows; a new status needs its rows there before it is used.
    assertThat(PinStatus.values()).hasSize(7);
    for (PinStatus from : PinStatus.values()) {
      assertThat(StatusTransitions.next(from)).doesNotContain(from);
    }
  }

  private static PinStatus status(String code) {
    return Coded.fromCode(PinStatus.class, code).orElseThrow();
  }
}
