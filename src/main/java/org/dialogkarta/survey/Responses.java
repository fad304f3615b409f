package org.dialogkarta.survey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.dialogkarta.receipt.Receipts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes answers in: a visit's answers to the dialogue's questions (a response of its own, with
 * an Idempotency-Key and a receipt like a pin), and the answers that came with a pin
 * ({@link SurveyPinAnswers}). Stores no address, device or account: only the receipt.
 */
@Service
class Responses {

  private final DialogueRepository dialogues;
  private final Questions questions;
  private final MapAnswerChecks maps;
  private final Receipts receipts;
  private final IdempotencyKeys keys;
  private final JdbcClient jdbc;
  private final JsonMapper json;

  Responses(DialogueRepository dialogues, Questions questions, MapAnswerChecks maps, Receipts receipts,
      IdempotencyKeys keys, JdbcClient jdbc, JsonMapper json) {
    this.dialogues = dialogues;
    this.questions = questions;
    this.maps = maps;
    this.receipts = receipts;
    this.keys = keys;
    this.jdbc = jdbc;
    this.json = json;
  }

  @Transactional
  SubmittedResponse submit(String dialogueRef, ResponseSubmission submission, UUID idempotencyKey) {
    Dialogue dialogue = dialogues.getByIdOrSlug(dialogueRef);
    byte[] digest = idempotencyKey == null ? null : requestHash(dialogue, submission);
    if (idempotencyKey != null) {
      Optional<IdempotencyKeys.Earlier> earlier = keys.claim(IdempotencyKeys.Kind.RESPONSE, idempotencyKey, digest);
      if (earlier.isPresent()) {
        return new SubmittedResponse(earlier.get().createdId(), earlier.get().receiptToken(), true);
      }
    }
    if (!dialogue.isOpenForPins()) {
      throw new ConflictException("dialogue.closed", "The dialogue '" + dialogue.title() + "' is "
          + dialogue.status().code() + " and takes no answers");
    }
    List<Question> asked = Questions.inScope(questions.current(dialogue.id()), null);
    List<CheckedAnswer> answers = AnswerRules.check(asked, submission == null ? null : submission.answers(), true);
    if (answers.isEmpty()) {
      throw InvalidInputException.of("answers", "answers.empty", "Answer at least one question");
    }
    maps.check(dialogue.id(), answers);
    Receipts.Issued receipt = receipts.findOrIssue(submission.receipt());
    long id = store(dialogue.id(), receipt.id(), null, answers);
    if (idempotencyKey != null) {
      keys.complete(IdempotencyKeys.Kind.RESPONSE, idempotencyKey, digest, id, receipt.token());
    }
    return new SubmittedResponse(id, receipt.token(), false);
  }

  /** Stores a pin's answers, checked already, on the pin's receipt. */
  void storeForPin(long dialogueId, long pinId, List<CheckedAnswer> answers) {
    Long receiptId = jdbc.sql("SELECT receipt_id FROM pin WHERE id = :p").param("p", pinId)
        .query((rs, n) -> (Long) rs.getObject(1)).single();
    store(dialogueId, receiptId, pinId, answers);
  }

  private long store(long dialogueId, Long receiptId, Long pinId, List<CheckedAnswer> answers) {
    long id = jdbc.sql("""
            INSERT INTO questionnaire_response (dialogue_id, receipt_id, pin_id) VALUES (:d, :r, :p) RETURNING id""")
        .param("d", dialogueId).param("r", receiptId).param("p", pinId)
        .query(Long.class).single();
    for (CheckedAnswer a : answers) {
      jdbc.sql("""
              INSERT INTO answer (response_id, question_version_id, value, geom)
              VALUES (:r, :v, CAST(:value AS jsonb), ST_GeomFromText(:wkt, 4326))""")
          .param("r", id)
          .param("v", a.question().versionId())
          .param("value", a.valueJson())
          .param("wkt", a.geometry() == null ? null : a.geometry().toText())
          .update();
    }
    return id;
  }

  private byte[] requestHash(Dialogue dialogue, ResponseSubmission submission) {
    return IdempotencyKeys.requestDigest("response\n" + dialogue.id() + "\n", json.writeValueAsBytes(submission));
  }
}
