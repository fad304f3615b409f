package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;

/**
 * At a dialogue meeting the facilitator enters what participants say, one pin after another:
 * source {@code meeting}, the meeting named, published at once, a receipt for the participant.
 */
class MeetingPinTest extends WalkApiTest {

  private static final String PIN = """
      {"category": "service_gap", "text": "Bussen går för sällan på kvällen",
       "location": {"type": "Point", "coordinates": [16.18, 58.59]},
       "profile": {"ageBand": "65_79"}, "meetingName": "Öppet möte i bygdegården 4 november"%s}""";

  @Test
  void aFacilitatorEntersPinsAtAMeetingPublishedAtOnce() {
    jdbc.sql("UPDATE dialogue SET moderation_mode = 'pre' WHERE id = :id").param("id", dialogue.id()).update();
    Api.Response r = enter(PIN.formatted(""), planner);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    String receipt = r.json().get("receipt").asString();
    assertThat(receipt).hasSize(43);
    assertThat(r.location()).endsWith("/api/v1/pins/" + id);
    Map<String, Object> row = jdbc.sql("SELECT source, meeting_name, moderation_state, walk_id, age_band FROM pin WHERE id = :id")
        .param("id", id).query().singleRow();
    assertThat(row).containsEntry("source", "meeting")
        .containsEntry("meeting_name", "Öppet möte i bygdegården 4 november")
        .containsEntry("moderation_state", "published")
        .containsEntry("age_band", "65_79");
    assertThat(row.get("walk_id")).isNull();
    assertThat(api.get("/api/v1/pins/" + id).status()).isEqualTo(200);
    assertThat(api.receipt(receipt).status()).isEqualTo(200);
    String audit = jdbc.sql("SELECT after::text FROM audit_event WHERE action = 'pin.meeting_entry' AND target_id = :id")
        .param("id", id).query(String.class).single();
    assertThat(audit).contains("Öppet möte").doesNotContain("Bussen");

    // The same participant's next pin joins their receipt.
    Api.Response next = enter(PIN.formatted(", \"receipt\": \"" + receipt + "\"").replace("Bussen går", "Affären stänger"),
        planner);
    assertThat(next.status()).as(next.body()).isEqualTo(201);
    assertThat(next.json().get("receipt").asString()).isEqualTo(receipt);
  }

  @Test
  void theSameKeyMakesOnePinAndAPublicKeyDoesNotReplayAtAMeeting() {
    String key = UUID.randomUUID().toString();
    Api.Response first = enter(PIN.formatted(""), planner, "Idempotency-Key", key);
    Api.Response retry = enter(PIN.formatted(""), planner, "Idempotency-Key", key);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    assertThat(data.pinCount(dialogue)).isOne();
    Api.Response asPublic = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", PIN.formatted(""),
        "Idempotency-Key", key);
    assertThat(asPublic.status()).isEqualTo(422);
    assertThat(data.pinCount(dialogue)).isOne();
  }

  @Test
  void onlyPlannersAndAdministratorsEnterMeetingPins() {
    assertThat(enter(PIN.formatted(""), null).status()).isIn(401, 403); // CSRF may answer first
    assertThat(enter(PIN.formatted(""), StaffAccounts.basic(accounts.create(StaffRole.MODERATOR))).status()).isEqualTo(403);
    assertThat(enter(PIN.formatted(""), StaffAccounts.basic(accounts.create(StaffRole.GIS))).status()).isEqualTo(403);
    assertThat(data.pinCount(dialogue)).isZero();
    assertThat(enter(PIN.formatted(""), StaffAccounts.basic(accounts.create(StaffRole.ADMIN))).status()).isEqualTo(201);
  }

  @Test
  void aMeetingPinNamesItsMeetingAndBelongsToNoWalk() {
    long walkId = walkNow();
    String noName = PIN.formatted("").replace("\"meetingName\": \"Öppet möte i bygdegården 4 november\"", "\"meetingName\": \"  \"");
    refused(enter(noName, planner), "meetingName", "meetingName.blank");
    refused(enter(PIN.formatted("").replace("Öppet möte", "x".repeat(201)), planner), "meetingName", "meetingName.too_long");
    refused(enter(PIN.formatted(", \"walkId\": " + walkId), planner), "walkId", "walk.not_at_meeting");
    Api.Response all = enter("""
        {"category": "complaint", "text": "", "location": {"type": "Point", "coordinates": [16.18, 58.59]}}""", planner);
    assertThat(all.status()).isEqualTo(422);
    assertThat(all.json().get("errors").toString()).contains("category.unknown", "text.blank", "meetingName.blank");
    assertThat(enter(PIN.formatted(""), planner).status()).isEqualTo(201);
    assertThat(enter("{\"meetingName\": ", planner).status()).isEqualTo(400);
    assertThat(staff("POST", "/api/v1/staff/dialogues/finns-inte/meeting-pins", PIN.formatted(""), planner).status())
        .isEqualTo(404);
    assertThat(data.pinCount(dialogue)).isOne();
  }

  private Api.Response enter(String json, String authorization, String... headers) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(api.base() + "/api/v1/staff/dialogues/" + dialogue.slug() + "/meeting-pins"))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return api.send(b);
  }

  private void refused(Api.Response r, String field, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("errors")).anySatisfy(e -> {
      assertThat(e.get("field").asString()).isEqualTo(field);
      assertThat(e.get("code").asString()).isEqualTo(code);
    });
    assertThat(data.pinCount(dialogue)).isZero();
  }
}
