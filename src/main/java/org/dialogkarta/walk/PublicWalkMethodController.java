package org.dialogkarta.walk;

import java.util.List;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Without an account: walk mode reads the checklist and the stops and sends a group's ratings
 * (and the set's optional photo);
 * the public dialogue page reads what came of the dialogue's walks (decided actions only).
 */
@RestController
class PublicWalkMethodController {

  /** What walk mode needs to rate: the scale, the current questions and the stops. */
  record Checklist(WalkMethod.Scale scale, List<Question> items, List<WalkStops.Stop> stops) {}

  record Question(long id, String topic, String wording) {}

  private final Walks walks;
  private final Checklists checklists;
  private final WalkStops stops;
  private final WalkRatings ratings;
  private final WalkRatingPhotos ratingPhotos;
  private final PublicWalkActions publicActions;
  private final DialogueRepository dialogues;

  PublicWalkMethodController(Walks walks, Checklists checklists, WalkStops stops, WalkRatings ratings,
      PublicWalkActions publicActions, DialogueRepository dialogues, WalkRatingPhotos ratingPhotos) {
    this.ratingPhotos = ratingPhotos;
    this.walks = walks;
    this.checklists = checklists;
    this.stops = stops;
    this.ratings = ratings;
    this.publicActions = publicActions;
    this.dialogues = dialogues;
  }

  @GetMapping("/api/v1/walks/{id}/checklist")
  Checklist checklist(@PathVariable long id) {
    walks.get(id);
    return new Checklist(WalkMethod.Scale.DEFAULT,
        checklists.current(id).stream().map(i -> new Question(i.id(), i.topic(), i.wording())).toList(), stops.of(id));
  }

  @PostMapping(path = "/api/v1/walks/{id}/ratings", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<WalkRatings.Answer> rate(@PathVariable long id,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody WalkRatings.Upload upload) {
    WalkRatings.Answer answer = ratings.add(id, upload, IdempotencyKeys.parse(idempotencyKey));
    ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED);
    if (answer.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(answer);
  }

  /** The rating set's one optional photo, with the photoToken from the answer to the ratings. */
  @PostMapping(path = "/api/v1/walks/{id}/ratings/{setId}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<WalkRatingPhotos.Stored> ratingPhoto(@PathVariable long id, @PathVariable long setId,
      @RequestParam(name = "token", required = false) String token,
      @RequestParam(name = "photo", required = false) MultipartFile photo) {
    WalkRatingPhotos.Stored stored = ratingPhotos.add(id, setId, token, photo);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED);
    if (stored.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(stored);
  }

  @GetMapping("/api/v1/dialogues/{ref}/walk-actions")
  List<PublicWalkActions.PublicAction> actions(@PathVariable String ref) {
    return publicActions.of(dialogues.getByIdOrSlug(ref).id());
  }
}
