package org.dialogkarta.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A moderator approves, hides and redacts; the public, the submitter and the audit log see the outcome. */
class ModerationTest extends StaffApiTest {

  @Test
  void preModerationKeepsAPinOutOfSightUntilApproved() {
    preModerated(dialogue);
    assertThat(api.get("/api/v1/dialogues/" + dialogue.slug()).json().get("moderationMode").asString()).isEqualTo("pre");
    Submitted pin = pin("Trasig belysning i gångtunneln", 16.18, 58.59);

    assertThat(receiptPin(pin).get("moderationState").asString()).isEqualTo("pending");
    assertThat(publicPinIds(dialogue)).isEmpty();
    assertThat(api.get("/api/v1/pins/" + pin.id()).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/dialogues/" + dialogue.slug()).json().get("pinCount").asLong()).isZero();

    JsonNode queued = moderator.get("/api/v1/staff/moderation/queue?dialogue=" + dialogue.slug()).json().get("pins");
    assertThat(queued).hasSize(1);
    JsonNode item = queued.get(0);
    assertThat(item.get("id").asLong()).isEqualTo(pin.id());
    assertThat(item.get("text").asString()).isEqualTo("Trasig belysning i gångtunneln");
    assertThat(item.get("moderationState").asString()).isEqualTo("pending");
    assertThat(item.get("location").get("type").asString()).isEqualTo("Point");
    assertThat(item.get("dialogue").get("slug").asString()).isEqualTo(dialogue.slug());
    assertThat(item.get("dialogue").get("moderationMode").asString()).isEqualTo("pre");
    assertThat(item.get("source").asString()).isEqualTo("web");
    assertThat(item.get("redacted").asBoolean()).isFalse();

    Api.Response approved = moderator.post("/api/v1/staff/moderation/pins/" + pin.id() + "/approve", "");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("pin").get("moderationState").asString()).isEqualTo("published");

    assertThat(publicPinIds(dialogue)).containsExactly(pin.id());
    assertThat(api.get("/api/v1/dialogues/" + dialogue.slug()).json().get("pinCount").asLong()).isEqualTo(1);
    assertThat(moderator.get("/api/v1/staff/moderation/queue?dialogue=" + dialogue.id()).json().get("pins")).isEmpty();
    JsonNode history = receiptPin(pin).get("history");
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("kind").asString()).isEqualTo("moderation");
    assertThat(history.get(0).get("from").asString()).isEqualTo("pending");
    assertThat(history.get(0).get("to").asString()).isEqualTo("published");
    assertThat(history.get(0).has("actor")).as("who on the staff acted is not the public's").isFalse();

    JsonNode audit = audit("pin.approve", pin.id());
    assertThat(audit.get("actor").asString()).isEqualTo(moderator.username);
    assertThat(audit.get("before").get("moderationState").asString()).isEqualTo("pending");
    assertThat(audit.get("after").get("moderationState").asString()).isEqualTo("published");

