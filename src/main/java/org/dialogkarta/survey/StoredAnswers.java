package org.dialogkarta.survey;

import org.dialogkarta.pin.PublicPins;

/**
 * The one SQL rule for which answers staff views, analysis and exports read: a visit's answers
 * always, a pin's answers only while the pin may leave the system ({@link PublicPins}), so a
 * hidden, pending or merged pin's answers are not counted.
 */
final class StoredAnswers {

  private StoredAnswers() {}

  /** Condition on {@code questionnaire_response} under {@code alias}. */
  static String visible(String alias) {
    return "(" + alias + ".pin_id IS NULL OR EXISTS (SELECT 1 FROM pin WHERE pin.id = " + alias + ".pin_id AND "
        + PublicPins.condition("pin") + "))";
  }
}
