package org.dialogkarta.walk;

import org.dialogkarta.dialogue.ContentLanguage;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What walk mode reads and sends, without an account: the walk itself, and the GPS track a
 * participant chose to record. The pins of a walk go through the dialogue's own pin API with
 * {@code walkId}.
 */
@RestController
@RequestMapping("/api/v1/walks")
class PublicWalkController {

  private final Walks walks;
  private final Tracks tracks;
  private final DialogueRepository dialogues;
  private final WalkTranslations translations;

  PublicWalkController(Walks walks, Tracks tracks, DialogueRepository dialogues, WalkTranslations translations) {
    this.walks = walks;
    this.tracks = tracks;
    this.dialogues = dialogues;
    this.translations = translations;
  }

  /**
   * The walk with its texts in {@code lang}, else the language of the page's cookie (walk mode
   * keeps one address per walk for offline use), else Accept-Language, where translated.
   */
  @GetMapping("/{id}")
  PublicWalk walk(@PathVariable long id, @RequestParam(required = false) String lang,
      @CookieValue(name = "dk-lang", required = false) String pageLang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
    Walk walk = walks.get(id);
    ContentLanguage language = lang != null && !lang.isBlank()
        ? ContentLanguage.ofPage(lang).orElseThrow(() -> InvalidInputException.of("lang", "language.unknown",
            "'" + lang + "' is not a page language"))
        : ContentLanguage.ofPage(pageLang).orElseGet(() -> ContentLanguage.ofAcceptLanguage(accept));
    return PublicWalk.of(walk, dialogues.findById(walk.dialogue().id()).orElseThrow(), language,
        translations.in(id, language));
  }

  @PostMapping(path = "/{id}/tracks", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Tracks.Answer> track(@PathVariable long id,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody Tracks.Upload upload) {
    Tracks.Answer answer = tracks.add(id, upload, IdempotencyKeys.parse(idempotencyKey));
    ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED);
    if (answer.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(answer);
  }
}
