package org.dialogkarta.pin;

import java.net.URI;
import java.util.List;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A facilitator at a dialogue meeting or workshop enters what participants say, one pin after
 * another (PLANNER and above, by path in SecurityConfig). Each pin gets its own receipt, which
 * the facilitator may hand to the participant, or joins a receipt given in the body.
 */
@RestController
class MeetingPinController {

  /** The public pin body plus the meeting's name. */
  record MeetingPin(String category, List<String> subtags, String text, PinSubmission.Location location,
      PinSubmission.Profile profile, Long walkId, String receipt, Double accuracy, String recordedAt,
      String meetingName) {

    PinSubmission pin() {
      return new PinSubmission(category, subtags, text, location, profile, walkId, receipt, accuracy, recordedAt);
    }
  }

  private final PinSubmissions submissions;

  MeetingPinController(PinSubmissions submissions) {
    this.submissions = submissions;
  }

  @PostMapping(path = "/api/v1/staff/dialogues/{id}/meeting-pins", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SubmittedPin> enter(@PathVariable String id,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody MeetingPin body) {
    SubmittedPin answer = submissions.submitAtMeeting(id, body.pin(), body.meetingName(),
        IdempotencyKeys.parse(idempotencyKey));
    ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/v1/pins/" + answer.id()));
    if (answer.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(answer);
  }
}
