package org.dialogkarta.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The body answers through its link: accept, decline, planned, done, and a reply a planner approves. */
class BodyAnswersTest extends ForwardingApiTest {

  private record Forwarded(long department, String token) {}

  private Forwarded forward(Submitted... pins) {
    String to = unique("svar");
    long department = department("Bostadsbolaget", to);
    StringBuilder ids = new StringBuilder();
    for (Submitted p : pins) {
      ids.append(ids.length() > 0 ? "," : "").append(p.id());
    }
    Api.Response r = planner.post("/api/v1/staff/forwardings", "{\"pinIds\": [" + ids + "], \"departmentId\": " + department + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Forwarded(department, messagesTo(to).get(0).token());
  }

  @Test
  void plannedWithADateAndAReplyThatBecomesPublicOnlyAfterApproval() {
    Submitted pin = pin("Gungan på gården är trasig");
    Forwarded f = forward(pin);
    String date = LocalDate.now().plusDays(30).toString();

    Api.Response r = answer(f.token(), pin.id(), "{\"action\": \"planned\", \"date\": \"" + date
        + "\", \"text\": \"Vi byter gungan i vår.\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("pin").get("status").asString()).isEqualTo("planned");
    List<String> kinds = new ArrayList<>();
    r.json().get("answers").forEach(a -> kinds.add(a.get("kind").asString() + ":" + a.get("replyState").asString()));
    assertThat(kinds).containsExactly("planned:", "reply:pending");

    // The citizen sees the new status at once; the reply not yet.
    JsonNode publicPin = publicPin(pin.id());
    assertThat(publicPin.get("status").asString()).isEqualTo("planned");
    assertThat(publicPin.toString()).doesNotContain("Vi byter gungan i vår.");
    JsonNode receipt = api.receipt(pin.receipt()).json().get("pins").get(0);
    assertThat(receipt.get("status").asString()).isEqualTo("planned");
    assertThat(receipt.toString()).doesNotContain("Vi byter gungan");
    String actor = "department:" + f.department();
    assertThat(jdbc.sql("SELECT count(*) FROM pin_event WHERE pin_id = :p AND actor = :a AND kind = 'status' AND to_value = 'planned' AND public AND detail = :d")
        .param("p", pin.id()).param("a", actor).param("d", date).query(Long.class).single()).isEqualTo(1);
    assertThat(audit("forwarding.answer", actor)).isGreaterThanOrEqualTo(2);
    assertThat(audit("pin.status", actor)).isGreaterThanOrEqualTo(1);

    // The planner sees the pending reply and approves it.
    JsonNode staff = planner.get("/api/v1/staff/pins/" + pin.id() + "/forwardings").json();
    JsonNode pending = null;
    for (JsonNode a : staff.get("answers")) {
      if ("pending".equals(a.get("replyState").asString())) {
        pending = a;
      }
    }
    assertThat(pending).isNotNull();
    Api.Response approved = planner.post("/api/v1/staff/forwardings/answers/" + pending.get("id").asLong() + "/approve", "{}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("replyState").asString()).isEqualTo("approved");
    assertThat(publicPin(pin.id()).toString()).contains("Vi byter gungan i vår.");
    assertThat(api.receipt(pin.receipt()).body()).contains("Vi byter gungan i vår.");
    assertThat(audit("forwarding.reply_approve", planner.username)).isEqualTo(1);
    // Decided once.
    assertThat(planner.post("/api/v1/staff/forwardings/answers/" + pending.get("id").asLong() + "/reject", "{}").status())
        .isEqualTo(409);
  }

  @Test
  void aRejectedReplyNeverBecomesPublicAndDoneNeedsADateThatHasBeen() {
    Submitted pin = pin("Skräp vid återvinningen");
    Forwarded f = forward(pin);
    Api.Response future = answer(f.token(), pin.id(), "{\"action\": \"done\", \"date\": \"" + LocalDate.now().plusDays(3) + "\"}");
    assertThat(future.status()).isEqualTo(422);
    assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("date");
    Api.Response done = answer(f.token(), pin.id(), "{\"action\": \"done\", \"date\": \"" + LocalDate.now() + "\", \"text\": \"Städat, hälsningar Kalle 070-1234567\"}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(publicPin(pin.id()).get("status").asString()).isEqualTo("done");
    long replyId = done.json().get("answers").get(1).get("id").asLong();
    Api.Response rejected = planner.post("/api/v1/staff/forwardings/answers/" + replyId + "/reject", "{}");
    assertThat(rejected.json().get("replyState").asString()).isEqualTo("rejected");
    assertThat(publicPin(pin.id()).toString()).doesNotContain("Kalle");
    assertThat(api.receipt(pin.receipt()).body()).doesNotContain("Kalle");
  }

  @Test
  void declineWithAReasonGivesThePinBackAndItLeavesTheLink() {
    Submitted kept = pin("Trasigt staket");
    Submitted declined = pin("Nedskräpning i skogen");
    Forwarded f = forward(kept, declined);
    Api.Response noReason = answer(f.token(), declined.id(), "{\"action\": \"decline\"}");
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

    Api.Response r = answer(f.token(), declined.id(), "{\"action\": \"decline\", \"reason\": \"Skogen sköts av kommunen, inte av oss.\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("pin").get("status").asString()).isEqualTo("in_review");
    assertThat(r.json().get("pin").get("departmentId").isNull()).isTrue();
    List<Long> listed = new ArrayList<>();
    body(f.token()).json().get("pins").forEach(p -> listed.add(p.get("pin").get("id").asLong()));
    assertThat(listed).containsExactly(kept.id());
    // Answering a pin no longer with the body is the same 404 as an unknown link.
    assertThat(answer(f.token(), declined.id(), "{\"action\": \"accept\"}").status()).isEqualTo(404);
    JsonNode staff = planner.get("/api/v1/staff/pins/" + declined.id() + "/forwardings").json();
    assertThat(staff.get("answers").get(0).get("reason").asString()).isEqualTo("Skogen sköts av kommunen, inte av oss.");
    // The reason is for staff; the citizen sees the status.
    assertThat(api.receipt(declined.receipt()).body()).doesNotContain("Skogen sköts");

    Api.Response accepted = answer(f.token(), kept.id(), "{\"action\": \"accept\"}");
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.json().get("pin").get("status").asString()).isEqualTo("forwarded");
    assertThat(accepted.json().get("answers").get(0).get("kind").asString()).isEqualTo("accepted");
  }

  @Test
  void aHiddenPinsTextIsNotShownAndBadInputIsNamed() {
    Submitted pin = pin("Grannen Anna Svensson på nummer 4 slänger skräp");
    Forwarded f = forward(pin);
    Api.Response hide = moderator.post("/api/v1/staff/moderation/pins/" + pin.id() + "/hide", "{\"reason\": \"Personuppgifter\"}");
    assertThat(hide.status()).as(hide.body()).isEqualTo(200);
    Api.Response view = body(f.token());
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body()).doesNotContain("Anna Svensson");
    assertThat(view.json().get("pins").get(0).get("pin").get("hidden").asBoolean()).isTrue();
    assertThat(view.raw().headers().firstValue("Cache-Control").orElse("")).contains("no-store");

    String before = jdbc.sql("SELECT count(*) || '/' || (SELECT status FROM pin WHERE id = :p) FROM forwarding_answer WHERE pin_id = :p")
        .param("p", pin.id()).query(String.class).single();
    Api.Response unknown = answer(f.token(), pin.id(), "{\"action\": \"maybe\"}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("action");
    Api.Response badDate = answer(f.token(), pin.id(), "{\"action\": \"planned\", \"date\": \"nästa vecka\"}");
    assertThat(badDate.status()).isEqualTo(422);
    assertThat(badDate.json().get("errors").get(0).get("code").asString()).isEqualTo("answer.date_invalid");
    Api.Response past = answer(f.token(), pin.id(), "{\"action\": \"planned\", \"date\": \"2001-01-01\"}");
    assertThat(past.status()).isEqualTo(422);
    Api.Response blankReply = answer(f.token(), pin.id(), "{\"action\": \"reply\", \"text\": \"   \"}");
    assertThat(blankReply.status()).isEqualTo(422);
    assertThat(blankReply.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
    Api.Response longReply = answer(f.token(), pin.id(), "{\"action\": \"reply\", \"text\": \"" + "x".repeat(2001) + "\"}");
    assertThat(longReply.status()).isEqualTo(422);
    assertThat(jdbc.sql("SELECT count(*) || '/' || (SELECT status FROM pin WHERE id = :p) FROM forwarding_answer WHERE pin_id = :p")
        .param("p", pin.id()).query(String.class).single()).isEqualTo(before);
  }
}
