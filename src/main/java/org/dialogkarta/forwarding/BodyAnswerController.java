package org.dialogkarta.forwarding;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer link's API (public, no account): the token in the {@code X-Answer-Token} header,
 * never in an address, which access logs keep. The page {@code /svar#token} reads it from the
 * address's fragment, which browsers never send.
 */
@RestController
class BodyAnswerController {

  private final BodyAnswers answers;

  BodyAnswerController(BodyAnswers answers) {
    this.answers = answers;
  }

  @GetMapping("/api/v1/forwarding")
  ResponseEntity<BodyAnswers.BodyView> read(@RequestHeader(name = AnswerTokens.HEADER, required = false) String token) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answers.read(token));
  }

  @PostMapping("/api/v1/forwarding/pins/{id}")
  ResponseEntity<BodyAnswers.PinView> answer(@RequestHeader(name = AnswerTokens.HEADER, required = false) String token,
      @PathVariable long id, @RequestBody AnswerRules.Draft draft) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answers.answer(token, id, draft));
  }
}
