package org.dialogkarta.survey;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff reads of answers: results on the analysis page, a pin's answers in moderation. */
@RestController
class SurveyStaffController {

  private final AnswerResults results;
  private final PinAnswerViews pinAnswers;

  SurveyStaffController(AnswerResults results, PinAnswerViews pinAnswers) {
    this.results = results;
    this.pinAnswers = pinAnswers;
  }

  @GetMapping("/api/v1/analysis/questionnaire")
  AnswerResults.Results results(@RequestParam String dialogue) {
    return results.of(dialogue);
  }

  @GetMapping(path = "/api/v1/analysis/questionnaire/map", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
  String mapAnswers(@RequestParam String dialogue, @RequestParam long question) {
    return results.mapAnswers(dialogue, question);
  }

  @GetMapping("/api/v1/staff/moderation/pins/{id}/answers")
  List<PinAnswerViews.PinAnswer> pinAnswers(@PathVariable long id) {
    return pinAnswers.ofPin(id);
  }
}
