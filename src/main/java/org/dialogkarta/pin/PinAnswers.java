package org.dialogkarta.pin;

import java.util.List;

/**
 * Answers to the questions of a pin's category, which come with the pin. The pin needs them
 * checked and stored in its own transaction; the survey feature knows the questions and
 * implements this, so {@code pin} does not depend on {@code survey} (as with {@link WalkWindows}).
 */
public interface PinAnswers {

  /**
   * Checks the answers against the category's current questions and throws
   * {@code kernel.InvalidInputException} naming each fault (fields {@code answers[i]}); nothing is
   * written yet. {@code requireAll} false (a walk pin, sent from a form without the questions)
   * leaves required questions unanswered without a fault.
   */
  Checked check(long dialogueId, String category, List<GivenAnswer> answers, boolean requireAll);

  /** Checked answers, stored for the pin once it has its id, in the same transaction. */
  interface Checked {
    void store(long pinId);
  }
}
