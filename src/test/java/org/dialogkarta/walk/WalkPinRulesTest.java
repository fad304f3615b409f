package org.dialogkarta.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A pin with a walkId must name a walk of its dialogue and be made while the walk takes pins: an
 * hour before the start until three hours after the end, or the close. What counts is when the
 * phone made the pin, so a pin made offline during the walk is taken when it is sent later.
 */
class WalkPinRulesTest extends WalkApiTest {

  private static final Instant NOW = Instant.now();

  @Test
  void onAWalkTheTextMayBeLeftOutButElsewhereItMayNot() {
    long walkId = walkNow();
    Pinned twoTaps = pinned(walkId, "safety_concern", "", Instant.now().minus(5, ChronoUnit.MINUTES));
    assertThat(jdbc.sql("SELECT text IS NULL AND text_deleted_at IS NULL FROM pin WHERE id = :id")
        .param("id", twoTaps.id()).query(Boolean.class).single()).isTrue();
    JsonNode shown = api.get("/api/v1/pins/" + twoTaps.id()).json().get("properties");
    assertThat(shown.get("text").isNull()).isTrue();
    assertThat(shown.get("textDeleted").asBoolean()).as("no words is not a deleted text").isFalse();

    Api.Response web = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", Api.pinJson("suggestion", "  ", 16.18, 58.59));
    assertThat(web.status()).isEqualTo(422);
    assertThat(web.json().get("errors").get(0).get("code").asString()).isEqualTo("text.blank");
  }