    // Approving again changes and records nothing.
    moderator.post("/api/v1/staff/moderation/pins/" + pin.id() + "/approve", "");
    assertThat(auditRows("pin.approve", "pin", pin.id())).isEqualTo(1);
  }

  @Test
  void hidingTakesAPinOffThePublicPathsAndTellsTheSubmitterWhy() {
    Submitted pin = pin("Grannen på nummer 4 är en idiot", 16.18, 58.59);
    assertThat(publicPinIds(dialogue)).containsExactly(pin.id());

    Api.Response hidden = moderator.post("/api/v1/staff/moderation/pins/" + pin.id() + "/hide",
        "{\"reason\": \"Personangrepp strider mot reglerna\"}");
    assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);

    assertThat(publicPinIds(dialogue)).isEmpty();
    assertThat(api.get("/api/v1/pins/" + pin.id()).status()).isEqualTo(404);
    JsonNode own = receiptPin(pin);
    assertThat(own.get("moderationState").asString()).isEqualTo("hidden");
    assertThat(own.get("moderationReason").asString()).isEqualTo("Personangrepp strider mot reglerna");
    assertThat(own.get("history").get(0).get("to").asString()).isEqualTo("hidden");
    assertThat(own.get("history").get(0).get("reason").asString()).isEqualTo("Personangrepp strider mot reglerna");

    JsonNode audit = audit("pin.hide", pin.id());
    assertThat(audit.get("actor").asString()).isEqualTo(moderator.username);
    assertThat(audit.get("before").get("moderationState").asString()).isEqualTo("published");
    assertThat(audit.get("after").get("moderationState").asString()).isEqualTo("hidden");
    assertThat(audit.get("after").get("moderationReason").asString()).isEqualTo("Personangrepp strider mot reglerna");

    JsonNode queue = moderator.get("/api/v1/staff/moderation/queue?state=hidden&dialogue=" + dialogue.slug()).json();
    assertThat(queue.get("pins").get(0).get("moderationReason").asString()).isEqualTo("Personangrepp strider mot reglerna");

    // A moderator may change their mind: approving clears the reason.
    moderator.post("/api/v1/staff/moderation/pins/" + pin.id() + "/approve", "");
    assertThat(receiptPin(pin).get("moderationReason").isNull()).isTrue();
    assertThat(publicPinIds(dialogue)).containsExactly(pin.id());
  }

  @Test
  void aRedactionKeepsTheOriginalForAdministratorsOnly() {
    String original = "Mörkt vid busshållplatsen, ring mig på 070-123 45 67 så visar jag";
    String redacted = "Mörkt vid busshållplatsen, ring mig på [telefonnummer borttaget] så visar jag";
    Submitted pin = pin(original, 16.18, 58.59);

    Api.Response r = moderator.post("/api/v1/staff/moderation/pins/" + pin.id() + "/redact",
        "{\"text\": \"  " + redacted + "  \"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("pin").get("text").asString()).isEqualTo(redacted);
    assertThat(r.json().get("pin").get("redacted").asBoolean()).isTrue();
    assertThat(r.json().has("originalText")).isFalse();

    for (Staff notAdmin : List.of(moderator, planner)) {
      JsonNode detail = notAdmin.get("/api/v1/staff/moderation/pins/" + pin.id()).json();
      assertThat(detail.has("originalText")).as(notAdmin.username).isFalse();
      assertThat(detail.has("redactions")).as(notAdmin.username).isFalse();
      assertThat(detail.toString()).doesNotContain("070-123");
    }
    JsonNode forAdmin = admin.get("/api/v1/staff/moderation/pins/" + pin.id()).json();
    assertThat(forAdmin.get("originalText").asString()).isEqualTo(original);
    assertThat(forAdmin.get("redactions").get(0).get("redactedBy").asString()).isEqualTo(moderator.username);
    assertThat(forAdmin.get("redactions").get(0).get("redactedAt").asString()).isNotBlank();
    assertThat(forAdmin.get("events").get(0).get("kind").asString()).isEqualTo("redaction");
    assertThat(forAdmin.get("events").get(0).get("actor").asString()).isEqualTo(moderator.username);

    assertThat(api.get("/api/v1/pins/" + pin.id()).json().get("properties").get("text").asString()).isEqualTo(redacted);
    JsonNode own = receiptPin(pin);
    assertThat(own.get("text").asString()).isEqualTo(redacted);
    assertThat(own.get("history").get(0).get("kind").asString()).isEqualTo("redaction");
    assertThat(own.toString()).doesNotContain("070-123");

    JsonNode audit = audit("pin.redact", pin.id());
    assertThat(audit.get("actor").asString()).isEqualTo(moderator.username);
    assertThat(audit.get("before").get("redactions").asInt()).isZero();
    assertThat(audit.get("after").get("redactions").asInt()).isEqualTo(1);
    assertThat(audit.toString()).as("the audit log keeps no personal data").doesNotContain("070-123");

    // A second redaction keeps the citizen's own words as the original.
    moderator.post("/api/v1/staff/moderation/pins/" + pin.id() + "/redact", "{\"text\": \"Mörkt vid busshållplatsen\"}");
    JsonNode again = admin.get("/api/v1/staff/moderation/pins/" + pin.id()).json();
    assertThat(again.get("originalText").asString()).isEqualTo(original);
    assertThat(again.get("redactions")).hasSize(2);
  }

  @Test
  void theQueueIsOldestFirstAndPagesByKey() {
    preModerated(dialogue);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(pin("Synpunkt " + i, 16.18, 58.59).id());
    }
    // Written in reverse: the last pin is the oldest.
    for (int i = 0; i < 5; i++) {
      jdbc.sql("UPDATE pin SET created_at = now() - make_interval(hours => :h) WHERE id = :id")
          .param("h", i).param("id", ids.get(i)).update();
    }
    String queue = "/api/v1/staff/moderation/queue?dialogue=" + dialogue.slug() + "&limit=2";
    JsonNode first = moderator.get(queue).json();
    assertThat(pinIds(first)).containsExactly(ids.get(4), ids.get(3));
    JsonNode second = moderator.get(queue + "&after=" + first.get("nextAfter").asLong()).json();
    assertThat(pinIds(second)).containsExactly(ids.get(2), ids.get(1));
    JsonNode third = moderator.get(queue + "&after=" + second.get("nextAfter").asLong()).json();
    assertThat(pinIds(third)).containsExactly(ids.get(0));
    assertThat(third.get("nextAfter").isNull()).isTrue();

    moderator.post("/api/v1/staff/moderation/pins/" + ids.get(4) + "/approve", "");
    assertThat(pinIds(moderator.get(queue).json())).containsExactly(ids.get(3), ids.get(2));
    assertThat(pinIds(moderator.get(queue + "&state=published").json())).containsExactly(ids.get(4));
  }

  private JsonNode audit(String action, long pinId) {
    Api.Response r = admin.get("/api/v1/staff/audit?targetType=pin&targetId=" + pinId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    for (JsonNode e : r.json()) {
      if (e.get("action").asString().equals(action)) {
        return e;
      }
    }
    throw new AssertionError("no audit row " + action + " for pin " + pinId + ": " + r.body());
  }

  private static List<Long> pinIds(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("pins").forEach(p -> ids.add(p.get("id").asLong()));
    return ids;
  }
}
