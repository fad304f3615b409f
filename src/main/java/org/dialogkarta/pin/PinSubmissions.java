package org.dialogkarta.pin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.dialogue.ModerationMode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Takes a citizen's pin in: one transaction for key claim, rules, receipt and the pin itself. */
@Service
class PinSubmissions {

  private final DialogueRepository dialogues;
  private final PinRepository pins;
  private final Receipts receipts;
  private final IdempotencyKeys keys;
  private final JsonMapper json;

  PinSubmissions(DialogueRepository dialogues, PinRepository pins, Receipts receipts,
      IdempotencyKeys keys, JsonMapper json) {
    this.dialogues = dialogues;
    this.pins = pins;
    this.receipts = receipts;
    this.keys = keys;
    this.json = json;
  }

  @Transactional
  SubmittedPin submit(String dialogueRef, PinSubmission submission, UUID idempotencyKey) {
    Dialogue dialogue = dialogues.getByIdOrSlug(dialogueRef);
    if (idempotencyKey != null) {
      Optional<SubmittedPin> earlier = keys.claim(idempotencyKey, requestHash(dialogue, submission));
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    NewPin newPin = PinRules.check(dialogue, submission);
    Receipts.Issued receipt = Optional.ofNullable(submission.receipt())
        .flatMap(token -> receipts.find(token).map(id -> new Receipts.Issued(id, token)))
        .orElseGet(receipts::issue);
    Pin pin = pins.save(Pin.from(newPin, receipt.id(), initialState(dialogue), Instant.now()));
    SubmittedPin answer = new SubmittedPin(pin.id(), receipt.token(), false);
    if (idempotencyKey != null) {
      keys.complete(idempotencyKey, answer);
    }
    return answer;
  }

  /** Pre-moderated dialogues keep a pin out of sight until a moderator has read it. */
  static ModerationState initialState(Dialogue dialogue) {
    return dialogue.moderationMode() == ModerationMode.PRE ? ModerationState.PENDING : ModerationState.PUBLISHED;
  }

  /** Same dialogue and same body (as parsed, so white space and key order do not matter). */
  private byte[] requestHash(Dialogue dialogue, PinSubmission submission) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((dialogue.id() + "\n").getBytes(StandardCharsets.UTF_8));
      return sha.digest(json.writeValueAsBytes(submission));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