  @Test
  void aWalkPinIsStoredWithItsWalkAccuracyAndTimeAndSourceWalk() {
    long walkId = walkNow();
    Instant madeAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
    Pinned pin = pinned(walkId, "safety_concern", "Mörkt vid garagen", madeAt);
    Map<String, Object> row = jdbc.sql("SELECT walk_id, source, accuracy_m, recorded_at FROM pin WHERE id = :id")
        .param("id", pin.id()).query().singleRow();
    assertThat(((Number) row.get("walk_id")).longValue()).isEqualTo(walkId);
    assertThat(row.get("source")).isEqualTo("walk");
    assertThat(((Number) row.get("accuracy_m")).doubleValue()).isEqualTo(8.5);
    assertThat(((java.sql.Timestamp) row.get("recorded_at")).toInstant()).isEqualTo(madeAt);
    // An ordinary pin stays a web pin.
    Api.Response web = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        Api.pinJson("suggestion", "Fler bänkar", LON, LAT));
    assertThat(jdbc.sql("SELECT source FROM pin WHERE id = :id").param("id", web.json().get("id").asLong())
        .query(String.class).single()).isEqualTo("web");
  }

  @Test
  void aWalkOfAnotherDialogueIsRefused() {
    TestData.Dialogue other = data.openDialogue();
    long otherWalk = walk(other, NOW.minusSeconds(600), NOW.plusSeconds(3600));
    refused(() -> walkPin(otherWalk, "suggestion", "x", null), 422, "walkId", "walk.other_dialogue");
  }

  @Test
  void anUnknownWalkIsRefused() {
    refused(() -> walkPin(999_999_999_999L, "suggestion", "x", null), 422, "walkId", "walk.unknown");
  }

  @Test
  void aWalkThatEndedMoreThanThreeHoursAgoTakesNoNewPins() {
    long walkId = walk(dialogue, NOW.minus(8, ChronoUnit.HOURS), NOW.minus(6, ChronoUnit.HOURS));
    refused(() -> walkPin(walkId, "safety_concern", "Sent omsider", null), 409, null, "walk.ended");
    refused(() -> walkPin(walkId, "safety_concern", "Sent omsider", NOW.minus(2, ChronoUnit.HOURS)), 409, null, "walk.ended");
  }

  @Test
  void aPinMadeOfflineDuringTheWalkIsTakenWhenSentAfterItEnded() {
    long walkId = walk(dialogue, NOW.minus(8, ChronoUnit.HOURS), NOW.minus(6, ChronoUnit.HOURS));
    Pinned pin = pinned(walkId, "safety_concern", "Ingen belysning vid busshållplatsen", NOW.minus(7, ChronoUnit.HOURS));
    assertThat(walkPinCount(walkId)).isOne();
    assertThat(jdbc.sql("SELECT source FROM pin WHERE id = :id").param("id", pin.id()).query(String.class).single())
        .isEqualTo("walk");
  }

  @Test
  void aClosedWalkTakesOnlyPinsMadeBeforeItWasClosed() {
    long walkId = walkNow();
    Instant beforeClose = Instant.now().minusSeconds(60);
    assertThat(asPlanner("POST", "/api/v1/staff/walks/" + walkId + "/close", null).status()).isEqualTo(200);
    refused(() -> walkPin(walkId, "safety_concern", "Efter stängning", null), 409, null, "walk.ended");
    pinned(walkId, "safety_concern", "Gjord före stängning, skickad efter", beforeClose);
    assertThat(walkPinCount(walkId)).isOne();
  }

  @Test
  void aWalkTakesPinsFromAnHourBeforeItStarts() {
    long soon = walk(dialogue, NOW.plus(30, ChronoUnit.MINUTES), NOW.plus(150, ChronoUnit.MINUTES));
    pinned(soon, "suggestion", "Samling vid torget", null);
    long later = walk(dialogue, NOW.plus(3, ChronoUnit.HOURS), NOW.plus(5, ChronoUnit.HOURS));
    refused(() -> walkPin(later, "suggestion", "För tidigt", null), 422, "walkId", "walk.not_started");
  }

  @Test
  void recordedAtMayNotBeInTheFutureBeyondAFewMinutesOfClockSkew() {
    long walkId = walkNow();
    refused(() -> walkPin(walkId, "suggestion", "Från framtiden", Instant.now().plus(1, ChronoUnit.HOURS)),
        422, "recordedAt", "recordedAt.future");
    pinned(walkId, "suggestion", "Klockan går lite före", Instant.now().plus(2, ChronoUnit.MINUTES));
  }

  @Test
  void aDeviceTimeAndAccuracyAreCheckedForEveryPin() {
    long walkId = walkNow();
    refused(() -> api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        walkPinJson(walkId, "suggestion", "x", LON, LAT, null).replace("\"accuracy\": 8.5", "\"accuracy\": -1")), 422, "accuracy", "accuracy.out_of_range");
    refused(() -> api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        walkPinJson(walkId, "suggestion", "x", LON, LAT, null).replace("\"accuracy\": 8.5", "\"accuracy\": 20000")), 422, "accuracy", "accuracy.out_of_range");
    refused(() -> api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        walkPinJson(walkId, "suggestion", "x", LON, LAT, null).replace("\"accuracy\": 8.5", "\"accuracy\": \"nära\"")), 400, null, "body.malformed");
    refused(() -> api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", """
        {"category": "suggestion", "text": "x", "location": {"type": "Point", "coordinates": [16.18, 58.59]},
         "recordedAt": "igår kväll"}"""), 422, "recordedAt", "recordedAt.malformed");
    refused(() -> api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", """
        {"category": "suggestion", "text": "x", "location": {"type": "Point", "coordinates": [16.18, 58.59]},
         "recordedAt": "2026-10-14T18:25:00"}"""), 422, "recordedAt", "recordedAt.malformed");
  }

  @Test
  void everyFaultIsReportedAtOnceAndTheEndedWalkOnlyWhenNothingElseIsWrong() {
    long ended = walk(dialogue, NOW.minus(8, ChronoUnit.HOURS), NOW.minus(6, ChronoUnit.HOURS));
    Api.Response r = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        walkPinJson(ended, "complaint", "x", LON, LAT, null));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("category.unknown");
    assertThat(data.pinCount(dialogue)).isZero();
  }

  /** The call is refused with the status and code, and stores no pin. */
  private void refused(Supplier<Api.Response> call, int status, String field, String code) {
    long before = data.pinCount(dialogue);
    Api.Response r = call.get();
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode body = r.json();
    if (field == null) {
      assertThat(body.get("code").asString()).isEqualTo(code);
    } else {
      assertThat(body.get("errors")).anySatisfy(e -> {
        assertThat(e.get("field").asString()).isEqualTo(field);
        assertThat(e.get("code").asString()).isEqualTo(code);
      });
    }
    assertThat(data.pinCount(dialogue)).as("nothing stored").isEqualTo(before);
  }
}
