package org.dialogkarta.pin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.dialogue.ModerationMode;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.dialogkarta.receipt.Receipts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a pin in: one transaction for key claim, rules, receipt and the pin itself. Citizens send
 * pins from the map or from walk mode; facilitators enter them at meetings for participants.
 */
@Service
public class PinSubmissions {

  /** What the audit log keeps of a pin entered at a meeting: never its text. */
  record MeetingEntry(long dialogueId, String meetingName, String category) {}

  private final DialogueRepository dialogues;
  private final PinRepository pins;
  private final Receipts receipts;
  private final IdempotencyKeys keys;
  private final WalkWindows walks;
  private final AuditLog audit;
  private final JsonMapper json;
  private final ShapeRules shapes;
  private final PinAnswers answers;

  PinSubmissions(DialogueRepository dialogues, PinRepository pins, Receipts receipts,
      IdempotencyKeys keys, WalkWindows walks, AuditLog audit, JsonMapper json, ShapeRules shapes,
      PinAnswers answers) {
    this.shapes = shapes;
    this.answers = answers;
    this.dialogues = dialogues;
    this.pins = pins;
    this.receipts = receipts;
    this.keys = keys;
    this.walks = walks;
    this.audit = audit;
    this.json = json;
  }

  /** A citizen's pin (the map, walk mode, or an Open311 client: open311.Open311Requests), under the citizens' rules. */
  @Transactional
  public SubmittedPin submit(String dialogueRef, PinSubmission submission, UUID idempotencyKey) {
    Dialogue dialogue = dialogues.getByIdOrSlug(dialogueRef);
    byte[] digest = idempotencyKey == null ? null : requestHash(dialogue, "", submission);
    if (idempotencyKey != null) {
      Optional<IdempotencyKeys.Earlier> earlier = keys.claim(IdempotencyKeys.Kind.PIN, idempotencyKey, digest);
      if (earlier.isPresent()) {
        return SubmittedPin.replayed(earlier.get());
      }
    }
    WalkWindow walk = submission.walkId() == null ? null : walks.of(submission.walkId()).orElse(null);
    NewPin newPin = PinRules.check(dialogue, submission, walk, Instant.now(), shaped(dialogue, submission));
    PinAnswers.Checked checked = answers.check(dialogue.id(), newPin.category().code(), submission.answers(), walk == null);
    SubmittedPin stored = store(newPin, submission.receipt(), initialState(dialogue), idempotencyKey, digest);
    checked.store(stored.id());
    return stored;
  }

  /**
   * A pin a facilitator enters for a participant at a meeting. Published at once: a member of
   * staff wrote it down, so there is nothing for a moderator to check first. Audited as the
   * facilitator's action; the audit row names the meeting and category, never the text.
   */
  @Transactional
  SubmittedPin submitAtMeeting(String dialogueRef, PinSubmission submission, String meetingName,
      UUID idempotencyKey) {
    Dialogue dialogue = dialogues.getByIdOrSlug(dialogueRef);
    byte[] digest = idempotencyKey == null ? null : requestHash(dialogue, "meeting\n" + meetingName, submission);
    if (idempotencyKey != null) {
      Optional<IdempotencyKeys.Earlier> earlier = keys.claim(IdempotencyKeys.Kind.PIN, idempotencyKey, digest);
      if (earlier.isPresent()) {
        return SubmittedPin.replayed(earlier.get());
      }
    }
    NewPin newPin = PinRules.checkAtMeeting(dialogue, submission, meetingName, Instant.now(),
        shaped(dialogue, submission));
    SubmittedPin answer = store(newPin, submission.receipt(), ModerationState.PUBLISHED, idempotencyKey, digest);
    audit.record("pin.meeting_entry", "pin", answer.id(), null,
        new MeetingEntry(dialogue.id(), newPin.meetingName(), newPin.category().code()));
    return answer;
  }

  private SubmittedPin store(NewPin newPin, String receiptToken, ModerationState state, UUID idempotencyKey,
      byte[] digest) {
    Receipts.Issued receipt = receipts.findOrIssue(receiptToken);
    Pin pin = pins.save(Pin.from(newPin, receipt.id(), state, Instant.now()));
    SubmittedPin answer = new SubmittedPin(pin.id(), receipt.token(), false);
    if (idempotencyKey != null) {
      keys.complete(IdempotencyKeys.Kind.PIN, idempotencyKey, digest, answer.id(), answer.receipt());
    }
    return answer;
  }

  /** A drawn line or area is checked (with PostGIS) only when the dialogue takes pins at all. */
  private PinRules.Shaped shaped(Dialogue dialogue, PinSubmission submission) {
    if (submission.shape() == null || !dialogue.isOpenForPins()) {
      return PinRules.Shaped.NONE;
    }
    List<FieldViolation> faults = new ArrayList<>();
    DrawnShape shape = shapes.check(dialogue, submission.shape(), faults);
    return new PinRules.Shaped(shape, faults);
  }

  /** Pre-moderated dialogues keep a pin out of sight until a moderator has read it. */
  static ModerationState initialState(Dialogue dialogue) {
    return dialogue.moderationMode() == ModerationMode.PRE ? ModerationState.PENDING : ModerationState.PUBLISHED;
  }

  /**
   * Same dialogue, same kind of entry and same body (as parsed, so white space and key order do
   * not matter). The entry keeps a key used on the public form from replaying at a meeting.
   */
  private byte[] requestHash(Dialogue dialogue, String entry, PinSubmission submission) {
    return IdempotencyKeys.requestDigest(dialogue.id() + "\n" + (entry.isEmpty() ? "" : entry + "\n"),
        json.writeValueAsBytes(submission));
  }
}
