package org.dialogkarta.survey;

import java.util.List;
import org.dialogkarta.pin.GivenAnswer;
import org.dialogkarta.pin.PinAnswers;
import org.springframework.stereotype.Component;

/**
 * The answers that come with a pin, to the questions of its category: checked before the pin is
 * stored and stored after it, in the pin's transaction (a bad answer leaves no pin).
 */
@Component
class SurveyPinAnswers implements PinAnswers {

  private final Questions questions;
  private final MapAnswerChecks maps;
  private final Responses responses;

  SurveyPinAnswers(Questions questions, MapAnswerChecks maps, Responses responses) {
    this.questions = questions;
    this.maps = maps;
    this.responses = responses;
  }

  @Override
  public Checked check(long dialogueId, String category, List<GivenAnswer> answers, boolean requireAll) {
    List<Question> asked = Questions.inScope(questions.current(dialogueId), category);
    if (asked.isEmpty() && (answers == null || answers.isEmpty())) {
      return pinId -> { };
    }
    List<CheckedAnswer> checked = AnswerRules.check(asked, answers, requireAll);
    maps.check(dialogueId, checked);
    if (checked.isEmpty()) {
      return pinId -> { };
    }
    return pinId -> responses.storeForPin(dialogueId, pinId, checked);
  }
}
